#!/bin/sh
# Builds the proxy jar and the JMH benchmarks, then runs them. Extra arguments go to JMH,
# e.g. `bench/proxy-overhead/run.sh -f 1 -wi 3 -i 5 Classify`.
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mvn -q -o -pl proxy package -DskipTests
mvn -q -o -f bench/proxy-overhead/pom.xml package
exec java -cp "bench/proxy-overhead/target/benchmarks.jar:proxy/target/driftd-proxy.jar" org.openjdk.jmh.Main "$@"
