"""Text rules that Python and the browser must apply identically (assets/engine.js has the twins).

Python's ``str.strip``/``\\s`` and JavaScript's ``trim``/``\\s`` disagree on some characters
(U+FEFF, U+0085, U+001C..U+001F), so both sides spell out one set of blanks.

Everything here reads untrusted text (pastes, links) in linear time: no regular expression that
could backtrack over a long run of blanks or characters, only scans and fixed-set strips.
"""

from __future__ import annotations

import re

# Control characters, the Unicode spaces and separators, zero-width space and the byte-order mark.
BLANKS = "\\u0000-\\u0020\\u007f-\\u00a0\\u1680\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
BLANK_CHARS = "".join(re.findall(f"[{BLANKS}]", "".join(map(chr, range(0x10000)))))  # the same set, spelt out
SEPARATORS = ";,"  # between a name and its code in a team line
NAME_EDGES = ":;,-\u2013"  # trimmed off a name as well as blanks: "Anna: …", "– Anna –"
LINK_LIMIT = 4096  # characters: a longer code or share link is not a code (a real one has about 60)
_LOWER = re.compile("[a-z]+")
_TOKEN = re.compile(f"[^{BLANKS}{SEPARATORS}]*")


def trim(text: str) -> str:
    return text.strip(BLANK_CHARS)


def ascii_upper(text: str) -> str:
    """Upper-case a..z only: Unicode upper-casing differs between languages and can change length."""
    return _LOWER.sub(lambda match: match.group(0).upper(), text)


def code_in(text: str) -> str:
    """The code a code or share link carries: ``…#code=1-ABC&x=y`` -> ``1-ABC``, trimmed and upper-cased.

    The one rule for the command line, the team overview and the assessment page's address.
    Text longer than LINK_LIMIT carries no code ('' is not a code).
    """
    if len(text) > LINK_LIMIT:
        return ""
    at = text.find("code=")
    if at >= 0:
        text = text[at + len("code=") :].split("&", 1)[0]
    return ascii_upper(trim(text))


def split_line(line: str) -> tuple[str, str]:
    """(name, token) of a trimmed team line: the token is the last run of characters without blanks,
    ';' or ',' (trailing separators ignored), the name everything before it, without its edges."""
    body = line.rstrip(BLANK_CHARS + SEPARATORS)
    start = len(body) - _TOKEN.match(body[::-1]).end()  # read backwards: one pass, no backtracking
    return body[:start].strip(BLANK_CHARS + NAME_EDGES), body[start:]
