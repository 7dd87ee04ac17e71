#!/usr/bin/env bash
# After mvn verify: prints every skipped test with its reason (from the surefire and failsafe XML
# reports of the modules with tests) and fails when more tests skipped than .ci/expected-skips allows, so a
# lost server, tool or corpus cannot quietly turn tests into skips. Fewer skips than expected pass,
# with a note to lower the number.
set -euo pipefail
cd "$(dirname "$0")/.."
expected_file=.ci/expected-skips
expected=$(grep -Ev '^\s*(#|$)' "$expected_file" | head -1 | tr -d '[:space:]')
case "$expected" in
  ''|*[!0-9]*) echo "skips: $expected_file must hold one number on its first non-comment line, found '$expected'" >&2; exit 1 ;;
esac
shopt -s nullglob
reports=(proxy/target/surefire-reports/TEST-*.xml daemon/target/surefire-reports/TEST-*.xml
         daemon/target/failsafe-reports/TEST-*.xml demo/target/surefire-reports/TEST-*.xml
         demo/target/failsafe-reports/TEST-*.xml)
if [ ${#reports[@]} -eq 0 ]; then
  echo "skips: no test reports under proxy/target or daemon/target: run mvn verify first" >&2
  exit 1
fi
# One line per skipped test case: class#method: reason. Surefire writes the case's opening tag, then
# either <skipped message="reason"/> (a disabled test) or <skipped type="..."><![CDATA[the exception:
# reason, then its stack trace (an aborted assumption).
list=$(awk '
  /<testcase / {
    name = $0; sub(/.* name="/, "", name); sub(/".*/, "", name)
    cls = $0; sub(/.* classname="/, "", cls); sub(/".*/, "", cls)
  }
  /<skipped/ {
    msg = "(no reason given)"
    if ($0 ~ /message="/) { msg = $0; sub(/.*message="/, "", msg); sub(/"[^"]*$/, "", msg) }
    else if ($0 ~ /CDATA\[/) { msg = $0; sub(/.*CDATA\[/, "", msg); sub(/^[A-Za-z0-9_.$]+: /, "", msg); sub(/^Assumption failed: /, "", msg); sub(/]]>.*/, "", msg) }
    print cls "#" name ": " msg
  }' "${reports[@]}" | sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g')
count=0
[ -n "$list" ] && count=$(printf '%s\n' "$list" | wc -l)
echo "skips: $count skipped tests (expected at most $expected, from $expected_file):"
[ -n "$list" ] && printf '%s\n' "$list" | sed 's/^/  skipped: /'
if [ "$count" -gt "$expected" ]; then
  echo "skips: FAILED: $count tests skipped, more than the $expected expected; each reason is above" >&2
  exit 1
fi
if [ "$count" -lt "$expected" ]; then
  echo "skips: fewer skips than expected: lower the number in $expected_file to $count"
fi
