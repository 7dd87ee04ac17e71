#!/usr/bin/env bash
# Runs the external corpus (../shared/corpus: sqldef, migra, real schemas) through the engine in
# one JVM against the local PostgreSQL and MariaDB, writes the report (docs/conformance.md unless
# --output says otherwise) and prints one line per source:
#   conformance sqldef-postgres: 780/790 converged (836 cases)
# Usage: bench/conformance.sh [--output FILE] [--only sqldef-postgres,migra,...] [--case REGEX] [--sample N] [--details FILE]
#                             [--pg-server embedded-18 | jdbc:postgresql://host:port/?user=u]
# --pg-server runs the PostgreSQL sources on another server: an embedded one of that major version
# (binaries copied by the build into daemon/target/pg-binaries) or the one at the URL.
# --sample N takes one sqldef/migra case in N, chosen by a hash of its name (the same cases on every
# run); .ci/checks/pg-matrix.sh samples this way on the PostgreSQL versions other than 15 and 18.
# --output FILE writes the report there instead of the tracked docs/conformance.md (CI writes under
# target/ so that a run never dirties the work tree); a new FILE starts as a copy of
# docs/conformance.md, so the sections this run does not measure keep their text.
# With --only realworld-postgres,realworld-mysql it runs the real-schema gate instead (one line per
# file and check, exit status 1 on a failure that bench/realworld-expected-failures.txt does not
# list or on a listed check that passes; .ci/checks/realworld.sh runs it that way).
set -euo pipefail
report="${DRIFTD_CONFORMANCE_REPORT:-docs/conformance.md}"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --output)
      [ $# -ge 2 ] || { echo "conformance: --output needs a file name" >&2; exit 2; }
      report="$2"; shift 2 ;;
    --output=*) report="${1#--output=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
  # an --output path is relative to where the script was called from, not to the repository root
  case "$report" in /*|"${DRIFTD_CONFORMANCE_REPORT:-docs/conformance.md}") ;; *) report="$PWD/$report" ;; esac
done
cd "$(dirname "$0")/.."
if [ "$report" != docs/conformance.md ] && [ ! -e "$report" ]; then
  mkdir -p "$(dirname "$report")"
  cp docs/conformance.md "$report"
fi
corpus="${DRIFTD_CORPUS:-../shared/corpus}"
if [ ! -d "$corpus" ]; then
  echo "conformance: no corpus at $corpus; skipped"
  exit 0
fi
if [ ! -d daemon/target/test-classes/dev/driftd/conformance ] || [ ! -d daemon/target/classes ]; then
  mvn -q -B -pl daemon -am -DskipTests test-compile
fi
cp_file=daemon/target/test-classpath.txt
if [ ! -s "$cp_file" ]; then
  mvn -q -B -pl daemon dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
fi
exec java -Xmx1g -cp "daemon/target/test-classes:daemon/target/classes:$(cat "$cp_file")" \
  dev.driftd.conformance.ConformanceMain --corpus "$corpus" --report "$report" ${args[@]+"${args[@]}"}
