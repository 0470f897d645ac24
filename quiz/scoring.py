"""Turn answers (one per statement, in definition order) into a result.

Each version keeps the scoring it was published with:
- "phase_means" (version 1): answers 1..5; a phase is the mean of its statements; the drop-off
  is closing minus after-sale, and a verdict band says whether that is a drop.
- "pairs" (version 2 on): answers 1..5 or None ("kam nicht vor"); the drop-off is the mean of
  the matched pair differences with a range, read by the rules in estimate.py that the version
  names (version 2 "floored", version 3 "moderated"). Version 3's reserve statements may also be
  NOT_ASKED (0): like "kam nicht vor" they are not scored, and their pair drops out.
Integer arithmetic and the operation order of estimate.py, so that the browser's twin (``score``
in assets/engine.js) computes exactly the same numbers; tests/js/engine.test.mjs proves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import estimate
from .model import NOT_ASKED, PHASE_IDS, POINTS_PER_STEP, RECOMMENDATION_COUNT, SCALE_POINTS, Questionnaire


@dataclass(frozen=True)
class Result:
    version: int
    phases: dict  # phase id -> 0..100
    average: int  # mean of the phases
    level: int  # version 1: the average; version 2: mean points of all answered statements
    level_band: str  # low, middle or high
    drop_off: int | None  # points; version 2: mean of the pair differences (None without pairs)
    drop_range: tuple | None  # version 2: (low, high) points; version 1: None
    verdict: str  # yes, no, unclear or too_few (version 1: yes or no)
    drops_off: bool | None  # True (yes), False (no clear drop), None (not clear yet / too few answers)
    pairs: int | None  # version 2: answered pairs
    clarity: estimate.Clarity | None  # version 2, when not clear: what would make it clear
    headline: dict  # language -> headline
    profile: str | None  # None with too few answers
    recommendations: tuple  # facet ids, weakest first
    reserve: int | None = None  # version 3: answered reserve pairs (0: the reserve was not answered)

    def event_detail(self, code: str) -> dict:
        """The ``detail`` of the browser's ``selfcheck:result`` event."""
        return {
            "code": code,
            "version": self.version,
            "phases": dict(self.phases),
            "dropOff": self.drop_off,
            "dropOffRange": list(self.drop_range) if self.drop_range else None,
            "dropsOff": self.drops_off,
            "level": self.level,
            "profile": self.profile,
        }


def rounded_mean(total: int, count: int) -> int:
    """total / count rounded half up, for non-negative totals."""
    return (2 * total + count) // (2 * count)


def statement_points(keyed: str, answer: int | None) -> int | None:
    """0, 25, 50, 75 or 100: how strongly one answer speaks for steady effort; None stays None."""
    if answer is None or answer == NOT_ASKED:
        return None
    value = answer if keyed == "plus" else SCALE_POINTS + 1 - answer
    return (value - 1) * POINTS_PER_STEP


def score(questionnaire: Questionnaire, answers: list) -> Result:
    statements = questionnaire.statements
    if len(answers) != len(statements) or any(
        not (
            answer in range(1, SCALE_POINTS + 1)
            or (answer is None and statement.trigger)
            or (answer == NOT_ASKED and answer is not None and statement.reserve)
        )
        for statement, answer in zip(statements, answers, strict=False)
    ):
        raise ValueError(
            f"expected {len(statements)} answers from 1 to {SCALE_POINTS} (None only where offered, "
            f"{NOT_ASKED} only in the reserve)"
        )
    points = [statement_points(statement.keyed, answer) for statement, answer in zip(statements, answers, strict=False)]

    def mean_where(matches) -> int | None:
        selected = [
            value
            for statement, value in zip(statements, points, strict=False)
            if matches(statement) and value is not None
        ]
        return rounded_mean(sum(selected), len(selected)) if selected else None

    phases = {phase: mean_where(lambda statement: statement.phase == phase) for phase in PHASE_IDS}  # noqa: B023 (called at once)
    average = rounded_mean(sum(phases.values()), len(phases))
    facet_scores = [
        (value, index, facet.id)
        for index, facet in enumerate(questionnaire.facets)
        if (value := mean_where(lambda statement: statement.facet == facet.id)) is not None  # noqa: B023 (called at once)
    ]
    weakest = tuple(facet_id for _, _, facet_id in sorted(facet_scores)[:RECOMMENDATION_COUNT])
    if questionnaire.method == "phase_means":
        return _by_phase_means(questionnaire, phases, average, weakest)
    return _by_pairs(questionnaire, points, phases, average, weakest)


def _by_phase_means(questionnaire: Questionnaire, phases: dict, average: int, weakest: tuple) -> Result:
    drop_off = phases["closing"] - phases["after_sale"]
    band = next(band for band in questionnaire.verdict if band.low <= drop_off <= band.high)
    metrics = {**phases, "average": average, "drop_off": drop_off}
    profile = next(profile for profile in questionnaire.profiles if _matches(profile.when, metrics))
    return Result(
        version=questionnaire.version,
        phases=phases,
        average=average,
        level=average,
        level_band=estimate.level_band(average),
        drop_off=drop_off,
        drop_range=None,
        verdict="yes" if band.drops_off else "no",
        drops_off=band.drops_off,
        pairs=None,
        clarity=None,
        headline={language: text.replace("{drop}", str(drop_off)) for language, text in band.headline.items()},
        profile=profile.id,
        recommendations=weakest,
    )


def _by_pairs(questionnaire: Questionnaire, points: list, phases: dict, average: int, weakest: tuple) -> Result:
    rules = estimate.RULES[questionnaire.estimator]
    pairs = [(points[closing], points[after]) for closing, after in questionnaire.twins(reserve=None)]
    found = estimate.estimate_by(rules, estimate.pair_differences(pairs))
    verdict = estimate.verdict_by(rules, found)
    reserve = None
    if questionnaire.has_reserve:
        reserve = len(
            estimate.pair_differences(
                [(points[closing], points[after]) for closing, after in questionnaire.twins(reserve=True)]
            )
        )
    level = estimate.level(points)
    metrics = {"drop_off": found.mean, "level": level.points, "verdict": verdict}
    profile = (
        None
        if verdict == "too_few"
        else next(profile for profile in questionnaire.profiles if _matches(profile.when, metrics))
    )
    word = questionnaire.levels[level.band]
    return Result(
        version=questionnaire.version,
        phases=phases,
        average=average,
        level=level.points,
        level_band=level.band,
        drop_off=found.mean,
        drop_range=(found.low, found.high) if found.n else None,
        verdict=verdict,
        drops_off={"yes": True, "no": False}.get(verdict),
        pairs=found.n,
        clarity=estimate.clarity_by(rules, found),
        headline={
            language: text.replace("{level}", word[language])
            for language, text in questionnaire.headlines[verdict].items()
        },
        profile=profile.id if profile else None,
        recommendations=weakest,
        reserve=reserve,
    )


def _matches(conditions: dict, metrics: dict) -> bool:
    for metric, bounds in conditions.items():
        if metric == "verdict":
            if metrics["verdict"] not in bounds:
                return False
            continue
        low, high = bounds
        value = metrics[metric]
        if value is None or (low is not None and value < low) or (high is not None and value > high):
            return False
    return True
