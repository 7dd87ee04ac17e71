#!/usr/bin/env bash
# Alert rules: `promtool check rules` on dashboards/driftd-alerts.yml and `promtool test rules` on
# dashboards/driftd-alerts.test.yml (unit tests for every rule, firing and non-firing cases).
# Also: every alert has an absolute runbook_url built from the one external label users set
# (driftd_runbook_base), and the rule file names no fleet (no example fleet baked in).
# promtool comes from Debian's prometheus package; it is installed when missing, with service
# start-up suppressed (policy-rc.d) because CI only needs the binary, not a running server.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/checks/lib/promtool.sh

ensure_prometheus alerts
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

# runbook_url on every alert, from the external label, ending in the alert's anchor in operations.md
python3 - <<'PY'
import re, sys, yaml
rules = yaml.safe_load(open("dashboards/driftd-alerts.yml"))
prefix = "{{ with $externalLabels.driftd_runbook_base }}{{ . }}{{ else }}https://driftd.invalid/docs/operations.md{{ end }}#"
anchors = set(re.findall(r'^#+ .*?(Driftd\w+)', open("docs/operations.md").read(), re.M))
problems = []
for group in rules["groups"]:
    for rule in group["rules"]:
        if "record" in rule:
            problems.append(f"recording rule {rule['record']}: the shipped rules record nothing (no per-fleet rule to keep)")
            continue
        name = rule["alert"]
        url = rule.get("annotations", {}).get("runbook_url", "")
        if url != prefix + name.lower():
            problems.append(f"{name}: runbook_url must be {prefix + name.lower()!r}, is {url!r}")
        if name not in anchors:
            problems.append(f"{name}: docs/operations.md has no heading for it (the runbook_url anchor)")
        if re.search(r'fleet\s*[=!]~?\s*"', rule["expr"]) or "fleet" in rule.get("labels", {}):
            problems.append(f"{name}: names a fleet; the rules must hold for any fleet")
for p in problems:
    print(f"alerts: {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "alerts: every alert has runbook_url from driftd_runbook_base with its operations.md anchor, and no fleet is named: OK"
