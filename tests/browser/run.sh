#!/usr/bin/env bash
# Browser test of the dashboard. Installs what is missing (Debian chromium, npm packages),
# then runs tests/browser/dashboard.test.mjs with node's test runner. Needs a built
# marsad binary (target/release/marsad or target/debug/marsad, $CARGO_TARGET_DIR, or
# MARSAD_BIN) and shared/ beside the repository (or MARSAD_SHARED).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi
mkdir -p screenshots
exec node --test dashboard.test.mjs
