#!/usr/bin/env bash
# The store over DAYS simulated days (default 30) of a fleet of N members (default 500) swept every
# 5 minutes, on embedded H2 (a temp file) and on PostgreSQL (a temp database), with the daemon's
# hourly retention at RETENTION (default 7d, shorter than the run so the plateau shows).
# dev.driftd.store.StoreGrowthBench drives the real store API with the calls a sweep makes
# (golden saveSnapshot; recordMember per member: snapshot, history, state, drift event; the fleet's
# and shard's record) on a simulated clock. The model (seeded):
#   - golden v0 is a real snapshot of a 20-table PostgreSQL database (sweep-bench's tenant schema);
#   - ~1 % of the members a day get a hotfix (a column of their own: a new distinct snapshot, about
#     5 a day at 500 members), removed 2 to 6 hours later;
#   - every 7 days golden gets a migration (one more column); the members follow in 12 waves over
#     the next hour and are drifted until then.
# Prints per simulated day: store size (H2: the .mv.db file; PostgreSQL: pg_total_relation_size
# summed over driftd's tables), rows per table, retention runs and their time, store time of a
# sweep; then a table. Not a timed test. Drops what it created (prefix sg_).
#
#   bench/store-growth-bench.sh                      # 30 days, 500 members, 7d, H2 and PostgreSQL
#   DAYS=3 RETENTION=1d bench/store-growth-bench.sh  # a quick run
#   RETENTION=90d STORES=h2 bench/store-growth-bench.sh
#   H2_WRITE_DELAY=10 STORES=h2 bench/store-growth-bench.sh
#                                        # diagnosis: H2's WRITE_DELAY set to 10 ms after the store opened
#                                        # (the store sets 0); shows what the write delay does to the file
#   H2_RETENTION_TIME=5 STORES=h2 bench/store-growth-bench.sh
#                                        # H2's RETENTION_TIME set to 5 ms (H2's default: 45 s of wall clock, about
#                                        # 12 simulated days here, a sixth of a sweep interval in a real daemon)
#   STOP_AT=02:45                        # end the simulation after the first simulated day past this time
#                                        # (a wall clock; the table covers the days run)
#   PG_VACUUM=1                          # VACUUM driftd's tables after each hourly retention run, for a
#                                        # PostgreSQL server with autovacuum off (the header says which)
#   MAX_GB=20                            # stop a store's run when it is bigger than this (the disk is shared)
#   BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/sg.jfr,settings=profile" bench/store-growth-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DAYS=${DAYS:-30}
N=${N:-500}
RETENTION=${RETENTION:-7d}
STORES=${STORES:-h2 postgres}
MAX_GB=${MAX_GB:-20}
JOPTS="-Dsg.maxBytes=$((MAX_GB * 1073741824))${H2_WRITE_DELAY:+ -Dsg.h2WriteDelay=$H2_WRITE_DELAY}${H2_RETENTION_TIME:+ -Dsg.h2RetentionTime=$H2_RETENTION_TIME}"
if [ -n "${PG_VACUUM:-}" ]; then JOPTS="$JOPTS -Dsg.pgVacuum=true"; fi
if [ -n "${STOP_AT:-}" ]; then JOPTS="$JOPTS -Dsg.stopAt=$(date -d "$STOP_AT" +%s)"; fi
PREFIX=${PREFIX:-sg_growth}  # every database it makes is named PREFIX_…
TMP=$(mktemp -d /tmp/driftd-store-growth.XXXXXX)
OUT=$TMP/results

# the databases this run created, dropped at exit: only those (a CREATE DATABASE that fails because
# another run uses the same PREFIX must not make this one drop that run's databases under it)
CREATED=()
create_db() {
  psql -X -q -d postgres -c "CREATE DATABASE \"$1\""
  CREATED+=("$1")
}
drop_all() {
  for db in "${CREATED[@]}"; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"; done
  rm -rf "$TMP"
}
trap drop_all EXIT

# the golden's base schema: sweep-bench's tenant of 20 tables
create_db "${PREFIX}_golden"
eval "$(sed -n '/^pg_schema() {/,/^}/p' bench/sweep-bench.sh)"
pg_schema | psql -X -q -v ON_ERROR_STOP=1 -d ${PREFIX}_golden

