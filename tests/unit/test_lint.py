"""ruff (configured in pyproject.toml) finds nothing in the Python code, the code is formatted as ruff
formats it, and a planted fault would be found."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def ruff(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--no-cache"],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_ruff_finds_nothing():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted():
    result = ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_catches_a_planted_fault():
    planted = ruff("check", "--stdin-filename", "quiz/planted.py", "-", stdin="import os\n")
    assert planted.returncode == 1 and "F401" in planted.stdout, planted.stdout
