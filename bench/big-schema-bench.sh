#!/usr/bin/env bash
# Big PostgreSQL schemas against their peers, in one run: N tables (default 10,000) of 20 columns,
# 4 indexes per table, N/2 functions and N/10 views (bench/big-schema.py), in two databases, the
# second drifted a little (bench/big-schema.py N --drift). Measures, each the median of RUNS:
#   snapshot   the whole `java -jar daemon/target/driftd.jar snapshot` process, JSON to /dev/null
#   pg_dump    `pg_dump --schema-only` of the same database
#   diff       the whole `driftd diff --format sql` process over the two databases
#   migra      `migra --unsafe` (@pgkit/migra from npm, installed into a temp directory) over the same two
# and the driftd processes' peak heap (the largest heap before a GC in -Xlog:gc) and maximum RSS.
# Prints a table. Not a timed test. Drops the databases it created (also on failure).
#
#   bench/big-schema-bench.sh 500 2000       # sizes
#   RUNS=1 bench/big-schema-bench.sh 10000   # heavy: about 15 minutes to create on 2 cores
#   PGHOST=… PGPORT=… PGUSER=… PREFIX=w20_big bench/big-schema-bench.sh 2000
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
RUNS=${RUNS:-3}
PREFIX=${PREFIX:-driftd_bench_big}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000)
JAR=daemon/target/driftd.jar
WORK=$(mktemp -d /tmp/driftd-big-bench.XXXXXX)

drop_all() {
  psql -X -q -d postgres -At -c "SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}\_%'" |
    while read -r db; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"; done
  rm -rf "$WORK"
}
trap drop_all EXIT

[ -f "$JAR" ] || mvn -q -o -pl daemon -DskipTests package

# migra from npm, into the temp directory; without it the table says why
MIGRA=""
if (cd "$WORK" && npm install --no-audit --no-fund --silent @pgkit/migra > npm.log 2>&1); then
  MIGRA="$WORK/node_modules/.bin/migra"
else
  echo "migra: npm install @pgkit/migra failed: $(tail -3 "$WORK/npm.log" | tr '\n' ' ')" >&2
fi

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
now_ms() { date +%s%3N; }

# median wall ms of RUNS runs; the command's standard output to /dev/null
time_runs() {
  local i start
  for ((i = 0; i < RUNS; i++)); do
    start=$(now_ms)
    "$@" > /dev/null
    echo $(( $(now_ms) - start ))
  done | median
}

# peak heap (MB, the largest "before" of a GC line) and max RSS (MB) of one run of a java command
java_memory() {
  local gc="$WORK/gc.log" rss
  rss=$( { /usr/bin/time -f '%M' java -Xlog:gc:file="$gc" "$@" > /dev/null; } 2>&1 | tail -1)
  heap=$(grep -o '[0-9]*M->' "$gc" | sed 's/M->//' | sort -n | tail -1)
  echo "${heap:-0} $((rss / 1024))"
}

echo "== $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), RUNS=$RUNS, $(psql -X -At -d postgres -c 'SHOW server_version')"
printf '| %-7s | %-11s | %-11s | %-7s | %-11s | %-11s | %-7s | %-9s | %-8s |\n' tables snapshot pg_dump ratio \
  diff migra ratio "heap MB" "RSS MB"
for n in "${SIZES[@]}"; do
  golden="${PREFIX}_${n}_golden"
  drifted="${PREFIX}_${n}_drifted"
  start=$(now_ms)
  psql -X -q -d postgres -c "CREATE DATABASE \"$golden\""
  { echo "SET synchronous_commit = off;"; python3 bench/big-schema.py "$n"; } |
    psql -X -q -v ON_ERROR_STOP=1 -d "$golden" > /dev/null
  psql -X -q -d "$golden" -c "VACUUM ANALYZE"
  psql -X -q -d postgres -c "CREATE DATABASE \"$drifted\" TEMPLATE \"$golden\""
  python3 bench/big-schema.py "$n" --drift | psql -X -q -v ON_ERROR_STOP=1 -d "$drifted" > /dev/null
  echo "created $n tables twice in $(( ($(now_ms) - start) / 1000 )) s" >&2
  gurl="jdbc:postgresql://$PGHOST:$PGPORT/$golden?user=$PGUSER"
  durl="jdbc:postgresql://$PGHOST:$PGPORT/$drifted?user=$PGUSER"

  snap=$(time_runs java -jar "$JAR" snapshot --url "$gurl")
  dump=$(time_runs pg_dump --schema-only -d "$golden")
  read -r heap rss < <(java_memory -jar "$JAR" snapshot --url "$gurl")
  # diff exits 1 when it finds drift: that is its answer, not a failure
  diffms=$(time_runs sh -c 'java -jar "$0" diff --golden "$1" --target "$2" --format sql; [ $? -le 1 ]' "$JAR" "$gurl" "$durl")
  read -r dheap drss < <(java_memory -jar "$JAR" diff --golden "$gurl" --target "$durl" --format sql || true)
  [ "$dheap" -gt "$heap" ] && heap=$dheap
  [ "$drss" -gt "$rss" ] && rss=$drss
  if [ -n "$MIGRA" ]; then
    murl() { echo "postgresql://$PGUSER@$PGHOST:$PGPORT/$1"; }
    migra=$(time_runs sh -c '"$0" "$1" "$2" --unsafe; [ $? -le 2 ]' "$MIGRA" "$(murl "$drifted")" "$(murl "$golden")")
    mratio=$(awk -v a="$diffms" -v b="$migra" 'BEGIN {printf "%.2f", a / b}')
  else
    migra="n/a"; mratio="n/a"
  fi
  printf '| %-7s | %8s ms | %8s ms | %7s | %8s ms | %8s ms | %7s | %9s | %8s |\n' "$n" "$snap" "$dump" \
    "$(awk -v a="$snap" -v b="$dump" 'BEGIN {printf "%.2f", a / b}')" "$diffms" "$migra" "$mratio" "$heap" "$rss"
  psql -X -q -d postgres -c "DROP DATABASE \"$drifted\" WITH (FORCE)" -c "DROP DATABASE \"$golden\" WITH (FORCE)"
done
echo "ratio: driftd / peer (snapshot / pg_dump, diff / migra); load now $(cut -d' ' -f1-3 /proc/loadavg)"
