"""The site's own logic, free of any site generator: the legal notes and the imprint, the
follow-up cadence and its priorities, the offline files, and the markers pages use to pull them in.

The MkDocs hooks in hooks/ only hand MkDocs what this package returns and turn its errors into a
failed build; `python -m sitekit check` runs the same checks without a build. Nothing here
imports mkdocs or a hook. Every problem is one line, ``file:line: item: problem``.
"""

from __future__ import annotations

import functools
from functools import lru_cache
from pathlib import Path

from quiz import LANGUAGES, DefinitionError

ROOT = Path(__file__).resolve().parent.parent  # the project: docs/, includes/, mkdocs.yml
INCLUDES = ROOT / "includes"
LEGAL = INCLUDES / "legal.yml"
CADENCE = INCLUDES / "cadence.yml"
PRIORITIES = INCLUDES / "priorities.yml"
CONFIGS = ("mkdocs.yml", "mkdocs.en.yml")


class SiteError(Exception):
    """One line for a problem outside a data file's own fields, e.g. an unknown marker on a page."""


# What a caller catches: a data file's DefinitionError (file:line: item: problem) or a SiteError.
ERRORS = (DefinitionError, SiteError)


def reported_as(error_class):
    """A decorator for a generator's event: this package's one-line errors become ``error_class``
    (MkDocs' PluginError, passed in by the hook, so that nothing here imports MkDocs)."""

    def decorate(event):
        @functools.wraps(event)
        def run(*args, **kwargs):
            try:
                return event(*args, **kwargs)
            except ERRORS as error:
                raise error_class(str(error)) from None

        return run

    return decorate


def edition_language(language: str, where: str) -> str:
    """The edition's language, if the catalogue and the data files have texts in it."""
    if language not in LANGUAGES:
        raise SiteError(f"{where}: theme.language: no texts in '{language}' (expected one of {', '.join(LANGUAGES)})")
    return language


def cached(load, path: Path):
    """``load(path)``, read again only when the file changed: a build calls it once per page."""
    try:
        stat = Path(path).stat()
    except OSError:
        return load(path)  # reports the missing file
    return _cached(load, Path(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _cached(load, path: Path, mtime: int, size: int):
    return load(path)


__all__ = [
    "CADENCE",
    "CONFIGS",
    "ERRORS",
    "INCLUDES",
    "LANGUAGES",
    "LEGAL",
    "PRIORITIES",
    "ROOT",
    "DefinitionError",
    "SiteError",
    "cached",
    "edition_language",
    "reported_as",
]
