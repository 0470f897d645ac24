#!/usr/bin/env bash
# Sets everything up and serves the site with live reload at http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
NO_MKDOCS_2_WARNING=1 exec .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
