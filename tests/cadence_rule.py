"""The follow-up cadence and priorities as the tests read them, and the reference rule for the dates
(independent of the site's code, so a test compares two implementations)."""

from __future__ import annotations

from datetime import date, timedelta

from sitekit import cadence, priorities

CADENCE = cadence.load()
PRIORITIES = priorities.load()


def due(close: date, after: dict) -> date:
    """The reference rule: working days skip Saturday and Sunday; a calendar-day step on a weekend moves to Monday."""
    if "working_days" in after:
        day, left = close, after["working_days"]
        while left:
            day += timedelta(days=1)
            left -= day.weekday() < 5
        return day
    day = close + timedelta(days=after["calendar_days"])
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def step_due(close: date, step: dict, fitted: date | None = None) -> date:
    """A step's day: from delivery or installation when it says so and that date is known, else from the close."""
    counts_from_fitting = step.get("from", "close") in ("delivery", "installation")
    return due(fitted if counts_from_fitting and fitted else close, step["after"])


def tier_steps(variant: str, tier_id: str) -> list[dict]:
    """The cadence steps of one tier, in the plan's order."""
    tier = next(tier for tier in PRIORITIES["tiers"] if tier["id"] == tier_id)
    return [step for step in CADENCE["variants"][variant] if step["id"] in tier["steps"][variant]]
