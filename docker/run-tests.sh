#!/usr/bin/env bash
# The suite's test command inside the odoo:18 image (docker compose run --rm tests).
set -euo pipefail
if ! command -v chromium >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
pip3 install --quiet --break-system-packages -r requirements.txt 2>/dev/null \
    || pip3 install --quiet -r requirements.txt
exec python3 tests/run_tests.py "$@"
