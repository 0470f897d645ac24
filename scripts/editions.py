"""Build both editions into one folder: German at the root, English in en/ (as on GitHub Pages)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"de": ("mkdocs.yml", ""), "en": ("mkdocs.en.yml", "en/")}


def build_edition(config: Path, site_dir: Path, site_url: str = "") -> subprocess.CompletedProcess:
    """One strict `mkdocs build`; site_url may be empty (then links are relative only)."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",  # Material's end-of-life banner is not build output
        "SITE_URL": site_url,
        "SITE_URL_EN": site_url + "en/" if site_url else "",
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config),
            "--site-dir",
            str(site_dir),
        ],
        cwd=config.parent,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def build_editions(site: Path, site_url: str = "") -> dict[str, subprocess.CompletedProcess]:
    """Both editions into ``site``, by language; stops after a build that fails."""
    results = {}
    for language, (config, folder) in EDITIONS.items():  # German first: its build empties the folder
        results[language] = build_edition(ROOT / config, site / folder, site_url)
        if results[language].returncode:
            break
    return results


def failure(results: dict[str, subprocess.CompletedProcess]) -> str | None:
    """The output of the build that failed, or None when all built."""
    for language, result in results.items():
        if result.returncode:
            return f"{EDITIONS[language][0]}: build failed\n{result.stderr}"
    return None


@contextmanager
def temporary_site(config: Path = ROOT / "mkdocs.yml"):
    """One edition built into a temporary folder, for the benchmarks; exits with the output on failure."""
    with tempfile.TemporaryDirectory() as folder:
        result = build_edition(config, Path(folder))
        if result.returncode:
            raise SystemExit(result.stderr)
        yield Path(folder)


if __name__ == "__main__":  # python -m scripts.editions SITE_DIR (SITE_URL from the environment)
    sys.exit(failure(build_editions(Path(sys.argv[1]), os.environ.get("SITE_URL", ""))))
