"""Pieces that the assessment page and the team page share."""

from __future__ import annotations

import json
from html import escape


def opening(title: str, description: str, style_url: str) -> list[str]:
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
        f'<link rel="stylesheet" href="{escape(style_url)}">',
    ]


def privacy_and_noscript(words: dict, privacy_url: str) -> list[str]:
    return [
        f'<p class="selfcheck__privacy">{escape(words["privacy"])} '
        f'<a href="{escape(privacy_url)}">{escape(words["privacyLink"])}</a></p>',
        f'<noscript><p class="selfcheck__notice">{escape(words["noscript"])}</p></noscript>',
    ]
