#!/usr/bin/env bash
# Grafana dashboards: every dashboards/provisioning/dashboards/driftd/*.json must validate against the JSON Schema derived from
# Grafana's published dashboard types (@grafana/schema -> ts-json-schema-generator -> ajv), the
# options of each panel against its plugin's published Options/FieldConfig types, and must query
# only through the ${datasource} variable. No Grafana server is needed (none is packaged for
# Debian 12). A deliberately broken copy must be rejected, so the validator cannot pass vacuously.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools=tools/grafana-schema

ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return 0
  echo "dashboard: node/npm missing, installing Debian's nodejs and npm"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
}

ensure_node
# npm ci only when node_modules is missing or older than the lock file: idempotent and quick.
if [ ! -f "$tools/node_modules/.package-lock.json" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  echo "dashboard: npm ci in $tools"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "dashboard: generating JSON Schemas from @grafana/schema"
node "$tools/generate-schema.js"

echo "dashboard: validating dashboards/provisioning/dashboards/driftd/*.json"
node "$tools/validate-dashboard.js" dashboards/provisioning/dashboards/driftd/*.json

# Self-test: two defects the schema must catch (a gridPos with a string height, an unknown
# panel option) and one of our own rules (a hard-coded datasource uid).
broken=$(mktemp -d)
trap 'rm -rf "$broken"' EXIT
node -e '
  const fs = require("fs");
  const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const p = d.panels.find((x) => x.type !== "row");
  p.gridPos.h = "8";
  p.options.noSuchOption = true;
  p.datasource = { type: "prometheus", uid: "prom-prod" };
  fs.writeFileSync(process.argv[2], JSON.stringify(d));
' dashboards/provisioning/dashboards/driftd/driftd-fleets.json "$broken/broken.json"
if out=$(node "$tools/validate-dashboard.js" "$broken/broken.json" 2>&1); then
  echo "dashboard: self-test FAILED: a broken dashboard validated" >&2
  exit 1
fi
for expected in 'gridPos/h must be number' 'noSuchOption' 'prom-prod'; do
  if ! grep -q "$expected" <<<"$out"; then
    echo "dashboard: self-test FAILED: no complaint about '$expected' in:" >&2
    echo "$out" >&2
    exit 1
  fi
done
echo "dashboard: self-test: a broken copy is rejected ($(grep -c '^  ' <<<"$out") problems reported): OK"

# The provisioning folder: the dashboard provider must load the folder the dashboards are in, once
# copied as the docs say (cp -r dashboards/provisioning/. /etc/grafana/provisioning/).
python3 - <<'PY'
import glob, os, sys, yaml
root = "dashboards/provisioning"
providers = yaml.safe_load(open(f"{root}/dashboards/driftd.yaml"))
problems = []
if providers.get("apiVersion") != 1:
    problems.append("dashboards/driftd.yaml: apiVersion must be 1")
for p in providers.get("providers", []):
    path = p.get("options", {}).get("path", "")
    local = os.path.join(root, os.path.relpath(path, "/etc/grafana/provisioning")) if path.startswith("/etc/grafana/provisioning/") else None
    if p.get("type") != "file" or not local or not glob.glob(f"{local}/*.json"):
        problems.append(f"provider {p.get('name')}: path {path!r} is not a folder of dashboards under /etc/grafana/provisioning")
sources = yaml.safe_load(open(f"{root}/datasources/driftd-prometheus.yaml"))
if sources.get("apiVersion") != 1 or any(s.get("type") != "prometheus" for s in sources.get("datasources", [])):
    problems.append("datasources/driftd-prometheus.yaml: apiVersion 1 and Prometheus data sources only")
for p in problems:
    print(f"dashboard: {p}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"dashboard: provisioning folder {root}: provider loads {len(glob.glob(root + '/dashboards/driftd/*.json'))} dashboard(s): OK")
PY
