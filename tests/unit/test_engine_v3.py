"""Version 3 of the self-assessment without a build: the moderated interval, the obvious answer
patterns (issue 17, item 2), every profile reachable, the reserve and its code, and versions 1
and 2 frozen (their codes give the results they gave before version 3 existed)."""

from __future__ import annotations

import itertools
import random

import pytest

import quiz
from quiz import CodeError, decode, encode, score
from quiz.estimate import (
    CONFIDENCE_V3,
    MODERATED,
    PRIOR_DF,
    PRIOR_SPREAD,
    T_TABLE_V3,
    clarity_by,
    moderated_estimate,
    verdict_by,
)
from quiz.model import NOT_ASKED, RESERVE_MIN, SCALE_POINTS


@pytest.fixture(scope="module")
def published():
    return quiz.load_all()


@pytest.fixture(scope="module")
def v3(published):
    return published[3]


def pattern(
    questionnaire,
    closing: int,
    after: int,
    *,
    not_applicable: bool = False,
    reserve: int | None = None,
    lower: set | None = None,
) -> list:
    """Answers that give ``closing`` steps (1..5, keying undone) before the close and ``after``
    after it; ``lower``: only these pair ids drop to ``after`` (the others stay at ``closing``);
    trigger statements "kam bei mir nicht vor" when ``not_applicable``; the reserve NOT_ASKED
    unless ``reserve`` gives its after-sale step."""
    answers = []
    for statement in questionnaire.statements:
        if statement.reserve and reserve is None:
            answers.append(NOT_ASKED)
            continue
        if statement.trigger and not_applicable:
            answers.append(None)
            continue
        value = closing
        if statement.phase == "after_sale" and (lower is None or statement.pair in lower):
            value = reserve if statement.reserve else after
        answers.append(value if statement.keyed == "plus" else SCALE_POINTS + 1 - value)
    return answers


# --- the obvious patterns -------------------------------------------------------------------------


@pytest.mark.parametrize("closing", [5, 4, 3, 2])
@pytest.mark.parametrize("not_applicable", [False, True])
def test_one_step_lower_on_every_twin_is_yes(v3, closing, not_applicable):
    result = score(v3, pattern(v3, closing, closing - 1, not_applicable=not_applicable))
    assert (result.verdict, result.drop_off) == ("yes", 25)
    assert result.pairs == (9 if not_applicable else 12)
    assert result.profile == "drop_mild"  # the moderate-drop profile: reached by the plainest drop


@pytest.mark.parametrize("closing", [5, 4, 3])
def test_two_steps_lower_is_yes_with_the_sharp_drop_profile(v3, closing):
    result = score(v3, pattern(v3, closing, closing - 2))
    assert (result.verdict, result.drop_off, result.profile) == ("yes", 50, "drop_sharp")


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("not_applicable", [False, True])
def test_identical_before_and_after_is_no_clear_drop_at_every_level(v3, level, not_applicable):
    result = score(v3, pattern(v3, level, level, not_applicable=not_applicable))
    assert (result.verdict, result.drop_off) == ("no", 0)
    assert result.drop_range[0] < 0 < result.drop_range[1]  # a range, never a point


def test_identical_pairs_are_no_clear_drop_from_eight_pairs_on():
    """Version 3 always has at least nine answered pairs (three base pairs have a trigger); from
    eight on, agreeing pairs settle the verdict. Seven (the minimum for any verdict) stay open."""
    for pairs in (8, 9, 12, 17):
        assert verdict_by(MODERATED, moderated_estimate([0] * pairs)) == "no"
        assert verdict_by(MODERATED, moderated_estimate([25] * pairs)) == "yes"
    assert verdict_by(MODERATED, moderated_estimate([0] * 7)) == "unclear"
    assert verdict_by(MODERATED, moderated_estimate([0] * 6)) == "too_few"


