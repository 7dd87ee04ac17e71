#!/usr/bin/env bash
# The console's browser test (ConsoleBrowserTest) drives Debian's Chromium through chromedriver.
# Installs both when either is missing; fails loudly when they cannot be installed or do not start.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo '?'))"
else
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends chromium chromium-driver
fi

# both must run: a package that installed but cannot start would only show up as a test failure
/usr/bin/chromium --version
/usr/bin/chromedriver --version
