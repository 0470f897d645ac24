"""The questionnaire as the rest of the engine sees it: rules every definition follows, and the
frozen data classes that a validated definition becomes.

Two scoring methods exist, each frozen with the versions that use it:
- "phase_means" (version 1): a phase is the mean of its statements; drop-off = closing − after-sale.
- "pairs" (version 2 on): every facet is asked at the close and after it; the drop-off is the
  mean of the pair differences, with a range and a verdict (quiz/estimate.py). Version 3 names
  its pairs (a facet may have two), keeps a reserve of pairs for results that stay open, and
  selects the moderated estimator (`estimator`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PHASE_IDS = ("first_contact", "proposal", "closing", "after_sale")
LANGUAGES = ("de", "en")  # every text exists in both editions
METRICS = PHASE_IDS + ("average", "drop_off")  # what a version-1 profile condition may test
PAIR_METRICS = ("drop_off", "level")  # what a version-2 profile condition may test, besides its verdict
KEYINGS = ("plus", "minus")
SCALE_POINTS = 5  # answers are 1 .. SCALE_POINTS; "kam nicht vor" is None (not scored)
POINTS_PER_STEP = 100 // (SCALE_POINTS - 1)  # one answer step, in points (25): 1 -> 0, 5 -> 100
MIN_STATEMENTS = 24
MIN_PER_PHASE = 5  # version 1; version 2 asks first contact and proposal more briefly
MIN_PER_PHASE_PAIRS = 4
VERDICTS = ("yes", "no", "unclear", "too_few")
LEVELS = ("low", "middle", "high")
FACET_COUNT = (8, 12)
RESERVE_MIN = 5  # a version with a reserve offers at least this many further pairs
NOT_ASKED = 0  # the answer of a reserve statement that was not asked (version 3)
ESTIMATORS = ("floored", "moderated")  # quiz/estimate.py RULES
PROFILE_COUNT = (4, 6)
RECOMMENDATION_COUNT = 3  # weakest topics shown to a rep
TEAM_NEEDS_COUNT = 3  # most frequent needs shown to a lead
DROP_RANGE = (-100, 100)

Text = dict  # language code -> text, e.g. {"de": "...", "en": "..."}


@dataclass(frozen=True)
class Phase:
    id: str
    label: Text


@dataclass(frozen=True)
class Facet:
    id: str
    label: Text
    title: Text
    text: Text
    link: str  # docs page, optionally with an anchor: 'leitfaden/druck.md#grenze'
    line: int  # where the link is written, for error messages


@dataclass(frozen=True)
class Statement:
    id: str
    phase: str
    facet: str  # what the statement asks about (version 1 calls it a topic in its YAML)
    keyed: str
    text: Text
    trigger: bool = False  # starts with a situation that may not have occurred: "kam nicht vor" offered
    pair: str | None = None  # version 3: the twins' shared id; before it, the facet is the pair
    reserve: bool = False  # version 3: asked only when the result stays open


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    drops_off: bool
    headline: Text


@dataclass(frozen=True)
class Profile:
    id: str
    title: Text
    text: Text
    when: dict  # metric -> (min or None, max or None), "verdict" -> names; empty for the fallback profile


@dataclass(frozen=True)
class Questionnaire:
    path: Path
    version: int
    title: Text
    intro: Text
    scale: tuple
    phases: tuple
    facets: tuple
    statements: tuple
    verdict: tuple  # version 1: Bands; version 2: empty (the verdict comes from the range)
    profiles: tuple
    method: str = "phase_means"  # or "pairs"
    not_applicable: Text | None = None  # the label of "kam nicht vor" (version 2)
    headlines: dict = None  # version 2: verdict -> Text with {level}
    levels: dict = None  # version 2: level band -> Text, the word the headline uses
    estimator: str = "floored"  # pairs: which rules of quiz/estimate.py (RULES) read the differences

    def facet(self, facet_id: str) -> Facet:
        return next(facet for facet in self.facets if facet.id == facet_id)

    def profile(self, profile_id: str) -> Profile:
        return next(profile for profile in self.profiles if profile.id == profile_id)

    def twins(self, *, reserve: bool | None = False) -> list[tuple[int, int]]:
        """Per pair, the positions of its closing and its after-sale statement: version 2 one pair
        per facet, in facet order; version 3 its named pairs, in the order of their closing
        statements. ``reserve``: False the base test's pairs, True the reserve's, None all."""
        if not any(statement.pair for statement in self.statements):
            index = {(statement.facet, statement.phase): i for i, statement in enumerate(self.statements)}
            return [
                (index[(facet.id, "closing")], index[(facet.id, "after_sale")])
                for facet in self.facets
                if (facet.id, "closing") in index and (facet.id, "after_sale") in index
            ]
        after = {statement.pair: i for i, statement in enumerate(self.statements) if statement.phase == "after_sale"}
        return [
            (i, after[statement.pair])
            for i, statement in enumerate(self.statements)
            if statement.phase == "closing"
            and statement.pair in after
            and (reserve is None or statement.reserve == reserve)
        ]

    @property
    def has_reserve(self) -> bool:
        return any(statement.reserve for statement in self.statements)


class DefinitionError(Exception):
    """One clear line: file, line, item, problem."""

    def __init__(self, path: Path | str, line: int | None, item: str, problem: str):
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {item}: {problem}")
