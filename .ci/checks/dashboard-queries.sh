#!/usr/bin/env bash
# Dashboard queries against real data: synthetic driftd metrics for the last three hours (two
# fleets; a member in sync, a drifted one, an unreachable one, a rollout; exported by two nodes of
# a cluster, as docs/cluster.md describes) are backfilled into a
# throwaway Prometheus TSDB, a local Prometheus server (Debian's package, installed if missing,
# listening on 127.0.0.1 only) serves them, and every panel query and variable of
# dashboards/provisioning/dashboards/driftd/*.json must run without error and return data, as Grafana would run it.
# Catches what schema validation cannot: a wrong label, a join that matches nothing, a
# histogram_quantile without `le`. The server is started and stopped by this script (by PID).
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/checks/lib/promtool.sh
tools=tools/grafana-schema

ensure_prometheus dashboard-queries
if ! command -v node >/dev/null 2>&1; then
  echo "dashboard-queries: node missing: installing Debian's nodejs"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
  command -v node >/dev/null 2>&1 || { echo "dashboard-queries: FAIL: node still missing after the install" >&2; exit 1; }
fi

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

end=$(( $(date +%s) / 60 * 60 ))
node "$tools/synthetic-metrics.js" "$end" 3 > "$work/driftd.om"
promtool tsdb create-blocks-from openmetrics -q "$work/driftd.om" "$work/tsdb" >/dev/null
echo "dashboard-queries: backfilled $(grep -vc '^#' "$work/driftd.om") synthetic samples (3 h, 1 min resolution)"

port=""
for p in $(seq 19090 19110); do
  if ! ss -ltnH "sport = :$p" 2>/dev/null | grep -q .; then port=$p; break; fi
done
[ -n "$port" ] || { echo "dashboard-queries: no free port in 19090-19110" >&2; exit 1; }
printf 'global:\n  evaluation_interval: 1m\n' > "$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --storage.tsdb.retention.time=30d --web.listen-address="127.0.0.1:$port" \
  > "$work/prometheus.log" 2>&1 &
pid=$!
for _ in $(seq 60); do
  curl -fs --max-time 2 "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if ! curl -fs --max-time 2 "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1; then
  echo "dashboard-queries: Prometheus did not start:" >&2
  tail -n 20 "$work/prometheus.log" >&2
  exit 1
fi
echo "dashboard-queries: Prometheus $(prometheus --version 2>&1 | head -1 | awk '{print $3}') on 127.0.0.1:$port"

# The synthetic fleets at the end: tenants t1 in sync, t2 drifted, t3 unreachable; reports r1 in
# sync. Two nodes export them, so a panel that adds the nodes' gauges up shows twice these.
echo '{"Members in sync": 2, "Members drifted": 1, "Members unreachable": 1}' > "$work/expect.json"
status=0
for d in dashboards/provisioning/dashboards/driftd/*.json; do
  node "$tools/query-dashboard.js" "$d" "http://127.0.0.1:$port" "$end" "$work/expect.json" || status=1
done
exit "$status"
