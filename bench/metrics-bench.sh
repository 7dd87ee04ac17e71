#!/usr/bin/env bash
# Time of a /metrics scrape body for a synthetic fleet of N members (default 5,000), JVM meters on.
# Prints numbers; not a timed test.
#   bench/metrics-bench.sh [members]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -pl daemon test-compile
[ -f daemon/target/cp.txt ] || mvn -q -o -pl daemon dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
java -Xmx512m -cp "daemon/target/test-classes:daemon/target/classes:$(cat daemon/target/cp.txt)" \
  dev.driftd.metrics.ScrapeBench "${1:-5000}"
