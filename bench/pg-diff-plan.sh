#!/usr/bin/env bash
# Diff+plan timing on PostgreSQL: a golden database with the 2,000-table benchmark schema and a
# copy with 2% of its tables drifted; prints snapshot, diff and plan times, then applies the plan and
# says whether the target converged to golden's fingerprint. Needs psql and the
# shaded jar (mvn -q -o package -DskipTests). Databases are dropped at the end.
# Usage: bench/pg-diff-plan.sh [tables=2000]   (PGHOST/PGPORT/PGUSER as for psql; default 127.0.0.1 postgres)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${DRIFTD_JAR:-$here/../daemon/target/driftd.jar}"
tables="${1:-2000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
[ -f "$jar" ] || { echo "no $jar: run mvn -q -o package -DskipTests first" >&2; exit 2; }
golden="driftd_bench_golden_$$"; target="driftd_bench_target_$$"
cleanup() { psql -q -d postgres -c "DROP DATABASE IF EXISTS $golden" -c "DROP DATABASE IF EXISTS $target" >/dev/null 2>&1 || true; }
trap cleanup EXIT
psql -q -d postgres -c "CREATE DATABASE $golden"
psql -q -v ON_ERROR_STOP=1 -v tables="$tables" -d "$golden" -f "$here/pg-diff-plan-schema.sql" >/dev/null
psql -q -d postgres -c "CREATE DATABASE $target TEMPLATE $golden"
psql -q -v ON_ERROR_STOP=1 -d "$target" -c "SELECT set_config('bench.tables', '$tables', false)" -f "$here/pg-diff-plan-drift.sql" >/dev/null
url() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1?user=$PGUSER${PGPASSWORD:+&password=$PGPASSWORD}"; }
echo "PostgreSQL $(psql -Atqd postgres -c 'SHOW server_version'), $tables tables, every 50th drifted"
java -cp "$jar" "$here/PgDiffPlan.java" "$(url "$golden")" "$(url "$target")" 5 apply
