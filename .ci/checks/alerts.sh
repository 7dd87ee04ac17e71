#!/usr/bin/env bash
# Alert rules: `promtool check rules` on dashboards/driftd-alerts.yml and `promtool test rules` on
# dashboards/driftd-alerts.test.yml (unit tests for every rule, firing and non-firing cases).
# promtool comes from Debian's prometheus package; it is installed when missing, with service
# start-up suppressed (policy-rc.d) because CI only needs the binary, not a running server.
set -euo pipefail
cd "$(dirname "$0")/../.."

ensure_promtool() {
  command -v promtool >/dev/null 2>&1 && return 0
  echo "alerts: promtool missing, installing Debian's prometheus package"
  local made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    # exit 101 = "action forbidden": invoke-rc.d / deb-systemd-invoke will not start the service.
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  # apt-get update once per run, then the install; DEBIAN_FRONTEND avoids any prompt without a tty.
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  [ -n "$made_policy" ] && rm -f /usr/sbin/policy-rc.d
  # On a host where systemd is PID 1 the unit may still be enabled; a CI box must not keep a
  # Prometheus server listening on :9090, so stop it if it is running under systemd.
  if [ -d /run/systemd/system ] && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl stop prometheus || true
  fi
  command -v promtool >/dev/null 2>&1 || { echo "alerts: promtool still missing after install" >&2; exit 1; }
}

ensure_promtool
echo "alerts: $(promtool --version 2>&1 | head -1)"

echo "alerts: promtool check rules dashboards/driftd-alerts.yml"
promtool check rules dashboards/driftd-alerts.yml

echo "alerts: promtool test rules dashboards/driftd-alerts.test.yml"
promtool test rules dashboards/driftd-alerts.test.yml

# Every alert in the rule file must have a unit test where it fires (exp_alerts with entries) and
# one where it must stay silent (exp_alerts: []); promtool itself does not enforce either.
coverage=$(awk '
  /^[[:space:]]*alertname:/ { name = $2 }
  /^[[:space:]]*exp_alerts:[[:space:]]*\[\][[:space:]]*(#.*)?$/ { neg[name] = 1; next }
  /^[[:space:]]*exp_alerts:[[:space:]]*(#.*)?$/ { pos[name] = 1 }
  END { for (n in pos) print n, "firing"; for (n in neg) print n, "silent" }
' dashboards/driftd-alerts.test.yml)
missing=0
for alert in $(sed -nE 's/^[[:space:]]*- alert:[[:space:]]*([A-Za-z0-9_]+).*/\1/p' dashboards/driftd-alerts.yml); do
  for kind in firing silent; do
    if ! grep -qx "${alert} ${kind}" <<<"$coverage"; then
      echo "alerts: rule ${alert} has no ${kind} unit test case (exp_alerts non-empty for firing, [] for silent)" >&2
      missing=1
    fi
  done
done
[ "$missing" = 0 ] || exit 1
echo "alerts: every alert rule has firing and silent unit tests ($(grep -c '^[[:space:]]*- alert:' dashboards/driftd-alerts.yml) rules): OK"
