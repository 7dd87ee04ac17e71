#!/usr/bin/env bash
# Where one member's time goes in a sweep, phase by phase, on each server, in one run: a golden
# database of bench/sweep-bench.sh (20 tables) is visited T times, C at a time, each visit on a new
# session, through the daemon's own code (dev.driftd.bench.MemberCostBench):
#   floor      the JDBC driver connects and runs one trivial query (sweep-bench's floor)
#   session    driftd's read-only session: the database check and the session settings
#   unchanged  what an unchanged member costs: session, server identity, catalog marker
#   full       a full read with its marker
#   counters   PostgreSQL only, NOT what driftd runs: the floor plus the statistics counters of the
#              marker's catalogs (cheap, but lagging and blind to track_counts=off; see the class)
# Prints visits per second and each line's cost relative to the floor. Not a timed test.
#
#   bench/member-cost.sh                  # T=1000 C=4, PostgreSQL and MariaDB
#   T=2000 C=8 SERVERS=postgres bench/member-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
MYHOST=${MYHOST:-127.0.0.1} MYPORT=${MYPORT:-3306} MYUSER=${MYUSER:-root}
T=${T:-1000}
C=${C:-4}
SERVERS=${SERVERS:-postgres mysql}
DB=bench_member_cost
ERR=$(mktemp /tmp/driftd-member-cost.XXXXXX)
my() { mysql -h "$MYHOST" -P "$MYPORT" -u "$MYUSER" -N -B "$@"; }
cleanup() {
  [[ " $SERVERS " == *" postgres "* ]] && psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  [[ " $SERVERS " == *" mysql "* ]] && my -e "DROP DATABASE IF EXISTS $DB"
  rm -f "$ERR" "$ERR.out"
  return 0
}
trap cleanup EXIT

# the golden schema of the sweep benchmark: what a 20-table tenant holds
eval "$(sed -n '/^pg_schema() {/,/^}/p; /^my_schema() {/,/^}/p' bench/sweep-bench.sh)"

mvn -q -o -pl daemon test-compile
[ -f daemon/target/cp.txt ] || mvn -q -o -pl daemon dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
CP="daemon/target/test-classes:daemon/target/classes:$(cat daemon/target/cp.txt)"

echo "== $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), T=$T visits per line, C=$C"
for server in $SERVERS; do
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2> /dev/null || true
  my -e "DROP DATABASE IF EXISTS $DB" 2> /dev/null || true
  if [ "$server" = postgres ]; then
    psql -X -q -d postgres -c "CREATE DATABASE $DB"
    pg_schema | psql -X -q -v ON_ERROR_STOP=1 -d "$DB"
    url="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER"
    version="PostgreSQL $(psql -X -At -d postgres -c 'SHOW server_version' | cut -d' ' -f1)"
  else
    my -e "CREATE DATABASE $DB"
    my_schema | my "$DB"
    url="jdbc:mysql://$MYHOST:$MYPORT/$DB?user=$MYUSER"
    version="$(my -e 'SELECT VERSION()')"
  fi
  echo "$version, 20 tables"
  java -Xmx512m -cp "$CP" dev.driftd.bench.MemberCostBench "$url" "$T" "$C" 2> "$ERR" > "$ERR.out" ||
    { echo "MemberCostBench failed on $version:" >&2; grep -v '^\s*at ' "$ERR" | tail -5 >&2; exit 1; }
  cat "$ERR.out" |
    awk -F'[= ]' -v c="$C" '
      # the floor is the faster of its two measurements (before and after the other lines)
      { line[NR] = $2; rate[NR] = $4; if ($2 ~ /^floor/ && $4 > floor) floor = $4 }
      END { for (i = 1; i <= NR; i++)
        printf "| %-11s | %8.0f visits/s | %6.2f ms each, %d at a time | %5.2f × floor |\n",
          line[i], rate[i], 1000 * c / rate[i], c, floor / rate[i] }'
done
