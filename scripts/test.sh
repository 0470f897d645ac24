#!/usr/bin/env bash
# Sets everything up (virtualenvs, packages, Chromium) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
# The generators past May 2027, each in its own virtualenv, for tests/stacks/.
scripts/setup_stack.sh properdocs
scripts/setup_stack.sh materialx
exec .venv/bin/python -m pytest "$@"
