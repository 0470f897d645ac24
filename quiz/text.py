"""Text rules that Python and the browser must apply identically (assets/engine.js has the twins).

Python's ``str.strip``/``\\s`` and JavaScript's ``trim``/``\\s`` disagree on some characters
(U+FEFF, U+0085, U+001C..U+001F), so both sides spell out one set of blanks.
"""

from __future__ import annotations

import re

# Control characters, the Unicode spaces and separators, zero-width space and the byte-order mark.
BLANKS = "\\u0000-\\u0020\\u007f-\\u00a0\\u1680\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_TRIM = re.compile(f"^[{BLANKS}]+|[{BLANKS}]+$")


def trim(text: str) -> str:
    return _TRIM.sub("", text)


def ascii_upper(text: str) -> str:
    """Upper-case a..z only: Unicode upper-casing differs between languages and can change length."""
    return re.sub("[a-z]+", lambda match: match.group(0).upper(), text)
