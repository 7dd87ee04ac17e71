#!/usr/bin/env bash
# PostgreSQL snapshot benchmark (not a test): for synthetic schemas of 50, 500 and 2,000 tables in
# fresh databases on a local PostgreSQL, compare
#   - driftd snapshot inside a warm JVM (median of RUNS after WARMUPS, -Xmx256m, peak heap),
#   - the whole `java -jar daemon/target/driftd.jar snapshot` process (median wall time of RUNS),
#   - `pg_dump --schema-only` on the same database (median wall time of RUNS).
# Usage: bench/pg-snapshot.sh [sizes...]     (default: 50 500 2000)
# Env:   PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres), RUNS (5), WARMUPS (3), KEEP=1 keeps the databases.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
RUNS=${RUNS:-5}
WARMUPS=${WARMUPS:-3}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(50 500 2000)

JAR=daemon/target/driftd.jar
if [ ! -f "$JAR" ] || [ ! -f daemon/target/test-classes/dev/driftd/bench/PgSnapshotBench.class ]; then
  echo "building driftd (mvn -q -o -pl daemon -DskipTests package)..." >&2
  mvn -q -o -pl daemon -DskipTests package >&2
fi
CP="daemon/target/test-classes:$JAR"

CREATED=()
cleanup() {
  if [ "${KEEP:-0}" != 1 ]; then
    for db in "${CREATED[@]}"; do
      psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    done
  fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# median of the numbers on standard input
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# median wall time in ms of RUNS runs of a command
time_runs() {
  local i start
  for ((i = 0; i < RUNS; i++)); do
    start=$(now_ms)
    "$@" >/dev/null
    echo $(( $(now_ms) - start ))
  done | median
}

printf '%-7s %-9s %-12s %-12s %-10s %-10s %-10s %-9s\n' tables objects warm_ms process_ms pg_dump_ms warm/dump proc/dump heap_mb
for n in "${SIZES[@]}"; do
  db="driftd_bench_${n}_$$"
  psql -q -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
  CREATED+=("$db")
  # synchronous_commit off only speeds up loading; the schema is the same
  { echo "SET synchronous_commit = off;"; java -cp "$CP" dev.driftd.bench.PgBenchSchema "$n"; } \
    | psql -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null
  psql -q -d "$db" -c "VACUUM ANALYZE" >/dev/null
  url="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER"

  warm=$(java -Xmx256m -cp "$CP" dev.driftd.bench.PgSnapshotBench "$url" "$RUNS" "$WARMUPS")
  warm_ms=$(sed -n 's/.*warm_ms=\([0-9.]*\).*/\1/p' <<<"$warm" | head -1)
  objects=$(sed -n 's/.*objects=\([0-9]*\).*/\1/p' <<<"$warm" | head -1)
  heap=$(sed -n 's/.*peak_heap_mb=\([0-9.]*\).*/\1/p' <<<"$warm" | head -1)
  queries=$(grep '^query_ms' <<<"$warm" || true)
  process_ms=$(time_runs java -jar "$JAR" snapshot --url "$url")
  dump_ms=$(time_runs pg_dump --schema-only -d "$db")
  printf '%-7s %-9s %-12s %-12s %-10s %-10s %-10s %-9s\n' "$n" "$objects" "$warm_ms" "$process_ms" "$dump_ms" \
    "$(awk -v a="$warm_ms" -v b="$dump_ms" 'BEGIN {printf "%.2f", a / b}')" \
    "$(awk -v a="$process_ms" -v b="$dump_ms" 'BEGIN {printf "%.2f", a / b}')" "$heap"
  echo "        $queries" >&2
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(psql -Atc 'SHOW server_version' -d postgres)" >&2
