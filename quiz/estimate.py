"""How sure the self-assessment may be about a drop-off: the estimate, its range, the verdict
and the rep's overall level. Version 2's floored interval comes first and stays frozen; version
3's moderated interval follows below (section "version 3"); a questionnaire names its estimator
and RULES holds both.

Why this file exists: version 1 turned one difference of two phase means into a firm "yes" or
"no". Version 2 states a range and says "not clear yet" when the answers do not settle it.

The estimator, in plain words
-----------------------------
Every facet of selling (preparing, taking time, getting in touch unasked, …) is asked twice,
once at the close and once after it, with the same keying. For each facet answered both times
we take the difference "points at the close minus points after the close" (0, ±25, ±50, ±75 or
±100: one answer step is 25 points). The **drop-off is the mean of these pair differences**.
Its **range is a t-interval of the pair differences**: mean ± t × standard error, where the
standard error is the spread of the differences (their sample standard deviation) divided by
the square root of the number of pairs, and t is the Student-t quantile for that many pairs
minus one. Because answers move in whole steps, a few pairs can agree by chance and show no
spread at all; so the spread used is **never taken below a floor** (``SD_FLOOR``, about one and a
half answer steps). Seven identical pairs therefore still give a range of ± 15 points, never a
point.
The verdict reads the range, rounded as the reader sees it: "yes" when all of it lies at or
above ``YES_FROM`` points, "no clear drop" when all of it lies at or below the smaller
``NO_UP_TO``, otherwise "not clear yet"; below ``MIN_PAIRS`` answered pairs there is no verdict.
Floor, confidence and thresholds were calibrated on simulated reps (benchmarks/validity.py).

Porting rules (the browser must give bit-identical numbers)
-----------------------------------------------------------
Only + − × ÷, ``sqrt``, comparisons and the t-table below; both languages use IEEE doubles with
correctly rounded ÷ and sqrt, so the same operations in the same order give the same bits.
Sums of points are exact integers (far below 2**53). Rounding is half up: ``floor(x + 0.5)``.
The order of operations is written next to each computation; keep it in the port.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import POINTS_PER_STEP  # one answer step, in points

MIN_PAIRS = 7  # fewer answered pairs: "not enough answers", no verdict
# Calibrated in benchmarks/validity.py (see its "Calibration tried" table). The floor dominates:
# most reps' pair differences spread by 15-30 points, so the range is usually
# mean ± t(n-1) x 36 / sqrt(n), about ± 13 points with 9 pairs, wider when answers spread more.
# With that floor the range holds the simulated true drop for about 90 % of reps, although
# the t-quantile alone is the 70 % one: the floor, not the quantile, carries the coverage.
CONFIDENCE = 70  # per cent, two-sided: which t-quantile (T_TABLE)
SD_FLOOR = 36  # points (1.44 answer steps): the spread of pair differences is never taken lower
YES_FROM = 14  # "yes": the whole range at or above this drop, in points
NO_UP_TO = 13  # "no clear drop": the whole range at or below this (smaller) drop
MORE_PAIRS_CAP = 40  # what_would_make_it_clear looks at most this many pairs ahead

# Two-sided 70 % Student-t quantiles, t(0.85; df) for df = 1 .. 30, to three decimals.
# Beyond 30 degrees of freedom the df = 30 value is used (slightly wider, never narrower).
# benchmarks/validity.py recomputes them (t_table) and tests/calibration/test_validity.py compares.
T_TABLE = (
    1.963,
    1.386,
    1.250,
    1.190,
    1.156,
    1.134,
    1.119,
    1.108,
    1.100,
    1.093,
    1.088,
    1.083,
    1.079,
    1.076,
    1.074,
    1.071,
    1.069,
    1.067,
    1.066,
    1.064,
    1.063,
    1.061,
    1.060,
    1.059,
    1.058,
    1.058,
    1.057,
    1.056,
    1.055,
    1.055,
)

# Level bands over the mean points of all answered statements (0..100), inclusive.
# 50 points is "bei etwa der Hälfte", 75 "bei den meisten" of the rep's recent deals.
LEVEL_BANDS = (("low", 0, 49), ("middle", 50, 74), ("high", 75, 100))


@dataclass(frozen=True)
class Estimate:
    n: int  # answered pairs
    total: int  # sum of the pair differences, points (exact)
    spread: float | None  # standard deviation used: max(sample sd, floor); None without pairs
    mean: int | None  # mean drop, points, rounded half up
    low: int | None  # range, points, rounded half up
    high: int | None


@dataclass(frozen=True)
class Clarity:
    """What would settle an open result, in terms the page can state."""

    side: str | None  # the verdict the range leans to, "yes" or "no"; None for too few pairs
    gap: int | None  # points the range still reaches across that side's threshold
    more_pairs: int | None  # answered pairs needed in addition, at this mean and spread; None
    #                          when not within MORE_PAIRS_CAP (the mean lies too near the gap)


@dataclass(frozen=True)
class Level:
    points: int | None  # mean points of all answered statements, rounded half up
    band: str | None  # "low", "middle" or "high"
    n: int  # answered statements


def statement_points(keyed: str, answer: int | None) -> int | None:
    """0..100 for an answer 1..5, minus-keyed answers mirrored; None stays None ("kam nicht vor")."""
    if answer is None:
        return None
    value = answer if keyed == "plus" else 6 - answer
    return (value - 1) * POINTS_PER_STEP


def pair_differences(pairs: list[tuple[int | None, int | None]]) -> list[int]:
    """(closing points, after-sale points) per facet -> closing minus after, answered pairs only."""
    return [closing - after for closing, after in pairs if closing is not None and after is not None]


def t_quantile(df: int, table: tuple = T_TABLE) -> float:
    return table[min(df, len(table)) - 1]


def drop_estimate(differences: list[int], *, sd_floor: float = SD_FLOOR, table: tuple = T_TABLE) -> Estimate:
    """Mean pair difference and its t-interval with a floored spread.

    Order of operations (n pairs, integers S = sum d, Q = sum d*d):
      variance = (n*Q - S*S) / (n*(n - 1))     # both sides exact integers, one division; 0 if n = 1
      spread   = max(sqrt(variance), sd_floor)
      half     = t(n - 1) * (spread / sqrt(n))  # t(0) is taken as t(1)
      low      = max(floor((S / n - half) + 0.5), -100)   # a drop lies within ±100 points
      high     = min(floor((S / n + half) + 0.5), 100)
      mean     = floor((2*S + n) / (2*n))       # = S/n rounded half up, exact
    """
    n = len(differences)
    if n == 0:
        return Estimate(n=0, total=0, spread=None, mean=None, low=None, high=None)
    total, squares = _sums(differences)
    variance = (n * squares - total * total) / (n * (n - 1)) if n > 1 else 0.0
    spread = max(math.sqrt(variance), sd_floor)
    half = t_quantile(max(n - 1, 1), table) * (spread / math.sqrt(n))
    return _estimate(n, total, spread, half)


def verdict(
    estimate: Estimate, min_pairs: int = MIN_PAIRS, *, yes_from: int = YES_FROM, no_up_to: int = NO_UP_TO
) -> str:
    """ "yes", "no" (no clear drop), "unclear" (not clear yet) or "too_few" (not enough answers).

    Reads the rounded range the reader sees. Because no_up_to < yes_from, no range can be both,
    and every range that reaches across the gap between them is "unclear".
    """
    if no_up_to >= yes_from:
        raise ValueError("no_up_to must be smaller than yes_from")
    if estimate.n < min_pairs:
        return "too_few"
    if estimate.low >= yes_from:
        return "yes"
    if estimate.high <= no_up_to:
        return "no"
    return "unclear"


def what_would_make_it_clear(
    estimate: Estimate,
    min_pairs: int = MIN_PAIRS,
    *,
    table: tuple = T_TABLE,
    yes_from: int = YES_FROM,
    no_up_to: int = NO_UP_TO,
    df_offset: int = 0,
) -> Clarity | None:
    """None when the verdict is already "yes" or "no".

    Too few pairs: how many more answered pairs give a verdict at all. Not clear yet: the side
    the mean leans to (at or above the midpoint of the two thresholds: "yes"), how many points
    the range still reaches across that side's threshold, and how many more answered pairs with
    the same mean and spread would close that gap (the same formulas as drop_estimate with
    n + k pairs, k = 1 .. MORE_PAIRS_CAP; version 3 adds its prior's degrees of freedom, df_offset).
    """
    result = verdict(estimate, min_pairs, yes_from=yes_from, no_up_to=no_up_to)
    if result == "too_few":
        return Clarity(side=None, gap=None, more_pairs=min_pairs - estimate.n)
    if result != "unclear":
        return None
    n = estimate.n
    leans_yes = 2 * estimate.total >= (yes_from + no_up_to) * n  # S/n >= midpoint, exact
    gap = yes_from - estimate.low if leans_yes else estimate.high - no_up_to
    for more in range(1, MORE_PAIRS_CAP + 1):
        pairs = n + more
        half = t_quantile(df_offset + pairs - 1, table) * (estimate.spread / math.sqrt(pairs))
        if leans_yes and math.floor(estimate.total / n - half + 0.5) >= yes_from:
            return Clarity(side="yes", gap=gap, more_pairs=more)
        if not leans_yes and math.floor(estimate.total / n + half + 0.5) <= no_up_to:
            return Clarity(side="no", gap=gap, more_pairs=more)
    return Clarity(side="yes" if leans_yes else "no", gap=gap, more_pairs=None)


def level(points: list[int | None]) -> Level:
    """The rep's overall level: mean points over every answered statement of every phase.

    mean = floor((2*S + n) / (2*n)) with S the exact sum of points, n the answered statements.
    """
    answered = [value for value in points if value is not None]
    n = len(answered)
    if n == 0:
        return Level(points=None, band=None, n=0)
    total = sum(answered)
    mean = math.floor((2 * total + n) / (2 * n))
    return Level(points=mean, band=level_band(mean), n=n)


def level_band(points: int) -> str:
    for name, low, high in LEVEL_BANDS:
        if low <= points <= high:
            return name
    raise ValueError(f"level {points} outside 0..100")


# --- version 3: the moderated interval ----------------------------------------------------------
#
# Version 2's floor treats ten pairs that agree exactly as if they scattered by 1.4 answer steps,
# so obvious patterns stay "not clear yet". Version 3 instead MODERATES the spread: the pair
# differences' variance is combined with a prior variance, a scaled-inverse-chi-squared prior
# with spread PRIOR_SPREAD and PRIOR_DF degrees of freedom (worth PRIOR_DF pairs):
#     spread^2 = (PRIOR_DF x PRIOR_SPREAD^2 + (n - 1) x s^2) / (PRIOR_DF + n - 1)
# and the range is mean ± t(PRIOR_DF + n - 1) x spread / sqrt(n), the Student-t interval of the
# posterior (the "moderated t" of Smyth 2004, known from gene-expression statistics). Agreement
# is evidence: ten identical pairs narrow the range, and scattered pairs widen it.
#
# Why these numbers (benchmarks/validity.py prints the calibration; tuned on one seed, asserted
# on another in tests/calibration/test_validity.py):
# - PRIOR_SPREAD = 25 points, ONE answer step: answering noise of 0.7 steps on each half of a
#   pair gives pair differences that scatter by 0.7 x sqrt(2) ≈ 1 step; the simulated reps'
#   pair differences spread by a median of 25 points.
# - PRIOR_DF = 8: the prior counts as eight pairs, fewer than the twelve of the base test, so a
#   rep's own answers weigh more than the prior; a whole number keeps the quantiles a table.
# - 90 % two-sided, the nominal level; the measured coverage (about 91 %) is on the method page.
# - Thresholds at the midpoint of "no drop" (0) and "one step on every pair" (25): "yes" when the
#   range lies at or above YES_FROM_V3, "no clear drop" when it lies at or below NO_UP_TO_V3.
#   One step lower on every pair (25 points, no spread) gives 25 ± 9 with ten pairs: "yes".

PRIOR_SPREAD = 25  # points: one answer step
PRIOR_DF = 8  # whole degrees of freedom: the prior counts as this many pairs
CONFIDENCE_V3 = 90  # per cent, two-sided
YES_FROM_V3 = 13
NO_UP_TO_V3 = 12

# Two-sided 90 % Student-t quantiles, t(0.95; df) for df = 1 .. 40, to three decimals.
# df = PRIOR_DF + n - 1 runs from 8 (one pair) to 24 (the base test and the reserve, 17 pairs);
# beyond 40 the df = 40 value is used. benchmarks/validity.py recomputes them (t_table).
T_TABLE_V3 = (
    6.314,
    2.920,
    2.353,
    2.132,
    2.015,
    1.943,
    1.895,
    1.860,
    1.833,
    1.812,
    1.796,
    1.782,
    1.771,
    1.761,
    1.753,
    1.746,
    1.740,
    1.734,
    1.729,
    1.725,
    1.721,
    1.717,
    1.714,
    1.711,
    1.708,
    1.706,
    1.703,
    1.701,
    1.699,
    1.697,
    1.696,
    1.694,
    1.692,
    1.691,
    1.690,
    1.688,
    1.687,
    1.686,
    1.685,
    1.684,
)


@dataclass(frozen=True)
class Rules:
    """One version's estimator and verdict: ``kind`` "floored" (version 2) or "moderated" (3)."""

    kind: str
    confidence: int
    table: tuple
    yes_from: int
    no_up_to: int
    min_pairs: int = MIN_PAIRS
    sd_floor: float = 0  # floored only
    prior_spread: int = 0  # moderated only: points (a whole number, so that its square is exact)
    prior_df: int = 0  # moderated only


FLOORED = Rules("floored", CONFIDENCE, T_TABLE, YES_FROM, NO_UP_TO, sd_floor=SD_FLOOR)
MODERATED = Rules(
    "moderated", CONFIDENCE_V3, T_TABLE_V3, YES_FROM_V3, NO_UP_TO_V3, prior_spread=PRIOR_SPREAD, prior_df=PRIOR_DF
)
RULES = {"floored": FLOORED, "moderated": MODERATED}  # a questionnaire's `estimator` names one


def moderated_estimate(
    differences: list[int], *, prior_spread: int = PRIOR_SPREAD, prior_df: int = PRIOR_DF, table: tuple = T_TABLE_V3
) -> Estimate:
    """Mean pair difference and its moderated t-interval.

    Order of operations (n pairs, integers S = sum d, Q = sum d*d, v = prior_df, p = prior_spread):
      variance = (v*p*p*n + (n*Q - S*S)) / (n*(v + n - 1))   # exact integers, one division
      spread   = sqrt(variance)
      half     = t(v + n - 1) * (spread / sqrt(n))
      low, high, mean: as drop_estimate
    (n*Q - S*S)/n is (n - 1) x the sample variance, so variance is the formula of the module note.
    """
    n = len(differences)
    if n == 0:
        return Estimate(n=0, total=0, spread=None, mean=None, low=None, high=None)
    total, squares = _sums(differences)
    variance = (prior_df * prior_spread * prior_spread * n + (n * squares - total * total)) / (n * (prior_df + n - 1))
    spread = math.sqrt(variance)
    half = t_quantile(prior_df + n - 1, table) * (spread / math.sqrt(n))
    return _estimate(n, total, spread, half)


def estimate_by(rules: Rules, differences: list[int]) -> Estimate:
    if rules.kind == "moderated":
        return moderated_estimate(
            differences, prior_spread=rules.prior_spread, prior_df=rules.prior_df, table=rules.table
        )
    return drop_estimate(differences, sd_floor=rules.sd_floor, table=rules.table)


def verdict_by(rules: Rules, estimate: Estimate) -> str:
    return verdict(estimate, rules.min_pairs, yes_from=rules.yes_from, no_up_to=rules.no_up_to)


def clarity_by(rules: Rules, estimate: Estimate) -> Clarity | None:
    """what_would_make_it_clear for either kind. Moderated: more pairs with the same mean and the
    same moderated spread, t taken at prior_df + n + k - 1 degrees of freedom."""
    if rules.kind != "moderated":
        return what_would_make_it_clear(
            estimate, rules.min_pairs, table=rules.table, yes_from=rules.yes_from, no_up_to=rules.no_up_to
        )
    return what_would_make_it_clear(
        estimate,
        rules.min_pairs,
        table=rules.table,
        yes_from=rules.yes_from,
        no_up_to=rules.no_up_to,
        df_offset=rules.prior_df,
    )


def _sums(differences: list[int]) -> tuple[int, int]:
    """The sum and the sum of squares, added up in the list's order (exact integers)."""
    total = 0
    squares = 0
    for difference in differences:
        total += difference
        squares += difference * difference
    return total, squares


def _estimate(n: int, total: int, spread: float, half: float) -> Estimate:
    """The mean rounded half up and the range around it, within ±100 points (both estimators)."""
    return Estimate(
        n=n,
        total=total,
        spread=spread,
        mean=math.floor((2 * total + n) / (2 * n)),
        low=max(math.floor(total / n - half + 0.5), -100),
        high=min(math.floor(total / n + half + 0.5), 100),
    )
