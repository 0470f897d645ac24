"""Result codes: a questionnaire version and all answers in a short, checkable string.

``1-4KQ7M2ZZ9ABCDEH`` = version 1, then one character per pair of answers (5 x 5 = 25 values
in a 32-letter alphabet without 0/O and 1/I), then one check character. The JavaScript twin in
docs/assets/selbsttest/selbsttest.js must stay identical.
"""

from __future__ import annotations

import re

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_FORM = re.compile(r"^([1-9][0-9]{0,2})-([" + ALPHABET + r"]+)$")


class CodeError(ValueError):
    """A code that cannot be read. ``reason`` is 'foreign', 'version' or 'damaged'."""

    def __init__(self, reason: str, message: str, version: int | None = None):
        super().__init__(message)
        self.reason, self.version = reason, version


def encode(version: int, answers: list[int]) -> str:
    digits = [answer - 1 for answer in answers] + [0] * (len(answers) % 2)
    values = [digits[index] * 5 + digits[index + 1] for index in range(0, len(digits), 2)]
    return f"{version}-" + "".join(ALPHABET[value] for value in values) + ALPHABET[_check(values)]


def decode(code: str, version: int, count: int) -> list[int]:
    """The ``count`` answers in ``code``, or CodeError when it is not a code of this ``version``."""
    match = _FORM.match(code.strip().upper())
    if not match:
        raise CodeError("foreign", "This is not a result code of this self-assessment.")
    found_version = int(match.group(1))
    if found_version != version:
        raise CodeError("version", f"This code belongs to version {found_version} of the questionnaire; "
                        f"the current version is {version}.", found_version)
    values = [ALPHABET.index(char) for char in match.group(2)]
    *values, check = values
    if len(values) != (count + 1) // 2 or any(value >= 25 for value in values) or _check(values) != check:
        raise CodeError("damaged", "This result code is incomplete or damaged.")
    digits = [digit for value in values for digit in divmod(value, 5)]
    if len(digits) > count and digits[-1] != 0:
        raise CodeError("damaged", "This result code is incomplete or damaged.")
    return [digit + 1 for digit in digits[:count]]


def _check(values: list[int]) -> int:
    return sum((index + 1) * value for index, value in enumerate(values)) % len(ALPHABET)