@pytest.mark.parametrize("closing", [4, 3, 2, 1])
def test_one_step_higher_after_the_close_is_no_clear_drop(v3, closing):
    result = score(v3, pattern(v3, closing, closing + 1))
    assert (result.verdict, result.drop_off) == ("no", -25)


def test_half_the_twins_one_step_lower_is_not_yes(v3):
    pairs = [v3.statements[closing].pair for closing, _ in v3.twins()]
    for lower in (pairs[::2], pairs[1::2], pairs[:6], pairs[6:]):
        for closing in (5, 4, 3, 2):
            assert score(v3, pattern(v3, closing, closing - 1, lower=set(lower))).verdict != "yes"


def test_every_profile_can_be_reached(v3):
    """A search over plain patterns and random answers finds an answer set for every profile."""
    rng = random.Random(3)
    candidates = itertools.chain(
        (pattern(v3, closing, after) for closing in range(1, 6) for after in range(1, 6)),
        (
            [rng.randint(1, 5) if not statement.reserve else NOT_ASKED for statement in v3.statements]
            for _ in range(2000)
        ),
    )
    found = {}
    for answers in candidates:
        found.setdefault(score(v3, answers).profile, answers)
        if len(found) == len(v3.profiles):
            break
    assert set(found) == {profile.id for profile in v3.profiles}


# --- the interval ---------------------------------------------------------------------------------


def test_the_moderated_spread_combines_the_prior_and_the_pairs():
    differences = [50, 25, 0, 25, 50, 0, 25, 25, 0, 25]
    n, mean = len(differences), sum(differences) / len(differences)
    sample = sum((d - mean) ** 2 for d in differences) / (n - 1)
    expected = ((PRIOR_DF * PRIOR_SPREAD**2 + (n - 1) * sample) / (PRIOR_DF + n - 1)) ** 0.5
    found = moderated_estimate(differences)
    assert found.spread == pytest.approx(expected, rel=1e-12)
    half = T_TABLE_V3[PRIOR_DF + n - 2] * expected / n**0.5
    assert (found.low, found.high) == (round(mean - half), round(mean + half))


def test_scattered_pairs_widen_the_range_and_agreeing_pairs_narrow_it():
    agreeing, scattered = moderated_estimate([25] * 10), moderated_estimate([100, -50] * 5)
    assert agreeing.mean == scattered.mean == 25
    assert agreeing.high - agreeing.low < 20 < scattered.high - scattered.low


def test_the_v3_t_table_holds_the_student_quantiles():
    from benchmarks.validity import t_table

    assert T_TABLE_V3 == t_table(CONFIDENCE_V3, 40)


def test_an_open_result_says_how_many_more_pairs_would_settle_it():
    found = moderated_estimate([25, 0, 25, 25, 0, 25, 50, 0, 25, 0, 25, 25])
    assert verdict_by(MODERATED, found) == "unclear"
    clarity = clarity_by(MODERATED, found)
    assert clarity.side == "yes" and clarity.more_pairs is not None


# --- the reserve ----------------------------------------------------------------------------------


def test_the_reserve_has_at_least_five_matched_pairs_of_the_base_facets(v3):
    reserve = v3.twins(reserve=True)
    assert len(reserve) >= RESERVE_MIN
    facets = {statement.facet for statement in v3.statements if not statement.reserve}
    for closing, after in reserve:
        first, second = v3.statements[closing], v3.statements[after]
        assert first.reserve and second.reserve and first.pair == second.pair and first.facet in facets
        assert (first.keyed, first.trigger) == (second.keyed, second.trigger)
    assert len([s for s in v3.statements if not s.reserve]) <= 32  # the base test: the median length


