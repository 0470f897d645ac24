"""Turn answers (1 to 5, one per statement, in definition order) into a result.

Integer arithmetic only, rounding half up, so that the JavaScript in the reader's browser
(docs/assets/selbsttest/selbsttest.js) computes exactly the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from .definition import PHASE_IDS, RECOMMENDATION_COUNT, SCALE_POINTS, Questionnaire


@dataclass(frozen=True)
class Result:
    phases: dict  # phase id -> 0..100
    average: int
    drop_off: int  # closing minus after_sale, in points
    drops_off: bool
    headline: dict  # language -> headline with the drop-off filled in
    profile: str
    recommendations: tuple  # topic ids, weakest first

    def event_detail(self, code: str) -> dict:
        """The ``detail`` of the browser's ``selfcheck:result`` event."""
        return {"code": code, "phases": dict(self.phases), "dropOff": self.drop_off,
                "dropsOff": self.drops_off, "profile": self.profile}


def rounded_mean(total: int, count: int) -> int:
    """total / count rounded half up, for non-negative totals."""
    return (2 * total + count) // (2 * count)


def statement_points(keyed: str, answer: int) -> int:
    """0, 25, 50, 75 or 100: how strongly one answer speaks for steady effort."""
    value = answer if keyed == "plus" else SCALE_POINTS + 1 - answer
    return (value - 1) * 25


def score(questionnaire: Questionnaire, answers: list[int]) -> Result:
    statements = questionnaire.statements
    if len(answers) != len(statements) or any(answer not in range(1, SCALE_POINTS + 1) for answer in answers):
        raise ValueError(f"expected {len(statements)} answers from 1 to {SCALE_POINTS}")
    points = [statement_points(statement.keyed, answer) for statement, answer in zip(statements, answers)]

    def mean_where(matches) -> int:
        selected = [value for statement, value in zip(statements, points) if matches(statement)]
        return rounded_mean(sum(selected), len(selected))

    phases = {phase: mean_where(lambda statement: statement.phase == phase) for phase in PHASE_IDS}
    average = rounded_mean(sum(phases.values()), len(phases))
    drop_off = phases["closing"] - phases["after_sale"]
    band = next(band for band in questionnaire.verdict if band.low <= drop_off <= band.high)
    metrics = {**phases, "average": average, "drop_off": drop_off}
    profile = next(profile for profile in questionnaire.profiles if _matches(profile.when, metrics))
    topic_scores = [(mean_where(lambda statement: statement.topic == topic.id), index, topic.id)
                    for index, topic in enumerate(questionnaire.topics)]
    weakest = tuple(topic_id for _, _, topic_id in sorted(topic_scores)[:RECOMMENDATION_COUNT])
    return Result(
        phases=phases,
        average=average,
        drop_off=drop_off,
        drops_off=band.drops_off,
        headline={language: text.replace("{drop}", str(drop_off)) for language, text in band.headline.items()},
        profile=profile.id,
        recommendations=weakest,
    )


def _matches(conditions: dict, metrics: dict) -> bool:
    return all((low is None or metrics[metric] >= low) and (high is None or metrics[metric] <= high)
               for metric, (low, high) in conditions.items())