mvn -q -o -B -pl daemon test-compile
[ -f daemon/target/cp.txt ] || mvn -q -o -B -pl daemon dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
CP="daemon/target/test-classes:daemon/target/classes:$(cat daemon/target/cp.txt)"
GOLDEN="jdbc:postgresql://$PGHOST:$PGPORT/${PREFIX}_golden?user=$PGUSER"

echo "== $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), N=$N, DAYS=$DAYS, RETENTION=$RETENTION${H2_WRITE_DELAY:+, H2_WRITE_DELAY=$H2_WRITE_DELAY}${H2_RETENTION_TIME:+, H2_RETENTION_TIME=$H2_RETENTION_TIME}"
for kind in $STORES; do
  if [ "$kind" = h2 ]; then
    args=("jdbc:h2:file:$TMP/h2/driftd" "" "" "$DAYS" "$N" "$RETENTION" "$GOLDEN" "$TMP/h2/driftd.mv.db")
  else
    create_db "${PREFIX}_store"
    args=("jdbc:postgresql://$PGHOST:$PGPORT/${PREFIX}_store" "$PGUSER" "" "$DAYS" "$N" "$RETENTION" "$GOLDEN")
  fi
  start=$(date +%s)
  # shellcheck disable=SC2086
  java -Xmx512m $JOPTS ${BENCH_JAVA_OPTS:-} -cp "$CP" dev.driftd.store.StoreGrowthBench "${args[@]}" 2>/dev/null |
    sed -u "s/^result /result $kind /" | tee -a "$OUT" | grep --line-buffered -v '^result '
  echo "result $kind wall-s $(($(date +%s) - start))" >> "$OUT"
  if [ "$kind" = postgres ]; then
    echo "pg_database_size(${PREFIX}_store): $(psql -X -At -d postgres -c "SELECT pg_database_size('${PREFIX}_store')") bytes"
  fi
done

echo
echo "N=$N members, $DAYS days of sweeps every 5 min, retention $RETENTION, load now $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
  $1 == "result" { v[$2 " " $3] = $4; if (!($2 in seen)) { seen[$2] = 1; kinds[++k] = $2 } }
  function row(label, key, scale, fmt,   i, s, x) {
    s = sprintf("| %-46s", label)
    for (i = 1; i <= k; i++) {
      x = v[kinds[i] " " key]
      s = s (x == "" ? sprintf(" | %12s", "-") : sprintf(" | " fmt, x / scale))
    }
    print s " |"
  }
  END {
    h = sprintf("| %-46s", "")
    for (i = 1; i <= k; i++) h = h sprintf(" | %12s", kinds[i])
    print h " |"
    row("size after day 1 (MB)", "size-day1", 1048576, "%12.1f")
    row("size when the retention period ends (MB)", "size-at-retention", 1048576, "%12.1f")
    row("size at the end (MB)", "size-final", 1048576, "%12.1f")
    row("growth per day, first 7 days (KB)", "growth-first", 1024, "%12.0f")
    row("growth per day, last 7 days (KB)", "growth-last", 1024, "%12.0f")
    row("rows: snapshots at the end", "rows-snapshot", 1, "%12d")
    row("rows: history at the end", "rows-history", 1, "%12d")
    row("rows: drift events at the end", "rows-drift", 1, "%12d")
    row("hotfixes simulated", "hotfixes", 1, "%12d")
    row("drift periods simulated", "drift-periods", 1, "%12d")
    row("retention runs (hourly)", "retention-runs", 1, "%12d")
    row("retention run, mean (ms)", "retention-avg-ms", 1, "%12.1f")
    row("retention run, worst (ms)", "retention-max-ms", 1, "%12.1f")
    row("hourly VACUUM (PG_VACUUM), mean (ms)", "vacuum-avg-ms", 1, "%12.1f")
    row("simulated days run", "days-run", 1, "%12d")
    row("H2 WRITE_DELAY at the end (ms)", "h2-write-delay", 1, "%12d")
    row("H2 RETENTION_TIME at the end (ms)", "h2-retention-time", 1, "%12d")
    row("wall time of the simulation (s)", "wall-s", 1, "%12d")
  }' "$OUT"
