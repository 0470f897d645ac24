"""Team overview: many result codes, one per line and optionally with a name, summed up.

The browser's team page follows the same rules (``summarise``, ``compare`` and ``toCsv`` in
assets/engine.js) for reading lines, averaging (tenths, rounded half up), comparing two rounds and the
CSV; tests/js/engine.test.mjs proves it.

Two rounds (an earlier paste and the current one) are compared only within one questionnaire version:
versions measure differently. A person's change is shown only where the same name stands once in each
round, on the same version. People carry a number ("Person 3") that is the same in both rounds, so a
lead who hides the names can still follow a change without seeing whose it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .codes import CodeError, decode
from .model import PHASE_IDS, TEAM_NEEDS_COUNT, VERDICTS, Questionnaire
from .scoring import Result, rounded_mean, score
from .text import code_in, split_line, trim
from .wording import fill

NEWLINE = re.compile(r"\r\n|\r|\n")  # what JavaScript's split uses too (str.splitlines knows more)
# A cell that starts like this is a formula to Excel (OWASP "CSV injection"); a plain number is not.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?[0-9]+([.,][0-9]+)?")
# A longer paste is refused with these numbers, before any line is read: a team list is far shorter.
MAX_CHARACTERS = 1_000_000
MAX_LINES = 20_000
VERDICT_WORDS = {"yes": "verdictYes", "no": "verdictNo", "unclear": "verdictUnclear", "too_few": "verdictTooFew"}


class TooLarge(ValueError):
    """A paste beyond MAX_CHARACTERS or MAX_LINES: ``characters`` and ``lines`` say how large it is."""

    def __init__(self, characters: int, lines: int):
        super().__init__(f"{characters} characters, {lines} lines")
        self.characters, self.lines = characters, lines


@dataclass(frozen=True)
class Member:
    line: int
    name: str
    code: str
    result: Result  # result.version says which version the person took


@dataclass(frozen=True)
class Skipped:
    line: int
    text: str
    reason: str  # 'foreign', 'version', 'newer', 'damaged' or 'duplicate'
    detail: int | None = None  # the version found, or the line a duplicate repeats


@dataclass(frozen=True)
class Summary:
    """One questionnaire version's people: versions are never averaged together."""

    version: int
    count: int
    averages: dict  # phase id and 'drop_off' -> tenths of a point (725 = 72.5); drop_off None without any
    verdicts: dict  # verdict -> people, in VERDICTS order (version 1 knows only yes and no)
    needs: tuple  # (facet id, people who have it among their recommendations), most first
    reserve: int | None = None  # version 3 on: people whose code carries answered reserve pairs


@dataclass(frozen=True)
class Team:
    members: tuple
    skipped: tuple
    summaries: tuple  # one Summary per version present, newest first


@dataclass(frozen=True)
class Change:
    """One version that both rounds used: the current round minus the earlier one."""

    version: int
    averages: dict  # phase id and 'drop_off' -> tenths of a point; drop_off None unless both rounds have one
    verdicts: dict  # verdict -> people now minus people before


@dataclass(frozen=True)
class PersonChange:
    number: int  # the person's number in both rounds
    name: str
    version: int
    phases: dict  # phase id -> points now minus points before
    drop_off: int | None  # None unless both results have one
    before: str  # the verdicts
    now: str


@dataclass(frozen=True)
class Rounds:
    changes: tuple  # one Change per version in both rounds, newest first
    people: tuple  # one PersonChange per name in both rounds on the same version, in the current round's order
    before_numbers: tuple  # each earlier member's number (the current round's members are 1, 2, ...)
    only_before: tuple  # versions only the earlier round used, newest first
    only_now: tuple


def read_lines(questionnaires: dict[int, Questionnaire], text: str) -> tuple[list[Member], list[Skipped]]:
    """Members and skipped lines of a paste, or TooLarge. Each line: a name, then its code or share link."""
    characters, lines = len(text), len(NEWLINE.findall(text)) + 1
    if characters > MAX_CHARACTERS or lines > MAX_LINES:
        raise TooLarge(characters, lines)
    members, skipped, seen = [], [], {}
    for number, raw in enumerate(NEWLINE.split(text), start=1):
        line = trim(raw)
        if not line:
            continue
        name, token = split_line(line)
        code = code_in(token)
        try:
            questionnaire, answers = decode(code, questionnaires)
        except CodeError as error:
            skipped.append(Skipped(number, line, error.reason, error.version))
            continue
        if code in seen:
            skipped.append(Skipped(number, line, "duplicate", seen[code]))
            continue
        seen[code] = number
        members.append(Member(number, name, code, score(questionnaire, answers)))
    return members, skipped


def summarise(questionnaires: dict[int, Questionnaire], text: str) -> Team:
    members, skipped = read_lines(questionnaires, text)
    versions = sorted({member.result.version for member in members}, reverse=True)
    return Team(
        tuple(members),
        tuple(skipped),
        tuple(
            _summary(questionnaires[version], [m for m in members if m.result.version == version])
            for version in versions
        ),
    )


