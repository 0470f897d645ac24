#!/usr/bin/env bash
# Sets everything up and builds both editions into site/ (German) and site/en/ (English).
# Set SITE_URL (e.g. https://USER.github.io/REPO/) to build for a published address.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python -m scripts.editions site
# A generator that skipped the hooks still builds: stop if the self-assessment, imprint or legal boxes are missing.
.venv/bin/python -m scripts.site_check site
echo "built site/ and site/en/"
