#!/usr/bin/env bash
# driftd diff next to Liquibase 4.33's diff-changelog (the peer), at N tables (default 500) on both
# servers, in one run. Each server gets a golden database and a drifted copy:
#   PostgreSQL       bench/big-schema.py N (20 columns and 4 indexes per table, N/2 functions,
#                    N/10 views), drifted with bench/big-schema.py N --drift
#   MariaDB/MySQL    bench/mysql-snapshot-schema.py N (8-30 columns, 1-4 indexes, foreign keys,
#                    checks, views), drifted: every 25th table a column added and an index added
# and the script times the whole `driftd diff --format sql` process (median of RUNS) and one
# Liquibase `diff-changelog` process (reference = golden, target = drifted, an XML changelog
# written to a temp file; -Xmx2g; stopped after LB_TIMEOUT seconds, then reported as "> LB_TIMEOUT s").
# Liquibase's class path comes from bench/liquibase/pom.xml (Maven Central: liquibase-core 4.33.0
# and the two JDBC drivers). Drops what it created, also on failure.
#
#   bench/liquibase-bench.sh                 # N=500, both servers
#   SERVERS=postgres bench/liquibase-bench.sh 200
#   LB_TIMEOUT=3600 RUNS=3 bench/liquibase-bench.sh 500
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
MYHOST=${MYHOST:-127.0.0.1} MYPORT=${MYPORT:-3306} MYUSER=${MYUSER:-root}
N=${1:-${N:-500}}
RUNS=${RUNS:-3}
LB_TIMEOUT=${LB_TIMEOUT:-1800}
SERVERS=${SERVERS:-postgres mysql}
PREFIX=${PREFIX:-driftd_bench_lb}
JAR=daemon/target/driftd.jar
WORK=$(mktemp -d /tmp/driftd-lb-bench.XXXXXX)
my() { mysql -h "$MYHOST" -P "$MYPORT" -u "$MYUSER" -N -B "$@"; }

drop_all() {
  if [[ " $SERVERS " == *" postgres "* ]]; then
    for db in ${PREFIX}_golden ${PREFIX}_drifted; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"; done
  fi
  if [[ " $SERVERS " == *" mysql "* ]]; then
    my -e "DROP DATABASE IF EXISTS ${PREFIX}_golden; DROP DATABASE IF EXISTS ${PREFIX}_drifted"
  fi
  rm -rf "$WORK"
}
trap drop_all EXIT
drop_all 2>/dev/null || true
mkdir -p "$WORK"

[ -f "$JAR" ] || mvn -q -o -pl daemon -DskipTests package
(cd bench/liquibase && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/lb-cp.txt" > "$WORK/mvn.log" 2>&1) ||
  { echo "cannot resolve Liquibase 4.33.0 from Maven Central: $(tail -3 "$WORK/mvn.log")" >&2; exit 1; }
LBCP=$(cat "$WORK/lb-cp.txt")

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
now_ms() { date +%s%3N; }
driftd_diff() {
  local i start
  for ((i = 0; i < RUNS; i++)); do
    start=$(now_ms)
    java -jar "$JAR" diff --golden "$1" --target "$2" --format sql > "$WORK/driftd.sql" || [ $? -le 1 ]
    echo $(( $(now_ms) - start ))
  done | median
}
# one run; "> LB_TIMEOUT s" when stopped
liquibase_diff() {
  local start rc out="$WORK/changelog-$RANDOM.xml"
  start=$(now_ms)
  set +e
  timeout "$LB_TIMEOUT" java -Xmx2g -cp "$LBCP" liquibase.integration.commandline.LiquibaseCommandLine \
    --log-level=severe --show-banner=false diff-changelog --changelog-file="$out" \
    --reference-url="$1" --reference-username="$3" --url="$2" --username="$3" > "$WORK/lb.log" 2>&1
  rc=$?
  set -e
  if [ $rc -eq 124 ]; then echo "> ${LB_TIMEOUT}000"; return; fi
  if [ $rc -ne 0 ]; then echo "liquibase failed: $(grep -m2 -i error "$WORK/lb.log")" >&2; echo "failed"; return; fi
  echo "$(( $(now_ms) - start )) $(grep -c '<changeSet' "$out")"
}

echo "== $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), N=$N, RUNS=$RUNS"
for kind in $SERVERS; do
  start=$(now_ms)
  if [ "$kind" = postgres ]; then
    psql -X -q -d postgres -c "CREATE DATABASE ${PREFIX}_golden"
    python3 bench/big-schema.py "$N" | psql -X -q -v ON_ERROR_STOP=1 -d ${PREFIX}_golden > /dev/null
    psql -X -q -d postgres -c "CREATE DATABASE ${PREFIX}_drifted TEMPLATE ${PREFIX}_golden"
    python3 bench/big-schema.py "$N" --drift | psql -X -q -v ON_ERROR_STOP=1 -d ${PREFIX}_drifted > /dev/null
    base="jdbc:postgresql://$PGHOST:$PGPORT"; user=$PGUSER
    g="$base/${PREFIX}_golden?user=$user"; d="$base/${PREFIX}_drifted?user=$user"
    lg="$base/${PREFIX}_golden"; ld="$base/${PREFIX}_drifted"
  else
    schema=$(python3 bench/mysql-snapshot-schema.py "$N")
    for db in ${PREFIX}_golden ${PREFIX}_drifted; do
      { echo "CREATE DATABASE $db; USE $db;"; echo "$schema"; } | my
    done
    for ((t = 0; t < N; t += 25)); do
      echo "ALTER TABLE t$t ADD COLUMN drifted varchar(20), ADD KEY hotfix_$t (id, drifted);"
    done | my ${PREFIX}_drifted
    base="jdbc:mysql://$MYHOST:$MYPORT"; user=$MYUSER
    g="$base/${PREFIX}_golden?user=$user"; d="$base/${PREFIX}_drifted?user=$user"
    lg="$base/${PREFIX}_golden"; ld="$base/${PREFIX}_drifted"
  fi
  echo "$kind: created $N tables twice in $(( ($(now_ms) - start) / 1000 )) s"
  dms=$(driftd_diff "$g" "$d")
  dstmts=$(grep -c ';$' "$WORK/driftd.sql" || true)
  read -r lms lsets < <(liquibase_diff "$lg" "$ld" "$user")
  echo "result $kind driftd_ms=$dms driftd_statements=$dstmts liquibase_ms=$lms liquibase_changesets=${lsets:-?}"
done
echo "load now $(cut -d' ' -f1-3 /proc/loadavg)"
