#!/usr/bin/env bash
# Sets everything up and builds the static site into site/ (set SITE_URL for a project path).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict "$@"
