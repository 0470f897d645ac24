"""Can a rep trust the verdict? Version 3 (bottom of this file) on TEST_SEED, and version 2, frozen,
on the seeded simulated population of
benchmarks/validity.py (issue 10, item 8; the same 10,000 reps its table shows) against the
three targets, and the rules of
quiz/estimate.py one by one: too few pairs, a clear drop, a clear "no", "not clear yet",
the level bands, and a range that never shrinks to a point."""

from __future__ import annotations

import math

import pytest

from benchmarks.validity import (
    LENGTH_TARGETS,
    NOT_APPLICABLE,
    SCENARIOS,
    SEED,
    TARGETS,
    TEST_SEED,
    V3_TARGETS,
    Rule,
    answers,
    items_from_definition,
    judge3,
    judged,
    population,
    questionnaires,
    summary,
    summary3,
    t_table,
    v2_cases,
    v3_cases,
    version3,
)
from quiz import score
from quiz.estimate import (
    CONFIDENCE,
    MIN_PAIRS,
    MODERATED,
    NO_UP_TO,
    SD_FLOOR,
    T_TABLE,
    YES_FROM,
    Clarity,
    drop_estimate,
    level,
    level_band,
    pair_differences,
    statement_points,
    verdict,
    what_would_make_it_clear,
)

REPS = 10_000  # as many as the benchmark: with 2,000 the "not clear yet" share wobbles by ± 1 point


@pytest.fixture(scope="module")
def version2():
    return items_from_definition(questionnaires()[1])


@pytest.fixture(scope="module")
def clear_cases(version2):
    return summary(v2_cases(version2, population(version2, REPS, SEED), 0.7), Rule(), "clear")


# --- the three targets (version 2, noise 0.7, clear cases) -------------------------------------


def test_wrong_verdicts_at_most_one_percent(clear_cases):
    assert clear_cases["reps"] >= 5_000
    assert clear_cases["wrong"] <= TARGETS["wrong"]


def test_range_holds_the_true_drop_for_ninety_percent(clear_cases):
    assert clear_cases["coverage"] >= TARGETS["coverage"]


def test_not_clear_yet_at_most_fifteen_percent(clear_cases):
    assert clear_cases["unclear"] <= TARGETS["unclear"]


def test_the_benchmark_scores_as_the_engine_does(version2):
    """The simulation's verdicts and ranges are the ones quiz.score gives the same answers."""
    current = questionnaires()[1]
    reps = population(version2, 300, SEED + 1)
    skipped = 0
    for case, rep in zip(v2_cases(version2, reps, 0.7), reps, strict=False):
        given = answers(version2, rep, 0.7)
        skipped += given.count(None)
        result = score(current, given)
        verdict_, mean, low, high = judged(case, Rule())
        assert (result.verdict, result.drop_off, result.drop_range) == (verdict_, mean, (low, high))
    assert skipped > 0.5 * NOT_APPLICABLE * 300 * sum(item.trigger for item in version2)  # "kam nicht vor" occurs


# --- the estimator and verdict rules ------------------------------------------------------------


def test_fewer_than_seven_pairs_give_no_verdict():
    estimate = drop_estimate([50, 50, 75, 50, 50, 50])
    assert verdict(estimate) == "too_few"
    assert what_would_make_it_clear(estimate).more_pairs == MIN_PAIRS - 6
    assert verdict(drop_estimate([50, 50, 75, 50, 50, 50, 50])) == "yes"


def test_a_clear_drop_is_yes():
    estimate = drop_estimate([50, 25, 50, 25, 50, 25, 50, 25, 50])
    assert estimate.mean == 39
    assert estimate.low >= YES_FROM
    assert verdict(estimate) == "yes"
    assert what_would_make_it_clear(estimate) is None


def test_steady_answers_are_no_clear_drop():
    estimate = drop_estimate([0, -25, 0, 0, -25, 0, 0, 0, 0])
    assert estimate.high <= NO_UP_TO
    assert verdict(estimate) == "no"


def test_a_small_drop_is_not_clear_yet_and_says_what_would_settle_it():
    differences = [25, 0, 0, 0, 0, 0, 0, 25, -25]
    estimate = drop_estimate(differences)
    assert (estimate.mean, estimate.low, estimate.high) == (3, -11, 16)
    assert verdict(estimate) == "unclear"
    assert what_would_make_it_clear(estimate) == Clarity(side="no", gap=16 - NO_UP_TO, more_pairs=5)
    # 14 pairs with the same mean (25 / 9) and the floored spread: the range ends at 13
    half = T_TABLE[13 - 1] * (SD_FLOOR / math.sqrt(14))
    assert math.floor(25 / 9 + half + 0.5) == NO_UP_TO
    leaning_yes = drop_estimate([50, 25, 0, 25, 50, 0, 25, 0, 25])
    assert verdict(leaning_yes) == "unclear"
    assert what_would_make_it_clear(leaning_yes).side == "yes"


def test_a_drop_right_between_the_thresholds_can_never_be_settled_by_more_pairs():
    estimate = drop_estimate([25, 0, 25, 0, 25, 0, 25, 0])  # mean 12.5, right in the gap
    assert verdict(estimate) == "unclear"
    assert what_would_make_it_clear(estimate).more_pairs is None


