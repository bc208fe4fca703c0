#!/usr/bin/env bash
# Installs Debian's chromium where /usr/bin/chromium is missing: the docs browser test
# (test/local/docs-browser.test.ts) drives it with playwright-core, which downloads no browser.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
