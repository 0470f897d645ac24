"""Pieces that the assessment page and the team page share."""

from __future__ import annotations

import json
from html import escape


def opening(title: str, description: str, style_url: str, style: str | None = None) -> list[str]:
    """Front matter, title and the widget's stylesheet: linked, or, given its text as ``style``,
    inlined, so the page paints without waiting for one more request."""
    return [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"description: {json.dumps(description, ensure_ascii=False)}",
        "hide:",
        "  - toc",
        "---",
        "",
        f"# {escape(title)}",
        "",
        f"<style>{style}</style>" if style else f'<link rel="stylesheet" href="{escape(style_url)}">',
    ]


def privacy_and_noscript(words: dict, privacy_url: str) -> list[str]:
    return [
        f'<p class="selfcheck__privacy">{escape(words["privacy"])} '
        f'<a href="{escape(privacy_url)}">{escape(words["privacyLink"])}</a></p>',
        f'<noscript><p class="selfcheck__notice">{escape(words["noscript"])}</p></noscript>',
    ]
