"""Builds with the generators past May 2027, each from its own virtualenv (.venv-NAME, made by
scripts/setup_stack.sh NAME from requirements-NAME.txt; scripts/test.sh runs that setup)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from scripts.editions import EDITIONS, ROOT

# Per stack and language, the configuration it builds: MaterialX needs an override that INHERITs
# the edition's own config (its search plugin takes `lunr.lang`, not `lang`).
STACKS = {
    "properdocs": {language: config for language, (config, _) in EDITIONS.items()},
    "materialx": {"de": "mkdocs.materialx.yml", "en": "mkdocs.en.materialx.yml"},
}


def stack_generator(name: str) -> Path:
    """The stack's `properdocs` command, installing the stack first where its virtualenv is missing."""
    command = ROOT / f".venv-{name}" / "bin" / "properdocs"
    if not command.exists():
        setup = subprocess.run(
            [str(ROOT / "scripts" / "setup_stack.sh"), name], capture_output=True, text=True, timeout=600
        )
        assert setup.returncode == 0, f"scripts/setup_stack.sh {name} failed:\n{setup.stderr}"
    return command


def build_with_stack(name: str, site: Path, site_url: str) -> None:
    """Both editions, strictly, German at the root and English in en/, as scripts/editions.py does."""
    command = stack_generator(name)
    env = {**os.environ, "SITE_URL": site_url, "SITE_URL_EN": site_url + "en/" if site_url else ""}
    for language, config in STACKS[name].items():  # German first: its build empties the folder
        result = subprocess.run(
            [
                str(command),
                "build",
                "--strict",
                "--config-file",
                config,
                "--site-dir",
                str(site / EDITIONS[language][1]),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )
        assert result.returncode == 0, f"{name}: {config}: build failed\n{result.stderr}"
