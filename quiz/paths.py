"""How a file is named in a message: relative to where the command runs, as the author knows it."""

from __future__ import annotations

import os
from pathlib import Path


def shown(path: str | Path) -> str:
    """``path`` relative to the working folder (quiz/questionnaires/v2.yml), or as given when it lies outside."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative
