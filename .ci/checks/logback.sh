#!/usr/bin/env bash
# Logging configuration: config/logback.xml (the documented, editable copy) and
# daemon/src/main/resources/logback.xml (the copy built into driftd.jar) must be byte-identical;
# when the shaded jar has been built, the logback.xml inside it must be the same file too.
# What the configuration does (text by default, JSON lines on -Ddriftd.log.format=json or
# DRIFTD_LOG_FORMAT=json, library noise at WARN, secrets masked) is tested by
# daemon/src/test/java/dev/driftd/logging/LogFormatTest.java, which runs in `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/../.."
status=0

if cmp -s config/logback.xml daemon/src/main/resources/logback.xml; then
  echo "logback: config/logback.xml and daemon/src/main/resources/logback.xml are identical: OK"
else
  echo "logback: config/logback.xml and daemon/src/main/resources/logback.xml differ; edit config/logback.xml and copy it:" >&2
  diff -u config/logback.xml daemon/src/main/resources/logback.xml >&2 || true
  status=1
fi

jar=daemon/target/driftd.jar
if [ -f "$jar" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && jar xf "$OLDPWD/$jar" logback.xml 2>/dev/null || true)
  if [ -f "$work/logback.xml" ] && cmp -s "$work/logback.xml" config/logback.xml; then
    echo "logback: $jar carries the same logback.xml: OK"
  else
    echo "logback: $jar does not carry config/logback.xml (rebuild with mvn package?)" >&2
    status=1
  fi
else
  echo "logback: $jar not built; jar contents not checked"
fi
exit "$status"
