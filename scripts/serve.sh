#!/usr/bin/env bash
# Sets everything up and serves both editions at http://127.0.0.1:8000 (English at /en/),
# rebuilding whenever a page, the questionnaire or the configuration changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m scripts.serve
