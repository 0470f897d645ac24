"""Text from data files on its way into a page: escaped, so that neither HTML nor Markdown in it
can become markup, a script or a link (issue 16, item 7)."""

from __future__ import annotations

import html
from datetime import date

from babel.dates import format_date

from quiz.wording import words

# After HTML's own escaping, the characters Markdown would read as links, emphasis, code, tables or
# attribute lists: as character references they show as themselves and mean nothing to Markdown.
_MARKDOWN = {ord(character): f"&#{ord(character)};" for character in "[]*_`|{}\\"}


def inert(text: str) -> str:
    """``text`` for a place Markdown still reads (a table cell, a sentence): shows as written,
    never markup or a link."""
    return html.escape(text, quote=False).translate(_MARKDOWN)


def escaped(text: str) -> str:
    """``text`` for raw HTML that Markdown leaves alone (the legal boxes, the imprint)."""
    return html.escape(text)


def attribute(text: str) -> str:
    """``text`` for a double-quoted HTML attribute value, inert even where Markdown reads the line."""
    return html.escape(text, quote=True).translate(_MARKDOWN)


def long_date(day: date, language: str) -> str:
    """A date as the edition writes it (27.11.2026 / 27 November 2026), pattern from the catalogue."""
    return format_date(day, format=words("site", language)["datePattern"], locale=language)
