#!/usr/bin/env bash
# Installs another generator stack for the site into its own virtualenv, .venv-NAME, from the pins in
# requirements-NAME.txt (properdocs, materialx), with the engine package (quiz/) in editable mode.
# The default .venv (MkDocs 1.6.1 + Material 9.8.2) is never touched; tests/stacks/ builds with these.
set -euo pipefail
cd "$(dirname "$0")/.."

name=${1:-}
if [ -z "$name" ] || [ ! -f "requirements-$name.txt" ]; then
  echo "setup_stack: usage: scripts/setup_stack.sh NAME, with NAME one of:" \
    "$(ls requirements-*.txt | sed 's/requirements-\(.*\)\.txt/\1/' | tr '\n' ' ')" >&2
  exit 1
fi
python=${PYTHON:-python3}
venv=".venv-$name"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "requirements-$name.txt"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