def test_answering_the_reserve_narrows_the_range_and_updates_the_verdict(v3):
    pairs = [v3.statements[closing].pair for closing, _ in v3.twins()]
    base = pattern(v3, 4, 3, lower=set(pairs[:9]))  # nine of twelve pairs one step lower: open
    before = score(v3, base)
    assert (before.verdict, before.reserve) == ("unclear", 0)
    after = score(
        v3,
        pattern(v3, 4, 3, lower=set(pairs[:9]) | {v3.statements[c].pair for c, _ in v3.twins(reserve=True)}, reserve=3),
    )
    assert (after.verdict, after.reserve, after.pairs) == ("yes", 5, 17)
    assert after.drop_range[1] - after.drop_range[0] < before.drop_range[1] - before.drop_range[0]
    steady = score(v3, pattern(v3, 4, 3, lower=set(pairs[:9]), reserve=4))
    assert steady.verdict in ("unclear", "no") and steady.reserve == 5


def test_the_code_carries_the_reserve_and_not_asked(v3, published):
    for answers in (pattern(v3, 4, 3), pattern(v3, 4, 3, reserve=2), pattern(v3, 5, 5, not_applicable=True, reserve=5)):
        code = encode(v3, answers)
        assert code.startswith("3-")
        assert decode(code, published) == (v3, answers)
    partly = pattern(v3, 4, 3, reserve=2)
    partly[-1] = NOT_ASKED  # one reserve statement not asked: its pair drops out
    assert score(v3, partly).reserve == 4 and decode(encode(v3, partly), published)[1] == partly


def test_not_asked_only_in_the_reserve(v3, published):
    answers = pattern(v3, 4, 3)
    answers[0] = NOT_ASKED
    with pytest.raises(ValueError):
        score(v3, answers)
    with pytest.raises(CodeError) as caught:
        decode(encode(v3, answers), published)
    assert caught.value.reason == "damaged"


# --- versions 1 and 2 stay frozen -----------------------------------------------------------------

# Written by the engine as it was before version 3 (commit f77ce12): code, verdict, drop-off,
# range, profile, level.
PINNED = [
    ["1-DF8JFA89D8KA8LG", "no", -3, None, "steady", 56],
    ["1-NSH7PFB6G7S966M", "no", -50, None, "steady", 61],
    ["1-6ARFRE87QRFG2RZ", "no", 7, None, "steady", 51],
    ["1-99DJLEKKK8EL8LL", "no", 7, None, "steady", 50],
    ["1-GKK5DNH98LHAMDZ", "no", 0, None, "steady", 42],
    ["1-MFF8387M9CAQSD7", "no", 3, None, "steady", 43],
    ["1-LLL9LEE9K88D9JE", "no", 7, None, "steady", 45],
    ["1-2PNG2BJEQH5LK36", "no", 7, None, "steady", 63],
    ["1-4FB3QB6CGDDSQBE", "no", 4, None, "steady", 47],
    ["1-8F8KF8EDLEKD89J", "no", 7, None, "steady", 53],
    ["1-9AS5C5AACLH87B3", "no", 4, None, "steady", 50],
    ["1-JSKBP26A849PQGK", "no", -7, None, "steady", 47],
    ["2-6C56TV7NJ6DL54S2KSS", "unclear", 13, [-2, 27], "unclear", 53],
    ["2-7GN59G8M99KZ8CB96W5", "no", -22, [-42, -3], "steady_low", 46],
    ["2-5G264Z3TV7KG5645ARX", "no", -6, [-21, 10], "steady_low", 46],
    ["2-5CF7MR7L82QZ5CF326S", "unclear", 0, [-14, 14], "unclear", 46],
    ["2-65B63R4VG38Z4XT64M9", "no", -12, [-35, 10], "steady", 57],
    ["2-6Y88VP3KH9A48BB5A28", "no", -42, [-55, -30], "steady_low", 42],
    ["2-6BQ82U7VM7SZ6D37SMV", "unclear", 6, [-8, 19], "unclear", 47],
    ["2-59T7FC5N75KP6JD5S4B", "unclear", 8, [-5, 22], "unclear", 46],
    ["2-6XV8954ER2QB3PE2X9B", "unclear", 14, [-5, 33], "unclear", 55],
    ["2-5K27UA7LN6JV5KC2K2U", "no", -22, [-36, -8], "steady_low", 47],
    ["2-73B7FB5JF7GF7EX7UUT", "unclear", 0, [-16, 16], "unclear", 38],
    ["2-4DX6K33ZW4X55J92Q4Q", "unclear", 3, [-11, 17], "unclear", 47],
    ["1-NNNS666NNNRAAAK", "yes", 25, None, "diver", 94],
    ["1-JJJLAAAJJJJJJJA", "yes", 50, None, "diver", 63],
    ["1-EEEEEEEEEEEEEEE", "no", 0, None, "steady", 50],
    ["1-NNNS666NNNS6662", "no", 0, None, "top_seller", 100],
    ["1-AAA8JJJAAA9EEE3", "no", -25, None, "steady", 31],
    ["2-8MH9FR9L53PZ83Y55WU", "unclear", 25, [12, 38], "unclear", 92],
    ["2-7LN7ZS83Y55W53N7ZQZ", "yes", 50, [37, 63], "drop_sharp", 58],
    ["2-6KT6KT6KT6KT6KT6KTW", "no", 0, [-13, 13], "steady", 50],
    ["2-8MH9FR9L53PZ9L53PZA", "no", 0, [-13, 13], "steady_high", 100],
    ["2-5JY55U53N7ZQ6KT6KTJ", "no", -25, [-38, -12], "steady_low", 33],
]


