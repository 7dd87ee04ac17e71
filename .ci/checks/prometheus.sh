#!/usr/bin/env bash
# A real Prometheus against a real 2-node driftd cluster (docs/cluster.md: two `driftd run` on one
# PostgreSQL store). Builds nothing (daemon/target/driftd.jar exists after `mvn verify`). Creates on
# the local PostgreSQL a store database and a fleet (golden + 3 tenant databases, t2 missing a
# golden column = breaking drift, t3 with an extra index a waiver accepts, t4 pointing at a database
# that does not exist = unreachable), a fleet with a SQL golden and one overlaid member (r1), and,
# when the local MariaDB answers, a second fleet there; starts both nodes on a 5-second schedule
# and Prometheus (Debian's package, installed when missing with its service start suppressed)
# scraping both every 2 s with the shipped rules and an external runbook label. Then it asks
# Prometheus' HTTP API that:
#   - both nodes are up and were scraped (Prometheus asks for OpenMetrics first: this is the
#     OpenMetrics exposition being parsed), and both export driftd_build_info and the drift;
#   - DriftdBreakingDrift fires exactly once per drifted member for the cluster (no instance label),
#     with an absolute runbook_url from the external label, and not for in-sync members;
#   - every query and variable of the dashboard returns data, and the member-count panels show the
#     fleet's real counts, not twice them;
# and lints both nodes' text scrape with promtool (the two documented advisories only).
# Every process is killed by PID and every database dropped on any exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/checks/lib/promtool.sh
jar=${DRIFTD_JAR:-daemon/target/driftd.jar}   # DRIFTD_JAR: another build of the jar
dashboard=dashboards/provisioning/dashboards/driftd/driftd-fleets.json
[ -f "$jar" ] || { echo "prometheus: FAIL: $jar is missing: run mvn verify first" >&2; exit 1; }

ensure_prometheus prometheus
if ! command -v node >/dev/null 2>&1; then
  echo "prometheus: node missing: installing Debian's nodejs"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
  command -v node >/dev/null 2>&1 || { echo "prometheus: FAIL: node still missing after the install" >&2; exit 1; }
fi
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "prometheus: FAIL: no PostgreSQL on 127.0.0.1:5432 (the cluster's store)" >&2; exit 1; }

work=$(mktemp -d)
tag="$$_${RANDOM}"
pg_dbs=()
my_dbs=()
pids=()
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
MYSQL=(mysql -h 127.0.0.1 -u root --batch --skip-column-names)

cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  for db in "${pg_dbs[@]}"; do "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  for db in "${my_dbs[@]}"; do "${MYSQL[@]}" -e "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; done
  if [ "$rc" != 0 ]; then
    for log in "$work"/node*.log "$work/prometheus.log"; do
      [ -f "$log" ] || continue
      echo "prometheus: FAILED; $(basename "$log") tail:" >&2
      tail -n 30 "$log" >&2
    done
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# ---- the store and the fleets
store="drprom_store_${tag}"
"${PSQL[@]}" -c "CREATE DATABASE $store" >/dev/null
pg_dbs+=("$store")
schema="CREATE TABLE account (id bigint PRIMARY KEY, email varchar(200) NOT NULL, plan varchar(20) NOT NULL);
CREATE INDEX account_email ON account (email);"
for name in golden t1 t2 t3; do
  db="drprom_${name}_${tag}"
  "${PSQL[@]}" -c "CREATE DATABASE $db" >/dev/null
  pg_dbs+=("$db")
  psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt -c "$schema" >/dev/null
done
# t2 lost a golden column: breaking drift
psql -h 127.0.0.1 -U postgres -d "drprom_t2_${tag}" -v ON_ERROR_STOP=1 -qAt -c "ALTER TABLE account DROP COLUMN plan" >/dev/null
# t3 gained a hotfix index, which a waiver accepts below (so t3 counts as in sync)
psql -h 127.0.0.1 -U postgres -d "drprom_t3_${tag}" -v ON_ERROR_STOP=1 -qAt -c "CREATE INDEX account_hotfix ON account (plan)" >/dev/null
# a fleet whose golden is SQL and whose one member, r1, has an index its overlay declares (in sync)
printf '%s\n' "$schema" > "$work/regions.sql"
"${PSQL[@]}" -c "CREATE DATABASE drprom_r1_${tag}" >/dev/null
pg_dbs+=("drprom_r1_${tag}")
psql -h 127.0.0.1 -U postgres -d "drprom_r1_${tag}" -v ON_ERROR_STOP=1 -qAt \
  -c "$schema CREATE INDEX account_region ON account (plan, email);" >/dev/null
