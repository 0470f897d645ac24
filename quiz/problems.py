"""Why a code cannot be read, in the reader's words: one table for the command line and, handed
through the browser model, for both page scripts.

The texts live in the wording catalogue, two per reason: ``link<Reason>`` is a whole sentence for
a code or share link on its own, ``skip<Reason>`` a short one for a line of a team list (which
can also be a duplicate). Placeholders: {found} the version found, {current} the page's newest
version, {line} the line a duplicate repeats.
"""

from __future__ import annotations

from .wording import fill

REASONS = {
    "link": ("foreign", "damaged", "version", "newer"),
    "line": ("foreign", "damaged", "version", "newer", "duplicate"),
}
_PREFIX = {"link": "link", "line": "skip"}


def problem_texts(widgets: dict) -> dict:
    """{'link': {reason: text}, 'line': {reason: text}} from the widgets' wording, placeholders unfilled."""
    return {
        context: {reason: widgets[_PREFIX[context] + reason.capitalize()] for reason in reasons}
        for context, reasons in REASONS.items()
    }


def problem_text(widgets: dict, context: str, reason: str, detail: int | None, current: int) -> str:
    """The message for one problem; ``detail`` is the version found, or the line a duplicate repeats."""
    return fill(problem_texts(widgets)[context][reason], found=detail, current=current, line=detail)
