#!/usr/bin/env bash
# Runs the external corpus (../shared/corpus: sqldef, migra, real schemas) through the engine in
# one JVM against the local PostgreSQL and MariaDB, writes docs/conformance.md and prints one line
# per source:  conformance sqldef-postgres: 780/790 converged (836 cases)
# Usage: bench/conformance.sh [--only sqldef-postgres,migra,...] [--case REGEX] [--details FILE]
# With --only realworld-postgres,realworld-mysql it runs the real-schema gate instead (one line per
# file and check, exit status 1 on a failure that bench/realworld-expected-failures.txt does not
# list or on a listed check that passes; .ci/checks/realworld.sh runs it that way).
set -euo pipefail
cd "$(dirname "$0")/.."
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
  dev.driftd.conformance.ConformanceMain --corpus "$corpus" --report "${DRIFTD_CONFORMANCE_REPORT:-docs/conformance.md}" "$@"
