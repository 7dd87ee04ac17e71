#!/usr/bin/env bash
# Benchmark: driftd snapshot of MySQL-family databases of 50 / 500 / 2,000 tables against
# `mysqldump --no-data` of the same database. Not a test; numbers go to docs/benchmarks.md.
#
#   bench/mysql-snapshot.sh [SIZES...]          (default: 50 500 2000)
#
# Needs: the local MariaDB (127.0.0.1:3306, root, no password) or MYSQL_HOST/MYSQL_PORT/MYSQL_USER,
# python3, mysqldump, and a built daemon/target/driftd.jar plus test classes (mvn -pl daemon verify).
# Prints per size: driftd in a warm JVM (median of 5 after 2 warm-ups), the whole
# `java -jar driftd.jar snapshot` process (median of 5), mysqldump --no-data (median of 5), ratios.
# The bench databases (driftd_bench_<N>) are dropped at the end, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

HOST=${MYSQL_HOST:-127.0.0.1}
PORT=${MYSQL_PORT:-3306}
USER_NAME=${MYSQL_USER:-root}
RUNS=${RUNS:-5}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(50 500 2000)
JAR=daemon/target/driftd.jar
CP="$JAR:daemon/target/test-classes"
[ -f "$JAR" ] && [ -f daemon/target/test-classes/dev/driftd/bench/MysqlSnapshotBench.class ] \
  || { echo "build first: mvn -q -pl daemon verify -DskipTests" >&2; exit 2; }

mysql_cli() { mysql -h "$HOST" -P "$PORT" -u "$USER_NAME" "$@"; }
created=()
cleanup() { for db in "${created[@]}"; do mysql_cli -e "DROP DATABASE IF EXISTS \`$db\`" || true; done; }
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() { # command... -> median wall ms of $RUNS runs
  local times=() t0
  for _ in $(seq "$RUNS"); do
    t0=$(now_ms); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; times+=($(( $(now_ms) - t0 )))
  done
  printf '%s\n' "${times[@]}" | median
}

printf '%-7s %-9s %-12s %-14s %-14s %-10s %-10s\n' tables objects "warm ms" "process ms" "mysqldump ms" "warm/dump" "proc/dump"
for n in "${SIZES[@]}"; do
  db="driftd_bench_$n"
  created+=("$db")
  mysql_cli -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
  python3 bench/mysql-snapshot-schema.py "$n" | mysql_cli "$db"
  url="jdbc:mysql://$HOST:$PORT/$db?user=$USER_NAME"
  warm_line=$(java -cp "$CP" dev.driftd.bench.MysqlSnapshotBench "$url" "$RUNS")
  warm=$(sed -E 's/.*median_ms=([0-9]+).*/\1/' <<<"$warm_line")
  objects=$(sed -E 's/.*objects=([0-9]+).*/\1/' <<<"$warm_line")
  process=$(time_runs java -jar "$JAR" snapshot --url "$url" --out /dev/null)
  dump=$(time_runs mysqldump -h "$HOST" -P "$PORT" -u "$USER_NAME" --no-data --routines --triggers --events "$db")
  printf '%-7s %-9s %-12s %-14s %-14s %-10s %-10s\n' "$n" "$objects" "$warm" "$process" "$dump" \
    "$(awk -v a="$warm" -v b="$dump" 'BEGIN {printf "%.3f", a/b}')" \
    "$(awk -v a="$process" -v b="$dump" 'BEGIN {printf "%.3f", a/b}')"
done
