#!/usr/bin/env bash
# A real Prometheus against a real driftd: builds nothing (daemon/target/driftd.jar exists after
# `mvn verify`), creates a small fleet on the local PostgreSQL (golden + 3 tenant databases, one
# missing a golden column = breaking drift) and, when the local MariaDB answers, a second fleet
# there; runs `driftd run` with a 5-second schedule and Prometheus (Debian's package, installed
# when missing with its service start suppressed, like alerts.sh) scraping it every 2 s and
# evaluating dashboards/driftd-alerts.yml every 2 s. Then it asks Prometheus' own HTTP API that
# driftd_member_drift == 1 arrived for the drifted members, that DriftdBreakingDrift fires for
# them (it has no `for:`, so the rule file is used unchanged), and that the in-sync members read 0;
# and runs `promtool check metrics` on the live /metrics. Both processes are killed by PID and the
# databases dropped on any exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${DRIFTD_JAR:-daemon/target/driftd.jar}   # DRIFTD_JAR: another build of the jar
[ -f "$jar" ] || { echo "prometheus: $jar is missing: run mvn verify first" >&2; exit 1; }

ensure_tools() {
  command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 \
    && command -v jq >/dev/null 2>&1 && return 0
  echo "prometheus: installing Debian's prometheus (and jq)"
  local made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    # exit 101 = "action forbidden": the package's service is not started by the install
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus jq >/dev/null
  [ -n "$made_policy" ] && rm -f /usr/sbin/policy-rc.d
  if [ -d /run/systemd/system ] && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl stop prometheus || true
  fi
}
ensure_tools

work=$(mktemp -d)
tag="$$_${RANDOM}"
pg_dbs=()
my_dbs=()
driftd_pid=""
prom_pid=""
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
MYSQL=(mysql -h 127.0.0.1 -u root --batch --skip-column-names)

cleanup() {
  local rc=$?
  for pid in "$prom_pid" "$driftd_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  for db in "${pg_dbs[@]}"; do "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  for db in "${my_dbs[@]}"; do "${MYSQL[@]}" -e "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; done
  if [ "$rc" != 0 ]; then
    echo "prometheus: FAILED; driftd log tail:" >&2
    tail -n 40 "$work/driftd.log" >&2 2>/dev/null || true
    echo "prometheus: prometheus log tail:" >&2
    tail -n 20 "$work/prometheus.log" >&2 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# ---- the fleet
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
pg="jdbc:postgresql://127.0.0.1:5432"
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
else
  echo "prometheus: no local MariaDB on 127.0.0.1:3306; PostgreSQL fleet only"
fi

dport=$(free_port)
cat > "$work/driftd.yaml" <<YAML
server:
  bind: 127.0.0.1:$dport
store:
  url: "jdbc:h2:file:$work/store/driftd"
fleets:
  - name: tenants
    schedule: "*/5 * * * * ?"
    golden: {url: "$pg/drprom_golden_${tag}?user=postgres"}
    timeout: 10s
    members:
      - {name: t1, url: "$pg/drprom_t1_${tag}?user=postgres"}
      - {name: t2, url: "$pg/drprom_t2_${tag}?user=postgres"}
      - {name: t3, url: "$pg/drprom_t3_${tag}?user=postgres"}$mysql_fleet
YAML

java -Xmx256m -jar "$jar" run --config "$work/driftd.yaml" > "$work/driftd.log" 2>&1 &
driftd_pid=$!
for i in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$dport/readyz" >/dev/null 2>&1 && break
  kill -0 "$driftd_pid" 2>/dev/null || { echo "prometheus: driftd exited" >&2; exit 1; }
  [ "$i" = 120 ] && { echo "prometheus: driftd not ready after 60 s" >&2; exit 1; }
  sleep 0.5
done
echo "prometheus: driftd (pid $driftd_pid) ready on 127.0.0.1:$dport"

# ---- Prometheus
pport=$(free_port)
cat > "$work/prometheus.yml" <<YAML
global:
  scrape_interval: 2s
  evaluation_interval: 2s
rule_files:
  - $PWD/dashboards/driftd-alerts.yml
scrape_configs:
  - job_name: driftd
    static_configs:
      - targets: ["127.0.0.1:$dport"]
YAML
promtool check config "$work/prometheus.yml" >/dev/null
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$pport" --log.level=warn > "$work/prometheus.log" 2>&1 &
prom_pid=$!
api="http://127.0.0.1:$pport/api/v1"
for i in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$pport/-/ready" >/dev/null 2>&1 && break
  kill -0 "$prom_pid" 2>/dev/null || { echo "prometheus: prometheus exited" >&2; exit 1; }
  [ "$i" = 60 ] && { echo "prometheus: prometheus not ready after 30 s" >&2; exit 1; }
  sleep 0.5
done
echo "prometheus: $(prometheus --version 2>&1 | head -1) (pid $prom_pid) on 127.0.0.1:$pport"

# query EXPR: the number of series in the instant vector
query() {
  curl -fsS --get --data-urlencode "query=$1" "$api/query" | jq -r '.data.result | length'
}
# await DESCRIPTION COMMAND...: retries the command (quietly) for up to 60 s
await() {
  local what=$1; shift
  for _ in $(seq 1 120); do
    if "$@" >/dev/null 2>&1; then echo "prometheus: $what: OK"; return 0; fi
    sleep 0.5
  done
  echo "prometheus: $what: not seen within 60 s" >&2
  return 1
}
has_series() { [ "$(query "$1")" -ge "${2:-1}" ]; }
alert_firing() {
  curl -fsS "$api/alerts" | jq -e --arg a "$1" --arg f "$2" --arg m "$3" \
    '[.data.alerts[] | select(.labels.alertname == $a and .labels.fleet == $f and .labels.member == $m and .state == "firing")] | length > 0'
}

await 'driftd_member_drift{fleet="tenants",member="t2"} == 1 in Prometheus' \
  has_series 'driftd_member_drift{job="driftd",fleet="tenants",member="t2"} == 1'
await 'in-sync members t1 and t3 read 0' has_series 'driftd_member_drift{fleet="tenants",member=~"t1|t3"} == 0' 2
await 'DriftdBreakingDrift firing for tenants/t2' alert_firing DriftdBreakingDrift tenants t2
if [ -n "$mysql_fleet" ]; then
  await 'driftd_member_drift{fleet="shop",member="s2"} == 1 (MariaDB)' \
    has_series 'driftd_member_drift{fleet="shop",member="s2"} == 1'
  await 'DriftdBreakingDrift firing for shop/s2' alert_firing DriftdBreakingDrift shop s2
fi
# a member in sync must not alert
if alert_firing DriftdBreakingDrift tenants t1 >/dev/null; then
  echo "prometheus: DriftdBreakingDrift fires for the in-sync member t1" >&2; exit 1
fi
[ "$(query 'up{job="driftd"} == 1')" = 1 ] || { echo "prometheus: the driftd target is not up" >&2; exit 1; }

curl -fsS "http://127.0.0.1:$dport/metrics" > "$work/scrape.txt"
promtool check metrics < "$work/scrape.txt"
echo "prometheus: promtool check metrics on the live scrape ($(grep -c '^driftd_' "$work/scrape.txt") driftd_ samples): OK"
