"""Two rounds of one team as a lead pastes them: the same version with reserve answers, people who
left or joined and a name that stands twice; rounds on different versions; rounds that mix versions
(shared by tests/unit/test_team_compare.py and tests/browser/test_team_rounds.py)."""

from __future__ import annotations

from quiz import encode
from quiz.model import NOT_ASKED

from personas import answers_for


def code(questionnaire, persona: str, reserve: bool = False) -> str:
    """A persona's code; with ``reserve`` the extra pairs are answered too (as "trifft eher zu")."""
    answers = answers_for(questionnaire, persona)
    return encode(questionnaire, [4 if reserve and answer == NOT_ASKED else answer for answer in answers])


def same_version(published: dict) -> tuple[str, str]:
    """Anna and Ben in both rounds (matched, Anna now with reserve answers), Clara left, Dana joined,
    Sam stands once before and twice now (never matched)."""
    latest = published[max(published)]
    before = [
        f"Anna Berger: {code(latest, 'classic_curve')}",
        f"Ben Kaya; {code(latest, 'fader')}",
        f"Clara Wolf: {code(latest, 'steady_average')}",
        f"Sam: {code(latest, 'slow_starter')}",
        "kein Code",
    ]
    now = [
        f"Anna Berger: {code(latest, 'top_seller', reserve=True)}",
        f"Ben Kaya: {code(latest, 'fader', reserve=True)}",
        f"Dana Yilmaz: {code(latest, 'slow_starter')}",
        f"Sam: {code(latest, 'agree_all')}",
        f"Sam: {code(latest, 'classic_curve')}",
    ]
    return "\n".join(before), "\n".join(now)


def different_versions(published: dict) -> tuple[str, str]:
    """Last quarter on an older version, now on the current one: the same names, no change."""
    older, latest = published[min(published)], published[max(published)]
    names = {"Anna Berger": "classic_curve", "Ben Kaya": "fader", "Clara Wolf": "top_seller"}
    return (
        "\n".join(f"{name}: {code(older, persona)}" for name, persona in names.items()),
        "\n".join(f"{name}: {code(latest, persona)}" for name, persona in names.items()),
    )


def mixed_versions(published: dict) -> tuple[str, str]:
    """Both rounds mix the current and the oldest version: each version is compared on its own."""
    older, latest = published[min(published)], published[max(published)]
    before = [
        f"Anna Berger: {code(latest, 'fader')}",
        f"Ben Kaya: {code(older, 'classic_curve')}",
        f"Clara Wolf: {code(latest, 'top_seller')}",
    ]
    now = [
        f"Anna Berger: {code(latest, 'classic_curve', reserve=True)}",
        f"Ben Kaya: {code(older, 'top_seller')}",
        f"Clara Wolf: {code(older, 'steady_average')}",
    ]
    return "\n".join(before), "\n".join(now)
