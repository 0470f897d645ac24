"""Team overview: many result codes, one per line and optionally with a name, summed up.

The browser's team page (docs/assets/selbsttest/team.js) follows the same rules for reading
lines, averaging (tenths, rounded half up) and the CSV, so both show identical numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .codes import CodeError, decode
from .definition import PHASE_IDS, Questionnaire
from .scoring import Result, rounded_mean, score

# The code or share link is the last run of characters without blanks, ';' or ','; before it the name.
LINE = re.compile(r"^(?P<name>.*?)[\s;,]*(?P<token>[^\s;,]+)$")
NAME_TRIM = re.compile(r"^[\s:;,\-–]+|[\s:;,\-–]+$")
NEWLINE = re.compile(r"\r\n|\r|\n")  # what JavaScript's split uses too (str.splitlines knows more)


@dataclass(frozen=True)
class Member:
    line: int
    name: str
    code: str
    result: Result


@dataclass(frozen=True)
class Skipped:
    line: int
    text: str
    reason: str  # 'foreign', 'version', 'damaged' or 'duplicate'
    detail: int | None = None  # the version found, or the line a duplicate repeats


@dataclass(frozen=True)
class Team:
    members: tuple
    skipped: tuple
    averages: dict  # phase id and 'drop_off' -> tenths of a point (725 = 72.5)
    dropping: int  # how many drop off after the close
    bands: tuple  # members per verdict band, in band order
    needs: tuple  # (topic id, members who have it among their recommendations), most first, at most 3


def read_lines(questionnaire: Questionnaire, text: str) -> tuple[list[Member], list[Skipped]]:
    members, skipped, seen = [], [], {}
    for number, raw in enumerate(NEWLINE.split(text), start=1):
        line = raw.strip()
        if not line:
            continue
        match = LINE.match(line)
        token = match.group("token")
        code = token.split("code=", 1)[1].split("&", 1)[0] if "code=" in token else token
        code = code.strip().upper()
        try:
            answers = decode(code, questionnaire.version, len(questionnaire.statements))
        except CodeError as error:
            skipped.append(Skipped(number, line, error.reason, error.version))
            continue
        if code in seen:
            skipped.append(Skipped(number, line, "duplicate", seen[code]))
            continue
        seen[code] = number
        name = NAME_TRIM.sub("", match.group("name"))
        members.append(Member(number, name, code, score(questionnaire, answers)))
    return members, skipped


def summarise(questionnaire: Questionnaire, text: str) -> Team:
    members, skipped = read_lines(questionnaire, text)
    count = len(members)

    def tenths(values) -> int:
        return rounded_mean(10 * sum(values), count) if count else 0

    averages = {phase: tenths(m.result.phases[phase] for m in members) for phase in PHASE_IDS}
    # The drop-off can be negative: average it shifted by 100 points to keep half-up rounding exact.
    averages["drop_off"] = tenths(m.result.drop_off + 100 for m in members) - 1000 if count else 0
    bands = tuple(sum(band.low <= m.result.drop_off <= band.high for m in members) for band in questionnaire.verdict)
    counts = [(sum(topic.id in m.result.recommendations for m in members), index, topic.id)
              for index, topic in enumerate(questionnaire.topics)]
    needs = tuple((topic_id, needed) for needed, _, topic_id in sorted(counts, key=lambda c: (-c[0], c[1]))[:3] if needed)
    return Team(tuple(members), tuple(skipped), averages, sum(m.result.drops_off for m in members), bands, needs)


def decimal(tenths: int, separator: str = ",") -> str:
    """725 -> '72,5': one decimal, with the German decimal comma unless told otherwise."""
    sign = "-" if tenths < 0 else ""
    return f"{sign}{abs(tenths) // 10}{separator}{abs(tenths) % 10}"


def band_label(words: dict, band) -> str:
    """'höchstens 9 Punkte', '10 bis 24 Punkte', '25 Punkte und mehr'."""
    if band.low == -100:
        return words["bandUpTo"].format(to=band.high)
    if band.high == 100:
        return words["bandFrom"].format(**{"from": band.low})
    return words["bandRange"].format(**{"from": band.low, "to": band.high})


def to_csv(questionnaire: Questionnaire, team: Team, language: str, words: dict) -> str:
    """The team table for German Excel: ';' separated, UTF-8 with BOM, decimal comma, CRLF."""
    profiles = {profile.id: profile.title[language] for profile in questionnaire.profiles}
    header = [words["teamName"], *(phase.label[language] for phase in questionnaire.phases),
              words["teamDropOff"], words["teamDrops"], words["teamProfile"], words["codeLabel"]]
    rows = [header]
    for index, member in enumerate(team.members, start=1):
        result = member.result
        rows.append([member.name or words["teamPerson"].format(number=index),
                     *(str(result.phases[phase]) for phase in PHASE_IDS), str(result.drop_off),
                     words["yes"] if result.drops_off else words["no"], profiles[result.profile], member.code])
    rows.append([words["teamAverage"], *(decimal(team.averages[phase]) for phase in PHASE_IDS),
                 decimal(team.averages["drop_off"]), f"{team.dropping}/{len(team.members)}", "", ""])
    return "\ufeff" + "".join(";".join(_cell(cell) for cell in row) + "\r\n" for row in rows)


def _cell(value: str) -> str:
    if any(char in value for char in ';"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value
