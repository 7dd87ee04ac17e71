#!/usr/bin/env bash
# systemd unit: `systemd-analyze verify` on systemd/driftd.service must print nothing at all (an
# unknown or misspelt directive is only a warning there, so any output fails this check), the
# offline security score must stay low, the hardening the docs promise must be present, and
# systemd/driftd.sysusers must create the driftd user (tested in a throwaway root, the host's
# /etc/passwd is not touched).
# Every credential config/driftd.yaml reads (${credential:NAME}) must be loaded by the unit, and
# optional there (LoadCredential= paired with a SetCredential= default).
# verify resolves ExecStart's binary on this host: /usr/bin/java (Debian's alternatives link)
# must exist, which it does wherever `mvn verify` ran. It does not need the driftd user,
# /usr/share/driftd/driftd.jar, /etc/driftd or a running systemd (PID 1 may be anything).
# A required tool that is missing (and cannot be installed) fails the check; nothing is skipped
# silently: every skipped step prints "systemd: SKIP ..." with the reason.
set -euo pipefail
cd "$(dirname "$0")/../.."
unit=systemd/driftd.service
status=0

if ! command -v systemd-analyze >/dev/null 2>&1 || ! command -v systemd-sysusers >/dev/null 2>&1; then
  echo "systemd: systemd-analyze or systemd-sysusers missing, installing Debian's systemd package"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq systemd >/dev/null
fi
for tool in systemd-analyze systemd-sysusers; do
  command -v "$tool" >/dev/null 2>&1 || { echo "systemd: FAIL: required tool $tool is missing (apt-get install systemd did not provide it)" >&2; exit 1; }
done
[ -x /usr/bin/java ] || { echo "systemd: FAIL: /usr/bin/java (ExecStart's binary) is missing; install a JRE first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Run from an empty directory so verify cannot pick up unrelated unit files next to it.
cp "$unit" "$work/driftd.service"
echo "systemd: systemd-analyze verify $unit ($(systemd-analyze --version | head -1))"
if ! (cd "$work" && systemd-analyze verify --man=no ./driftd.service) > "$work/verify.out" 2>&1; then
  cat "$work/verify.out" >&2
  echo "systemd: verify failed" >&2
  status=1
elif [ -s "$work/verify.out" ]; then
  cat "$work/verify.out" >&2
  echo "systemd: verify printed warnings (unknown or invalid directives?)" >&2
  status=1
else
  echo "systemd: verify: no errors, no warnings: OK"
fi

# Exposure score 0 (locked down) .. 10 (unprotected); --threshold is in tenths.
if systemd-analyze security --help 2>/dev/null | grep -q -- '--offline'; then
  score=$(cd "$work" && systemd-analyze security --offline=yes --threshold=30 ./driftd.service 2>&1 | sed -nE 's/.*Overall exposure level for driftd.service: ([0-9.]+).*/\1/p') || true
  if [ -z "$score" ] || awk -v s="$score" 'BEGIN { exit !(s > 3.0) }'; then
    echo "systemd: security exposure ${score:-unknown} is above 3.0" >&2
    status=1
  else
    echo "systemd: systemd-analyze security --offline: exposure $score (0 best, 10 worst): OK"
  fi
else
  echo "systemd: SKIP security score: this systemd-analyze ($(systemd-analyze --version | head -1)) has no --offline"
fi

# The settings the operations guide documents; a refactoring of the unit must keep them.
required=(
  'User=driftd'
  'StateDirectory=driftd' 'WorkingDirectory=/var/lib/driftd' 'ReadWritePaths=/var/lib/driftd'
  'NoNewPrivileges=yes' 'ProtectSystem=strict' 'ProtectHome=yes' 'PrivateTmp=yes'
  'ProtectKernelTunables=yes' 'ProtectControlGroups=yes' 'RestrictSUIDSGID=yes' 'LockPersonality=yes'
  'CapabilityBoundingSet=' 'Restart=on-failure' 'SuccessExitStatus=143'
  'ExecStart=/usr/bin/java $JAVA_OPTS -jar /usr/share/driftd/driftd.jar run --config /etc/driftd/driftd.yaml'
  'EnvironmentFile=-/etc/driftd/driftd.env'
)
for line in "${required[@]}"; do
  grep -qxF "$line" "$unit" || { echo "systemd: $unit lacks '$line'" >&2; status=1; }
done
# Each credential the example config reads is loaded, and optional: a SetCredential= default of
# the same name keeps a missing file from failing the start (LoadCredential= alone would).
creds=$(grep -vE '^\s*#' config/driftd.yaml | grep -oE '\$\{credential:[A-Za-z0-9_.-]+\}' | sed -E 's/^\$\{credential:(.*)\}$/\1/' | sort -u)
[ -n "$creds" ] || { echo "systemd: config/driftd.yaml reads no \${credential:...}; the unit's credentials are untested" >&2; status=1; }
for c in $creds; do
  if grep -qE "^LoadCredential=$c:/etc/driftd/$c\$" "$unit" && grep -qE "^SetCredential=$c:" "$unit"; then
    echo "systemd: credential $c: LoadCredential= with a SetCredential= default (optional): OK"
  else
    echo "systemd: config/driftd.yaml reads \${credential:$c} but $unit lacks LoadCredential=$c:/etc/driftd/$c or its SetCredential=$c: default" >&2
    status=1
  fi
done
# W+X memory is how the JIT works: this setting would stop the JVM from starting.
if grep -Eq '^\s*MemoryDenyWriteExecute\s*=\s*(yes|true|1|on)' "$unit"; then
  echo "systemd: MemoryDenyWriteExecute=yes breaks the JVM's JIT" >&2; status=1
fi
[ "$status" = 0 ] && echo "systemd: ${#required[@]} required settings present, no MemoryDenyWriteExecute: OK"

# The sysusers entry creates user and group driftd with the state directory as home.
mkdir -p "$work/root/etc"
systemd-sysusers --root="$work/root" - < systemd/driftd.sysusers > "$work/sysusers.out" 2>&1 || cat "$work/sysusers.out" >&2
if grep -Eq '^driftd:x:[0-9]+:[0-9]+:[^:]*:/var/lib/driftd:/usr/sbin/nologin$' "$work/root/etc/passwd" 2>/dev/null \
   && grep -q '^driftd:' "$work/root/etc/group"; then
  echo "systemd: systemd-sysusers creates user and group driftd (home /var/lib/driftd, no login shell): OK"
else
  echo "systemd: systemd/driftd.sysusers did not create the driftd user" >&2; status=1
fi

# The environment file must parse as NAME=value lines (systemd's EnvironmentFile syntax).
if grep -Ev '^\s*(#|$)' systemd/driftd.env | grep -Evq '^[A-Za-z_][A-Za-z0-9_]*='; then
  echo "systemd: systemd/driftd.env has lines that are not NAME=value" >&2; status=1
else
  echo "systemd: systemd/driftd.env is NAME=value lines: OK"
fi
exit "$status"