@pytest.mark.parametrize("code, verdict, drop, drop_range, profile, level", PINNED)
def test_old_codes_give_the_results_they_gave_before_version_3(
    published, code, verdict, drop, drop_range, profile, level
):
    questionnaire, answers = decode(code, published)
    result = score(questionnaire, answers)
    assert (
        result.verdict,
        result.drop_off,
        list(result.drop_range) if result.drop_range else None,
        result.profile,
        result.level,
    ) == (verdict, drop, drop_range, profile, level)
    assert questionnaire.estimator == "floored" and not questionnaire.has_reserve


# --- the team overview --------------------------------------------------------------------------


def test_the_team_overview_sums_each_version_and_counts_reserve_answers(published, v3):
    from quiz.team import summarise, to_csv
    from quiz.wording import words

    pairs = [v3.statements[closing].pair for closing, _ in v3.twins()]
    reserve_pairs = {v3.statements[closing].pair for closing, _ in v3.twins(reserve=True)}
    open_only = pattern(v3, 4, 3, lower=set(pairs[:9]))
    settled = pattern(v3, 4, 3, lower=set(pairs[:9]) | reserve_pairs, reserve=3)
    v2 = published[2]
    older = [4 if statement.keyed == "plus" else 2 for statement in v2.statements]
    codes = {
        "Anna": encode(v3, open_only),
        "Ben": encode(v3, settled),
        "Cem": encode(v3, pattern(v3, 5, 5)),
        "Dora": encode(v2, older),
    }
    team = summarise(published, "\n".join(f"{name}: {code}" for name, code in codes.items()))
    assert [summary.version for summary in team.summaries] == [3, 2]
    latest, second = team.summaries
    assert (latest.count, latest.reserve, second.count, second.reserve) == (3, 1, 1, None)
    assert latest.verdicts == {"yes": 1, "no": 1, "unclear": 1, "too_few": 0}  # Ben's reserve settled his result
    ben = next(member for member in team.members if member.name == "Ben")
    assert ben.result == score(v3, settled) and ben.result.reserve == 5
    rows = to_csv(published, team, "de", words("widgets", "de"), names=True).split("\r\n")
    ben_row = next(row for row in rows if row.startswith("Ben;")).split(";")
    assert ben_row[-1] == codes["Ben"] and ben_row[-3] == words("widgets", "de")["verdictYes"]
