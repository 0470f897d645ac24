"""Catalogue texts that pages pull in with a marker, and the heading links' title.

<!-- wording: copy-messages -->  the copy buttons' messages (assets/copy-template.js reads them)
"""

from __future__ import annotations

import re

from quiz.wording import words

from . import SiteError
from .text import attribute

MARKER = re.compile(r"<!--\s*wording:\s*([^\s]*)\s*-->")


def copy_messages(language: str) -> str:
    texts = words("site", language)
    return (
        f'<p hidden data-copy-messages data-done="{attribute(texts["copyDone"])}" '
        f'data-failed="{attribute(texts["copyFailed"])}"></p>'
    )


RENDER = {"copy-messages": copy_messages}


def render_page(markdown: str, language: str, where: str) -> str:
    def replace(match: re.Match) -> str:
        if match.group(1) not in RENDER:
            raise SiteError(f"{where}: unknown wording marker '{match.group(1)}' (expected {', '.join(RENDER)})")
        return RENDER[match.group(1)](language)

    return MARKER.sub(replace, markdown)


def permalink_title(language: str) -> str:
    """The title of the ¶ link after each heading, in the edition's language."""
    return words("site", language)["permalinkTitle"]
