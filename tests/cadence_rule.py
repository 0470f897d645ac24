"""The follow-up cadence as the tests read it, and the reference rule for its dates (independent of
the site's code, so a test compares two implementations)."""

from __future__ import annotations

from datetime import date, timedelta

from sitekit import cadence

CADENCE = cadence.load()


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
