# Sourced by .ci/checks/{alerts,metrics,prometheus}.sh (not run by .ci/run: it is not in checks/).
# ensure_prometheus NAME: installs Debian's prometheus package (promtool, prometheus) and jq when one
# is missing, with the package's service start suppressed; fails loudly if they are still missing.
# lint_scrape NAME FILE: `promtool check metrics` on a text-0.0.4 scrape, accepting only the two
# advisory lint lines docs/metrics.md explains (Micrometer's standard JVM/process names);
# any parse error or other lint fails.

ensure_prometheus() {
  local who=$1
  if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 && command -v jq >/dev/null 2>&1; then
    return 0
  fi
  echo "$who: prometheus, promtool or jq missing: installing Debian's prometheus and jq"
  local made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    # exit 101 = "action forbidden": invoke-rc.d / deb-systemd-invoke will not start the service
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus jq >/dev/null
  [ -n "$made_policy" ] && rm -f /usr/sbin/policy-rc.d
  # a CI box must not keep the packaged Prometheus listening on :9090
  if [ -d /run/systemd/system ] && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl stop prometheus || true
  fi
  for tool in prometheus promtool jq; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$who: FAIL: $tool still missing after the install" >&2; return 1; }
  done
}

ACCEPTED_LINT=(
  'process_cpu_time_ns_total metric names should not contain abbreviated units'
  'system_cpu_count non-histogram and non-summary metrics should not have "_count" suffix'
)

lint_scrape() {
  local who=$1 file=$2 out rc=0 line accepted ok=1
  out=$(promtool check metrics < "$file" 2>&1) || rc=$?
  # promtool exits 3 for lint problems, 1 for a parse error
  if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then
    echo "$who: promtool check metrics failed (exit $rc):" >&2
    echo "$out" >&2
    return 1
  fi
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    accepted=""
    for a in "${ACCEPTED_LINT[@]}"; do [ "$line" = "$a" ] && accepted=1; done
    if [ -n "$accepted" ]; then
      echo "$who: promtool lint (accepted, see docs/metrics.md): $line"
    else
      echo "$who: promtool lint: $line" >&2
      ok=""
    fi
  done <<<"$out"
  [ -n "$ok" ]
}
