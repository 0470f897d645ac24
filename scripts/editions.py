"""Build both editions into one folder: German at the root, English in en/ (as on GitHub Pages)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"de": ("mkdocs.yml", ""), "en": ("mkdocs.en.yml", "en/")}


def build_edition(config: Path, site_dir: Path, site_url: str = "") -> subprocess.CompletedProcess:
    """One strict `mkdocs build`; site_url may be empty (then links are relative only)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",  # Material's end-of-life banner is not build output
           "SITE_URL": site_url, "SITE_URL_EN": site_url + "en/" if site_url else ""}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
                           "--site-dir", str(site_dir)], cwd=config.parent, capture_output=True, text=True,
                          timeout=300, env=env)


def build_editions(site: Path, site_url: str = "", root: Path = ROOT) -> str | None:
    """Both editions into ``site``; None when both built, else the failing build's output."""
    for language, (config, folder) in EDITIONS.items():  # German first: its build empties the folder
        result = build_edition(root / config, site / folder, site_url)
        if result.returncode:
            return f"{config}: build failed\n{result.stderr}"
    return None


if __name__ == "__main__":  # python scripts/editions.py SITE_DIR (SITE_URL from the environment)
    sys.exit(build_editions(Path(sys.argv[1]), os.environ.get("SITE_URL", "")))
