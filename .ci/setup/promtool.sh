#!/usr/bin/env bash
# promtool, which FleetMetricsTest runs on a real scrape (`promtool check metrics`): Debian ships it in
# the `prometheus` package. Without it that test would skip, so a fresh machine gets it here, before
# mvn verify; failing to install it fails the CI run (set -e) rather than losing the check.
set -euo pipefail
if [ -x /usr/bin/promtool ]; then
  echo "promtool: already installed ($(/usr/bin/promtool --version 2>&1 | head -1))"
  exit 0
fi
echo "promtool: not installed; apt-get install prometheus"
export DEBIAN_FRONTEND=noninteractive
# another apt run (a peer check, unattended upgrades) may hold the lock: wait for it rather than fail
apt-get -o DPkg::Lock::Timeout=300 update -qq
# --no-install-recommends: the server's web UI assets and exporters are not needed for the tool
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends prometheus >/dev/null
if [ ! -x /usr/bin/promtool ]; then
  echo "promtool: the prometheus package did not provide /usr/bin/promtool" >&2
  exit 1
fi
echo "promtool: installed ($(/usr/bin/promtool --version 2>&1 | head -1))"
