#!/usr/bin/env bash
# Metric names: every metric that dashboards/provisioning/dashboards/driftd/*.json, dashboards/driftd-alerts.yml and the alert
# unit tests query must be in the contract list dashboards/metrics.txt (or be a recording rule of
# the rule file). Expressions are parsed with Prometheus' PromQL grammar (lezer-promql), so a
# PromQL syntax error in a dashboard fails here too.
# Every name of DESIGN.md's "Metrics" section must be in the list, and every listed name must be in
# DESIGN.md or documented in docs/metrics.md (DESIGN.md from $DRIFTD_DESIGN_MD, ./DESIGN.md,
# docs/DESIGN.md or ../shared/DESIGN.md; without one that part is skipped, and says so).
# It also checks a real scrape -- DRIFTD_METRICS_URL (a live /metrics), DRIFTD_METRICS_FILE (a
# saved scrape), or else daemon/target/driftd.jar (built by mvn verify) started on a throwaway
# config and swept once: `promtool check metrics` is clean but for the two accepted advisories
# (.ci/checks/lib/promtool.sh), and every driftd_ sample name in it is listed. A missing tool is
# installed; one still missing, a missing jar or a daemon that does not come up fails the check.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/checks/lib/promtool.sh
tools=tools/grafana-schema
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "metrics: node/npm missing: installing Debian's nodejs and npm"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  command -v node >/dev/null 2>&1 || { echo "metrics: FAIL: node still missing after the install" >&2; exit 1; }
fi
ensure_prometheus metrics
if [ ! -f "$tools/node_modules/.package-lock.json" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  echo "metrics: npm ci in $tools"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi

grep -Ev '^\s*(#|$)' dashboards/metrics.txt | sort -u > "$work/contract"
echo "metrics: contract list dashboards/metrics.txt has $(wc -l < "$work/contract") names"

args=()
for d in dashboards/provisioning/dashboards/driftd/*.json; do args+=(--dashboard "$d"); done
args+=(--rules dashboards/driftd-alerts.yml --rule-tests dashboards/driftd-alerts.test.yml)
node "$tools/metric-names.js" "${args[@]}" > "$work/uses"
awk -F'\t' '$1 == "recorded" { print $2 }' "$work/uses" | sort -u > "$work/recorded"
awk -F'\t' '$1 != "recorded"' "$work/uses" > "$work/queried"
cat "$work/contract" "$work/recorded" | sort -u > "$work/allowed"

status=0
while IFS=$'\t' read -r name where; do
  if ! grep -qxF "$name" "$work/allowed"; then
    echo "metrics: $where queries '$name', which is not in dashboards/metrics.txt (DESIGN.md's metric contract)" >&2
    status=1
  fi
done < "$work/queried"
echo "metrics: $(wc -l < "$work/queried") queries parsed, $(cut -f1 "$work/queried" | sort -u | wc -l) distinct names, $(wc -l < "$work/recorded") recording rule(s)"
[ "$status" = 0 ] && echo "metrics: every queried name is in the contract: OK"

# Names in the contract that nothing queries are worth knowing about, but not an error.
unused=$(comm -23 "$work/contract" <(cut -f1 "$work/queried" | sort -u) | tr '\n' ' ')
[ -n "$unused" ] && echo "metrics: note: listed but not queried by any dashboard or rule: $unused"

# DESIGN.md cross-check: the bullet list under "Metrics"; a bullet that says "histogram" lists
# histogram families, whose sample names are _bucket, _count and _sum.
design=""
for candidate in "${DRIFTD_DESIGN_MD:-}" DESIGN.md docs/DESIGN.md ../shared/DESIGN.md; do
  if [ -n "$candidate" ] && [ -f "$candidate" ]; then design=$candidate; break; fi
done
if [ -n "$design" ]; then
  awk '/^Metrics/ { on = 1; next } on && /^[^-[:space:]]/ { on = 0 } on' "$design" \
    | while IFS= read -r line; do
        for n in $(grep -oE '`driftd_[a-z_]+' <<<"$line" | tr -d '`'); do
          if grep -q histogram <<<"$line"; then printf '%s_bucket\n%s_count\n%s_sum\n' "$n" "$n" "$n"; else echo "$n"; fi
        done
      done | sort -u > "$work/design"
  if [ ! -s "$work/design" ]; then
    echo "metrics: no metric list found in $design" >&2; status=1
  else
    absent=$(comm -23 "$work/design" "$work/contract" | tr '\n' ' ')
    if [ -n "$absent" ]; then
      echo "metrics: in $design's metric list but not in dashboards/metrics.txt: $absent" >&2; status=1
    fi
    # names added since DESIGN.md was written must be documented for users instead
    for n in $(comm -13 "$work/design" "$work/contract"); do
      family=$n
      for suffix in _bucket _count _sum; do family=${family%"$suffix"}; done
      if ! grep -q "\`$family\`" docs/metrics.md; then
        echo "metrics: $n is in dashboards/metrics.txt but neither in $design nor in docs/metrics.md's table" >&2; status=1
      fi
    done
    echo "metrics: dashboards/metrics.txt covers $design ($(wc -l < "$work/design") names); $(comm -13 "$work/design" "$work/contract" | wc -l) more documented in docs/metrics.md"
  fi
else
  echo "metrics: SKIP: no DESIGN.md found (set DRIFTD_DESIGN_MD); the contract list is not cross-checked with it"
fi

# A real scrape: the one offered, else one from the built daemon after one sweep.
live_scrape() {
  local jar=daemon/target/driftd.jar port="" p pid
  [ -f "$jar" ] || { echo "metrics: FAIL: $jar is missing (run mvn verify first, or set DRIFTD_METRICS_URL / DRIFTD_METRICS_FILE)" >&2; return 1; }
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2> /dev/null; then
    echo "metrics: FAIL: no PostgreSQL on 127.0.0.1:5432 for the daemon to sweep" >&2; return 1
  fi
  for p in $(seq 19741 19760); do
    if ! ss -ltnH "sport = :$p" 2> /dev/null | grep -q .; then port=$p; break; fi
  done
  [ -n "$port" ] || { echo "metrics: FAIL: no free port in 19741-19760" >&2; return 1; }
  mkdir -p "$work/daemon"
  # One fleet of two members on the local server, swept only on request (the cron fires in 2099).
  cat > "$work/daemon/driftd.yaml" <<YAML
server:
  bind: 127.0.0.1:$port
  tokens:
    - {name: ci, role: admin, secret: "\${env:DRIFTD_CI_ADMIN_TOKEN}"}
store:
  url: jdbc:h2:file:./data/driftd
fleets:
  - name: ci
    schedule: "0 0 0 1 1 ? 2099"
    golden: {member: golden}
    members:
      - {name: golden, url: "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"}
      - {name: copy, url: "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"}
YAML
  export DRIFTD_CI_ADMIN_TOKEN="ci-admin-token-$RANDOM$RANDOM$RANDOM"
  (cd "$work/daemon" && exec java -jar "$OLDPWD/$jar" run --config driftd.yaml) > "$work/daemon/log" 2>&1 &
  pid=$!
  for _ in $(seq 60); do
    curl -fs --max-time 2 "http://127.0.0.1:$port/readyz" > /dev/null 2>&1 && break
    kill -0 "$pid" 2> /dev/null || break
    sleep 1
  done
  if curl -fs --max-time 2 "http://127.0.0.1:$port/readyz" > /dev/null 2>&1 \
     && curl -fsS --max-time 60 -X POST -H "Authorization: Bearer $DRIFTD_CI_ADMIN_TOKEN" \
          "http://127.0.0.1:$port/api/v1/fleets/ci/sweep?wait=true" > /dev/null \
     && curl -fsS --max-time 10 "http://127.0.0.1:$port/metrics" -o "$work/scrape"; then
    echo "metrics: scraped a live daemon on 127.0.0.1:$port after one sweep"
  else
    echo "metrics: FAIL: the daemon did not come up, sweep and answer /metrics. Its log ends:" >&2
    tail -n 15 "$work/daemon/log" | sed 's/^/  /' >&2
    rm -f "$work/scrape"
  fi
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  [ -s "$work/scrape" ]
}

scrape=""
if [ -n "${DRIFTD_METRICS_URL:-}" ]; then
  curl -fsS --max-time 10 "$DRIFTD_METRICS_URL" -o "$work/scrape"
  scrape="$work/scrape"
  echo "metrics: scraped $DRIFTD_METRICS_URL"
elif [ -n "${DRIFTD_METRICS_FILE:-}" ]; then
  scrape=$DRIFTD_METRICS_FILE
elif live_scrape; then
  scrape="$work/scrape"
else
  exit 1
fi
if lint_scrape metrics "$scrape"; then
  echo "metrics: promtool check metrics on the scrape: OK"
else
  status=1
fi
grep -Eo '^driftd_[a-zA-Z0-9_:]+' "$scrape" | sort -u > "$work/scraped"
while read -r name; do
  # Micrometer adds <histogram>_max beside a timer's buckets; it is tolerated, not contracted.
  if [ "${name%_max}" != "$name" ] && grep -qxF "${name%_max}_bucket" "$work/contract"; then continue; fi
  if ! grep -qxF "$name" "$work/contract"; then
    echo "metrics: the scrape exports '$name', which is not in the contract (DESIGN.md + dashboards/metrics.txt)" >&2
    status=1
  fi
done < "$work/scraped"
missing=$(comm -23 <(cut -f1 "$work/queried" | grep '^driftd_' | sort -u) "$work/scraped" | tr '\n' ' ')
[ -n "$missing" ] && echo "metrics: note: queried but absent from this scrape (series that appear only after an event?): $missing"
echo "metrics: scrape has $(wc -l < "$work/scraped") driftd_ sample names"
exit "$status"