pg="jdbc:postgresql://127.0.0.1:5432"
# expected member counts over all fleets, for the dashboard's stat panels
in_sync=3 drifted=1 unreachable=1
mysql_fleet=""
if "${MYSQL[@]}" -e "SELECT 1" >/dev/null 2>&1; then
  for name in golden s1 s2; do
    db="drprom_${name}_${tag}"
    "${MYSQL[@]}" -e "CREATE DATABASE $db; USE $db; $schema"
    my_dbs+=("$db")
  done
  "${MYSQL[@]}" -e "ALTER TABLE drprom_s2_${tag}.account DROP COLUMN plan"
  my="jdbc:mysql://127.0.0.1:3306"
  mysql_fleet="
  - name: shop
    schedule: \"*/5 * * * * ?\"
    golden: {url: \"$my/drprom_golden_${tag}?user=root\"}
    timeout: 10s
    members:
      - {name: s1, url: \"$my/drprom_s1_${tag}?user=root\"}
      - {name: s2, url: \"$my/drprom_s2_${tag}?user=root\"}"
  in_sync=4 drifted=2
else
  echo "prometheus: SKIP: no local MariaDB on 127.0.0.1:3306; the cluster watches the PostgreSQL fleet only"
fi

export DRIFTD_CI_ADMIN_TOKEN="ci-admin-$RANDOM$RANDOM$RANDOM$RANDOM"
ports=()
for node in 1 2; do
  port=$(free_port)
  ports+=("$port")
  # the same fleets and store on both nodes (docs/cluster.md); only the listening port differs
  cat > "$work/node$node.yaml" <<YAML
server:
  bind: 127.0.0.1:$port
  tokens:
    - {name: ci, role: admin, secret: "\${env:DRIFTD_CI_ADMIN_TOKEN}"}
store:
  url: "$pg/$store?user=postgres"
fleets:
  - name: tenants
    schedule: "*/5 * * * * ?"
    golden: {url: "$pg/drprom_golden_${tag}?user=postgres"}
    timeout: 10s
    members:
      - {name: t1, url: "$pg/drprom_t1_${tag}?user=postgres"}
      - {name: t2, url: "$pg/drprom_t2_${tag}?user=postgres"}
      - {name: t3, url: "$pg/drprom_t3_${tag}?user=postgres"}
      - {name: t4, url: "$pg/drprom_gone_${tag}?user=postgres"}
  - name: regions
    schedule: "*/5 * * * * ?"
    golden: {sql: "$work/regions.sql", scratch: "$pg/postgres?user=postgres"}
    timeout: 10s
    overlays:
      - members: r1
        sql: "CREATE INDEX account_region ON account (plan, email);"
    members:
      - {name: r1, url: "$pg/drprom_r1_${tag}?user=postgres"}$mysql_fleet
YAML
  java -Xmx256m -jar "$jar" run --config "$work/node$node.yaml" > "$work/node$node.log" 2>&1 &
  pids+=("$!")
done
for i in 0 1; do
  for n in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:${ports[$i]}/readyz" >/dev/null 2>&1 && break
    kill -0 "${pids[$i]}" 2>/dev/null || { echo "prometheus: driftd node $((i + 1)) exited" >&2; exit 1; }
    [ "$n" = 120 ] && { echo "prometheus: driftd node $((i + 1)) not ready after 60 s" >&2; exit 1; }
    sleep 0.5
  done
done
echo "prometheus: 2-node driftd cluster ready on 127.0.0.1:${ports[0]} and 127.0.0.1:${ports[1]} (store $store)"

# ---- Prometheus
pport=$(free_port)
runbooks="https://runbooks.example.com/driftd/operations.md"
cat > "$work/prometheus.yml" <<YAML
global:
  scrape_interval: 2s
  evaluation_interval: 2s
  external_labels:
    driftd_runbook_base: $runbooks
rule_files:
  - $PWD/dashboards/driftd-alerts.yml
scrape_configs:
  - job_name: driftd
    static_configs:
      - targets: ["127.0.0.1:${ports[0]}", "127.0.0.1:${ports[1]}"]
YAML
promtool check config "$work/prometheus.yml" >/dev/null
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$pport" --log.level=warn > "$work/prometheus.log" 2>&1 &
pids+=("$!")
api="http://127.0.0.1:$pport/api/v1"
for i in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$pport/-/ready" >/dev/null 2>&1 && break
  kill -0 "${pids[2]}" 2>/dev/null || { echo "prometheus: prometheus exited" >&2; exit 1; }
  [ "$i" = 60 ] && { echo "prometheus: prometheus not ready after 30 s" >&2; exit 1; }
  sleep 0.5
done
echo "prometheus: $(prometheus --version 2>&1 | head -1) (pid ${pids[2]}) on 127.0.0.1:$pport"

# query EXPR: the number of series in the instant vector
query() {
  curl -fsS --get --data-urlencode "query=$1" "$api/query" | jq -r '.data.result | length'
}
# await DESCRIPTION COMMAND...: retries the command (quietly) for up to 90 s
await() {
  local what=$1; shift
  for _ in $(seq 1 180); do
    if "$@" >/dev/null 2>&1; then echo "prometheus: $what: OK"; return 0; fi
    sleep 0.5
  done
  echo "prometheus: $what: not seen within 90 s" >&2
  return 1
}
has_series() { [ "$(query "$1")" -ge "${2:-1}" ]; }
# alerts NAME FLEET MEMBER: the firing alerts of that rule for that member, as a JSON array
alerts() {
  curl -fsS "$api/alerts" | jq -c --arg a "$1" --arg f "$2" --arg m "$3" \
    '[.data.alerts[] | select(.labels.alertname == $a and .labels.fleet == $f and .labels.member == $m and .state == "firing")]'
}
alert_firing() { [ "$(alerts "$@" | jq length)" -ge 1 ]; }

await 'both nodes up' has_series 'up{job="driftd"} == 1' 2
await 'both nodes export driftd_build_info' has_series 'driftd_build_info{job="driftd"}' 2
await 'both nodes report tenants/t2 drifted' has_series 'driftd_member_drift{fleet="tenants",member="t2"} == 1' 2
# the waiver for t3's hotfix index (POSTed to node 1 once t3's drift is known there; node 2 reads it from the store)
waive_t3() {
  [ "$(curl -sS -o "$work/waiver.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $DRIFTD_CI_ADMIN_TOKEN" \
    "http://127.0.0.1:${ports[0]}/api/v1/fleets/tenants/waivers" \
    -d '{"member": "t3", "owner": "ci", "reason": "prometheus.sh: a hotfix index", "expires": "1d",
         "changes": ["index public.account.account_hotfix"]}')" = 201 ]
}
await 'a waiver accepts t3'"'"'s hotfix index' waive_t3
await 'both nodes export t3'"'"'s waived change and its expiry' has_series \
  'driftd_member_waived_changes{fleet="tenants",member="t3"} == 1 and on (instance) driftd_waiver_expiry_timestamp_seconds{fleet="tenants",member="t3"} > time()' 2
await 'both nodes report t1 and t3 in sync' has_series 'driftd_member_drift{fleet="tenants",member=~"t1|t3"} == 0' 4
await 'both nodes report r1 in sync with its overlay' has_series \
  'driftd_member_drift{fleet="regions",member="r1"} == 0 and on (instance) driftd_member_overlays{fleet="regions",member="r1"} == 1' 2
await 'both nodes report t4 unreachable' has_series 'driftd_member_up{fleet="tenants",member="t4"} == 0' 2
await 'both nodes export the schedule period (5 s)' has_series 'driftd_fleet_schedule_period_seconds{fleet="tenants"} == 5' 2
await 'DriftdBreakingDrift firing for tenants/t2' alert_firing DriftdBreakingDrift tenants t2
fleets=(tenants:t2)
if [ -n "$mysql_fleet" ]; then
  await 'both nodes report shop/s2 drifted (MariaDB)' has_series 'driftd_member_drift{fleet="shop",member="s2"} == 1' 2
  await 'DriftdBreakingDrift firing for shop/s2' alert_firing DriftdBreakingDrift shop s2
  fleets+=(shop:s2)
fi
for fm in "${fleets[@]}"; do
  got=$(alerts DriftdBreakingDrift "${fm%%:*}" "${fm#*:}")
  n=$(jq length <<<"$got")
  [ "$n" = 1 ] || { echo "prometheus: DriftdBreakingDrift fires $n times for $fm on a 2-node cluster, expected once: $got" >&2; exit 1; }
  jq -e '.[0].labels | has("instance") | not' <<<"$got" >/dev/null \
    || { echo "prometheus: the alert for $fm carries a node's instance label: $got" >&2; exit 1; }
  url=$(jq -r '.[0].annotations.runbook_url' <<<"$got")
  [ "$url" = "$runbooks#driftdbreakingdrift" ] \
    || { echo "prometheus: runbook_url for $fm is '$url', expected $runbooks#driftdbreakingdrift" >&2; exit 1; }
  echo "prometheus: DriftdBreakingDrift fires once for $fm on the 2-node cluster, runbook_url $url: OK"
done
if alert_firing DriftdBreakingDrift tenants t1; then
  echo "prometheus: DriftdBreakingDrift fires for the in-sync member t1" >&2; exit 1
fi

# A DDL event through one node (the proxy's report), so the dashboard's DDL panel has data.
status=$(curl -sS -o "$work/event.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $DRIFTD_CI_ADMIN_TOKEN" \
  -H 'Content-Type: application/json' "http://127.0.0.1:${ports[0]}/api/v1/events/ddl" --data @- <<JSON
{"statement": "CREATE INDEX account_plan ON account (plan)", "truncated": false, "command": "CREATE",
 "flavor": "postgresql", "serverHost": "127.0.0.1", "serverPort": 5432, "database": "drprom_t1_${tag}",
 "schema": "public", "user": "postgres", "clientHost": "ci", "application": "prometheus.sh",
 "time": "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)", "approved": true, "guard": "off"}
JSON
)
[ "$status" = 202 ] || { echo "prometheus: POST /api/v1/events/ddl answered $status: $(cat "$work/event.json")" >&2; exit 1; }
await 'the DDL event counted (driftd_ddl_events_total)' has_series 'driftd_ddl_events_total{fleet="tenants",member="t1"} > 0'
await 'snapshot errors of t4 counted' has_series 'increase(driftd_snapshot_errors_total{fleet="tenants",member="t4"}[1m]) > 0'
# the dashboard's "Snapshot errors by reason" panel asks for a rate over 5m: wait until Prometheus has
# two samples of one node's counter with t4's errors between them (a sweep each 5 s, a scrape each 2 s)
await 'snapshot errors by reason have a rate' has_series 'sum by (fleet, reason) (rate(driftd_snapshot_errors_total{fleet="tenants"}[5m])) * 60 > 0'

# ---- the dashboard against this Prometheus: every query returns data, counts are the cluster's
printf '{"Members in sync": %s, "Members drifted": %s, "Members unreachable": %s}\n' \
  "$in_sync" "$drifted" "$unreachable" > "$work/expect.json"
# Awaited like the checks above: a rate or increase panel has data once Prometheus holds two samples
# of a counter that moved, which on a loaded machine can lag the instant checks by a scrape or two.
for attempt in $(seq 1 12); do
  if node tools/grafana-schema/query-dashboard.js "$dashboard" "http://127.0.0.1:$pport" "$(date +%s)" \
      "$work/expect.json" > "$work/dashboard.out" 2>&1; then
    break
  fi
  [ "$attempt" = 12 ] && { cat "$work/dashboard.out" >&2; echo "prometheus: dashboard queries still without data after 60 s" >&2; exit 1; }
  sleep 5
done
cat "$work/dashboard.out"
echo "prometheus: every dashboard query returns data from the 2-node cluster: OK"

# ---- the exposition itself
for i in 0 1; do
  om_type=$(curl -fsS -o /dev/null -w '%{content_type}' \
    -H 'Accept: application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1' \
    "http://127.0.0.1:${ports[$i]}/metrics")
  case "$om_type" in
    application/openmetrics-text*) ;;
    *) echo "prometheus: node $((i + 1)) answered Prometheus' Accept header with '$om_type', not OpenMetrics" >&2; exit 1 ;;
  esac
  curl -fsS "http://127.0.0.1:${ports[$i]}/metrics" > "$work/scrape$i.txt"
  lint_scrape prometheus "$work/scrape$i.txt"
  echo "prometheus: node $((i + 1)): OpenMetrics by Accept, promtool check metrics on the text scrape ($(grep -c '^driftd_' "$work/scrape$i.txt") driftd_ samples): OK"
done