def _summary(questionnaire: Questionnaire, members: list[Member]) -> Summary:
    def tenths(values: list[int], shift: int = 0) -> int:
        # Shifted to keep half-up rounding exact for negative values (the drop-off can be negative).
        return rounded_mean(10 * sum(value + shift for value in values), len(values)) - 10 * shift

    averages = {phase: tenths([m.result.phases[phase] for m in members]) for phase in PHASE_IDS}
    drops = [m.result.drop_off for m in members if m.result.drop_off is not None]
    averages["drop_off"] = tenths(drops, 100) if drops else None
    verdicts = {verdict: sum(m.result.verdict == verdict for m in members) for verdict in VERDICTS}
    if questionnaire.method == "phase_means":
        verdicts = {"yes": verdicts["yes"], "no": verdicts["no"]}
    counts = [
        (sum(facet.id in m.result.recommendations for m in members), index, facet.id)
        for index, facet in enumerate(questionnaire.facets)
    ]
    needs = tuple(
        (facet_id, needed)
        for needed, _, facet_id in sorted(counts, key=lambda c: (-c[0], c[1]))[:TEAM_NEEDS_COUNT]
        if needed
    )
    reserve = sum(bool(m.result.reserve) for m in members) if questionnaire.has_reserve else None
    return Summary(questionnaire.version, len(members), averages, verdicts, needs, reserve)


def compare(before: Team, now: Team) -> Rounds:
    """The change from an earlier round to the current one, version by version and person by person."""
    earlier = {summary.version: summary for summary in before.summaries}
    later = {summary.version: summary for summary in now.summaries}
    changes = tuple(_change(earlier[version], later[version]) for version in later if version in earlier)
    once_before, once_now = _unique_names(before.members), _unique_names(now.members)
    numbers = {member.name: index for index, member in enumerate(now.members, start=1) if member.name in once_now}
    before_numbers, following = [], len(now.members)
    for member in before.members:
        if member.name in once_before and member.name in numbers:
            before_numbers.append(numbers[member.name])
        else:
            following += 1
            before_numbers.append(following)
    people = []
    for index, member in enumerate(now.members, start=1):
        earlier_member = once_before.get(member.name) if member.name in once_now else None
        if earlier_member is None or earlier_member.result.version != member.result.version:
            continue
        old, new = earlier_member.result, member.result
        phases = {phase: new.phases[phase] - old.phases[phase] for phase in PHASE_IDS}
        drop = None if old.drop_off is None or new.drop_off is None else new.drop_off - old.drop_off
        people.append(PersonChange(index, member.name, new.version, phases, drop, old.verdict, new.verdict))
    return Rounds(
        changes,
        tuple(people),
        tuple(before_numbers),
        tuple(version for version in earlier if version not in later),
        tuple(version for version in later if version not in earlier),
    )


def _unique_names(members) -> dict:
    """Name -> member, for names that stand exactly once in a round (an empty name is no name)."""
    found: dict = {}
    for member in members:
        if member.name:
            found[member.name] = None if member.name in found else member
    return {name: member for name, member in found.items() if member is not None}


def _change(before: Summary, now: Summary) -> Change:
    def difference(key: str) -> int | None:
        old, new = before.averages[key], now.averages[key]
        return None if old is None or new is None else new - old

    verdicts = {verdict: now.verdicts[verdict] - before.verdicts[verdict] for verdict in now.verdicts}
    return Change(now.version, {key: difference(key) for key in now.averages}, verdicts)


def decimal(tenths: int, separator: str = ",") -> str:
    """725 -> '72,5': one decimal, with the German decimal comma unless told otherwise."""
    sign = "-" if tenths < 0 else ""
    return f"{sign}{abs(tenths) // 10}{separator}{abs(tenths) % 10}"


def signed(tenths: int, separator: str = ",") -> str:
    """A change in tenths with its sign: 25 -> '+2,5', -10 -> '-1,0', 0 -> '0,0'."""
    return ("+" if tenths > 0 else "") + decimal(tenths, separator)


def verdict_label(words: dict, verdict: str) -> str:
    return words[VERDICT_WORDS[verdict]]


def shown_name(words: dict, member: Member, number: int, names: bool) -> str:
    """What the page, the CLI and the CSV call a person: "Person 3" unless names are shown and there is one."""
    return member.name if names and member.name else fill(words["teamPerson"], number=number)


def to_csv(
    questionnaires: dict[int, Questionnaire], team: Team, language: str, words: dict, names: bool = False
) -> str:
    """The team table for German Excel: ';' separated, UTF-8 with BOM, decimal comma, CRLF. Names
    only when the lead chose to show them."""
    labels = questionnaires[max(questionnaires)].phases
    header = [
        words["teamName"],
        words["teamVersion"],
        *(phase.label[language] for phase in labels),
        words["teamDropOff"],
        words["teamRange"],
        words["teamVerdict"],
        words["teamProfile"],
        words["codeLabel"],
    ]
    rows = [header]
    for index, member in enumerate(team.members, start=1):
        result = member.result
        profile = questionnaires[result.version].profile(result.profile).title[language] if result.profile else ""
        rows.append(
            [
                shown_name(words, member, index, names),
                str(result.version),
                *(str(result.phases[phase]) for phase in PHASE_IDS),
                _number(result.drop_off),
                fill(words["rangeCell"], low=result.drop_range[0], high=result.drop_range[1])
                if result.drop_range
                else "",
                verdict_label(words, result.verdict),
                profile,
                member.code,
            ]
        )
    for summary in team.summaries:
        drop = summary.averages["drop_off"]
        rows.append(
            [
                fill(words["teamAverageVersion"], version=summary.version),
                str(summary.version),
                *(decimal(summary.averages[phase]) for phase in PHASE_IDS),
                "" if drop is None else decimal(drop),
                "",
                f"{summary.verdicts['yes']}/{summary.count} {verdict_label(words, 'yes')}",
                "",
                "",
            ]
        )
    return "\ufeff" + "".join(";".join(_cell(cell) for cell in row) + "\r\n" for row in rows)


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _cell(value: str) -> str:
    if value.startswith(FORMULA_START) and not NUMBER.fullmatch(value):
        value = "'" + value  # shown as text, still readable
    if any(char in value for char in ';"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value