def test_identical_pairs_still_give_a_range():
    for value in (0, 25, -50):
        estimate = drop_estimate([value] * 7)
        assert estimate.mean == value
        assert estimate.low < value < estimate.high
        assert estimate.high - estimate.low >= 30
    assert (drop_estimate([0] * 7).low, drop_estimate([0] * 7).high) == (-15, 15)


def test_no_answered_pairs_give_no_numbers():
    estimate = drop_estimate([])
    assert (estimate.n, estimate.mean, estimate.low, estimate.high) == (0, None, None, None)
    assert verdict(estimate) == "too_few"


def test_the_thresholds_leave_a_gap():
    assert NO_UP_TO < YES_FROM
    with pytest.raises(ValueError):
        verdict(drop_estimate([0] * 7), yes_from=10, no_up_to=10)


def test_not_applicable_answers_drop_their_pair():
    pairs = [
        (statement_points("plus", 5), statement_points("plus", 3)),
        (statement_points("minus", 1), None),
        (None, statement_points("minus", 5)),
    ]
    assert pair_differences(pairs) == [50]


def test_level_bands():
    assert (level([25] * 30).points, level([25] * 30).band) == (25, "low")
    assert (level([25] * 29 + [None]).points, level([25] * 29 + [None]).n) == (25, 29)
    assert level([50, 50, 75, 25]).band == "middle"
    assert level([100, 75, 75, 75]).band == "high"
    assert [level_band(points) for points in (0, 49, 50, 74, 75, 100)] == [
        "low",
        "low",
        "middle",
        "middle",
        "high",
        "high",
    ]
    assert level([None, None]).band is None
    # the headline case of the issue: steady effort at a low level is "no clear drop", and low
    steady_low = [25] * 30
    assert verdict(drop_estimate([0] * 10)) == "no" and level(steady_low).band == "low"


def test_the_t_table_holds_the_student_quantiles():
    assert T_TABLE == t_table(CONFIDENCE)


# --- version 3 (issue 17, item 5): asserted on TEST_SEED, a seed never used for tuning -------------
# The calibration (quiz/estimate.py's constants) was chosen on benchmarks.validity.SEED; this
# seed was fixed before the first run of these tests. 10,000 reps at noise 0.7, three scenarios:
# about five seconds on one core.


@pytest.fixture(scope="module")
def version3_run():
    items, reps = version3(TEST_SEED, REPS)
    return items, reps, {scenario.name: v3_cases(items, reps, 0.7, TEST_SEED, scenario) for scenario in SCENARIOS}


@pytest.fixture(scope="module")
def version3_summaries(version3_run):
    cases = version3_run[2][SCENARIOS[0].name]
    return summary3(cases, MODERATED, False), summary3(cases, MODERATED, True)


def test_v3_wrong_verdicts_at_most_one_percent_by_both_truths_before_and_after_the_reserve(version3_summaries):
    for found in version3_summaries:
        assert found["clear"] >= 5_000 and found["clear_latent"] >= 5_000
        assert found["wrong"] <= V3_TARGETS["wrong"] and found["wrong_latent"] <= V3_TARGETS["wrong"]


def test_v3_range_holds_the_scale_truth_for_ninety_percent(version3_summaries):
    for found in version3_summaries:
        assert found["coverage"] >= V3_TARGETS["coverage"]


def test_v3_not_clear_yet_before_and_after_the_reserve(version3_summaries):
    before, after = version3_summaries
    assert before["unclear"] <= V3_TARGETS["unclear_before"]
    assert after["unclear"] <= V3_TARGETS["unclear_after"]
    assert after["unclear_latent"] <= V3_TARGETS["unclear_after_latent"]
    assert after["unclear"] < before["unclear"]  # the reserve settles results


def test_v3_statements_answered(version3_summaries):
    before, after = version3_summaries
    assert before["max"] == 32  # the base test: ten matched habits in twelve pairs, plus eight
    assert after["median"] <= LENGTH_TARGETS["median"] and after["max"] <= LENGTH_TARGETS["max"]
    assert 0 < after["offered"] < 50


def test_v3_robustness_scenarios_keep_wrong_verdicts_at_most_three_percent(version3_run):
    for scenario in SCENARIOS[1:]:
        for with_reserve in (False, True):
            found = summary3(version3_run[2][scenario.name], MODERATED, with_reserve)
            assert found["wrong"] <= V3_TARGETS["robust_wrong"], scenario.name
            assert found["wrong_latent"] <= V3_TARGETS["robust_wrong"], scenario.name


def test_v3_benchmark_scores_as_the_engine_does(version3_run):
    """The simulation's verdicts and ranges, base test and reserve, are the ones quiz.score gives."""
    items, reps, cases = version3_run
    current = questionnaires_v3()
    for case, rep in list(zip(cases[SCENARIOS[0].name], reps, strict=False))[:300]:
        given = answers(items, rep, 0.7)
        for with_reserve in (False, True):
            result_, found, answered = judge3(case, MODERATED, with_reserve)
            asked = (
                given
                if answered > case.answered[0]
                else [0 if item.reserve else answer for item, answer in zip(items, given, strict=False)]
            )
            result = score(current, asked)
            assert (result.verdict, result.drop_off, result.drop_range) == (
                result_,
                found.mean,
                (found.low, found.high),
            )


def questionnaires_v3():
    from quiz import load_all

    return load_all()[3]
