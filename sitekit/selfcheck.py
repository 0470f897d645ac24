"""Facts about the self-assessment that pages state, from the questionnaire itself.

<!-- selfcheck: statements -->  the current questionnaire's number of statements ("30")
"""

from __future__ import annotations

import re

import quiz

from . import SiteError, cached

MARKER = re.compile(r"<!--\s*selfcheck:\s*([^\s]*)\s*-->")
MARKERS = ("statements",)


def statements(latest: int | None = None) -> int:
    """How many statements the current version (or the newest up to ``latest``) asks."""
    paths = [path for path in quiz.definitions() if latest is None or int(path.stem[1:]) <= latest]
    return len(cached(quiz.load, paths[-1]).statements)


def render_page(markdown: str, where: str, *, latest: int | None = None) -> str:
    def replace(match: re.Match) -> str:
        if match.group(1) not in MARKERS:
            raise SiteError(f"{where}: unknown selfcheck marker '{match.group(1)}' (expected {', '.join(MARKERS)})")
        return str(statements(latest))

    return MARKER.sub(replace, markdown)
