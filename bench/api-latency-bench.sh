#!/usr/bin/env bash
# Latency of GET /metrics and GET /api/v1/fleets/{f} of the real daemon (RunningDaemon: config,
# store, scheduler, admin HTTP server) with one fleet of N members (default 5,000): p50, p99 and max
# of R sequential requests each (default 1,000; RF for the fleet, default R) after W warm-up
# requests (default 200).
# dev.driftd.e2e.ApiLatencyBench writes the members' state to a temp H2 store through the store
# API a sweep uses, then starts the daemon, which restores it as after a restart; the member
# databases do not exist and the schedule never fires, so nothing sweeps while it is measured.
# 2 % drifted, 1 % unreachable. Not a timed test.
#
#   bench/api-latency-bench.sh                # N=5000 R=1000 W=200
#   N=500 R=200 bench/api-latency-bench.sh
#   RF=100 bench/api-latency-bench.sh         # 100 fleet requests (seconds each at 5,000 members)
#   BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/api.jfr,settings=profile" bench/api-latency-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-5000}
R=${R:-1000}
RF=${RF:-$R}
W=${W:-200}
TMP=$(mktemp -d /tmp/driftd-api-latency.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

mvn -q -o -B -pl daemon test-compile
[ -f daemon/target/cp.txt ] || mvn -q -o -B -pl daemon dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
CP="daemon/target/test-classes:daemon/target/classes:$(cat daemon/target/cp.txt)"

echo "== $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), N=$N, R=$R, RF=$RF, W=$W"
# shellcheck disable=SC2086
java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "$CP" dev.driftd.e2e.ApiLatencyBench "$TMP" "$N" "$R" "$RF" "$W" 2>/dev/null |
  tee "$TMP/out" | grep -v '^result '
echo
echo "N=$N members, $R requests to /metrics and $RF to the fleet after up to $W warm-up, load now $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
  $1 == "result" { v[$2 " " $3] = $4 }
  END {
    printf "| %-34s | %9s | %9s | %9s | %10s |\n", "request (p99: 99th of the sorted)", "p50 (ms)", "p99 (ms)", "max (ms)", "body (KB)"
    printf "| %-34s | %9.2f | %9.2f | %9.2f | %10.0f |\n", "GET /metrics", v["metrics p50"], v["metrics p99"], v["metrics max"], v["metrics bytes"] / 1024
    printf "| %-34s | %9.2f | %9.2f | %9.2f | %10.0f |\n", "GET /api/v1/fleets/tenants", v["fleet p50"], v["fleet p99"], v["fleet max"], v["fleet bytes"] / 1024
  }' "$TMP/out"
