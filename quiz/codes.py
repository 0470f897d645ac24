"""Result codes: a questionnaire version and all answers in a short, checkable string.

``1-4KQ7M2ZZ9ABCDEH``: the version, a dash, the answers, one check character, in a 32-letter
alphabet without 0/O and 1/I. Each version keeps its format for ever:
- version 1: one character per two answers (5 × 5 = 25 values);
- version 2: three characters per five answers, each answer 0 ("kam nicht vor") to 5
  (6⁵ = 7,776 values below 32³);
- version 3 on (a version with a reserve): the same, with a seventh state, 6, for a reserve
  statement that was not asked (7⁵ = 16,807 values below 32³).
The browser's twin is ``decode``/``encode`` in assets/engine.js; tests/js/engine.test.mjs proves both agree.
"""

from __future__ import annotations

import re

from .model import NOT_ASKED, SCALE_POINTS, Questionnaire
from .text import ascii_upper, trim

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_FORM = re.compile(r"^([1-9][0-9]{0,2})-([" + ALPHABET + r"]+)$")


class CodeError(ValueError):
    """A code that cannot be read: ``reason`` is 'foreign', 'version', 'newer' or 'damaged', ``version``
    the version found. "newer": the code comes from a version this copy of the site does not know yet.
    The reader-facing messages: quiz/problems.py, from the wording catalogue.
    """

    def __init__(self, reason: str, version: int | None = None):
        super().__init__(reason)
        self.reason, self.version = reason, version


def code_format(questionnaire: Questionnaire) -> dict:
    """How a version writes its answers: states per answer, answers and characters per group, and
    the digit of answer 1 (version 1 has no "kam nicht vor", so its digits start at answer 1)."""
    if questionnaire.method == "phase_means":
        return {"states": SCALE_POINTS, "group": 2, "chars": 1, "offset": 1}
    if questionnaire.has_reserve:  # the last digit: a reserve statement not asked
        return {"states": SCALE_POINTS + 2, "group": 5, "chars": 3, "offset": 0, "notAsked": SCALE_POINTS + 1}
    return {"states": SCALE_POINTS + 1, "group": 5, "chars": 3, "offset": 0}


def _digit(form: dict, answer) -> int:
    """An answer's digit: None ("kam nicht vor") 0, NOT_ASKED the format's last digit, else 1..5."""
    if answer is None:
        return 0
    if answer == NOT_ASKED and "notAsked" in form:
        return form["notAsked"]
    return answer - form["offset"]


def _answer(form: dict, digit: int):
    if "notAsked" in form and digit == form["notAsked"]:
        return NOT_ASKED
    return None if digit + form["offset"] == 0 else digit + form["offset"]


def encode(questionnaire: Questionnaire, answers: list) -> str:
    """``answers``: 1..5 per statement, None for "kam nicht vor" (version 2 on)."""
    form = code_format(questionnaire)
    digits = [_digit(form, answer) for answer in answers]
    digits += [0] * (-len(digits) % form["group"])
    chars = []
    for start in range(0, len(digits), form["group"]):
        value = 0
        for digit in digits[start : start + form["group"]]:
            value = value * form["states"] + digit
        chars += _base32(value, form["chars"])
    return f"{questionnaire.version}-" + "".join(ALPHABET[char] for char in chars) + ALPHABET[_check(chars)]


def decode(code: str, questionnaires: dict[int, Questionnaire]) -> tuple[Questionnaire, list]:
    """The questionnaire a code belongs to and its answers, or CodeError."""
    match = _FORM.match(ascii_upper(trim(code)))
    if not match:
        raise CodeError("foreign")
    version = int(match.group(1))
    if version not in questionnaires:
        raise CodeError("newer" if version > max(questionnaires) else "version", version)
    questionnaire = questionnaires[version]
    form, count = code_format(questionnaire), len(questionnaire.statements)
    *chars, check = [ALPHABET.index(char) for char in match.group(2)]
    groups = -(-count // form["group"])
    if len(chars) != groups * form["chars"] or _check(chars) != check:
        raise CodeError("damaged", version)
    digits = []
    for start in range(0, len(chars), form["chars"]):
        value = 0
        for char in chars[start : start + form["chars"]]:
            value = value * 32 + char
        if value >= form["states"] ** form["group"]:
            raise CodeError("damaged", version)
        group = []
        for _ in range(form["group"]):
            value, digit = divmod(value, form["states"])
            group.insert(0, digit)
        digits += group
    if any(digits[count:]):
        raise CodeError("damaged", version)
    answers = [_answer(form, digit) for digit in digits[:count]]
    if any(
        answer is None and not statement.trigger
        for answer, statement in zip(answers, questionnaire.statements, strict=False)
    ):
        raise CodeError("damaged", version)  # "kam nicht vor" only where the statement offers it
    if any(
        answer == NOT_ASKED and not statement.reserve
        for answer, statement in zip(answers, questionnaire.statements, strict=False)
    ):
        raise CodeError("damaged", version)  # "not asked" only in the reserve
    return questionnaire, answers


def _base32(value: int, width: int) -> list[int]:
    chars = []
    for _ in range(width):
        value, char = divmod(value, 32)
        chars.insert(0, char)
    return chars


def _check(chars: list[int]) -> int:
    return sum((index + 1) * char for index, char in enumerate(chars)) % len(ALPHABET)
