"""The one follow-up cadence after a close (includes/cadence.yml): checked, and rendered where a
page has a marker, in the edition's language.

  <!-- cadence: b2b -->          the B2B steps as a table (likewise b2c), with the counting note
  <!-- cadence: b2b.check_in --> one step's timing inside a sentence, with the day it counts from
                                 ("5 Arbeitstage nach der Lieferung",
                                 "42 Kalendertage nach der Montage oder Installation")
  <!-- cadence: reaction -->     how fast a complaint is answered ("noch am selben Arbeitstag")
  <!-- cadence: form -->         the calendar download's form with the steps and the A/B/C tiers of
                                 includes/priorities.yml as data (assets/follow-up-calendar.js)
  <!-- cadence: calendar -->     only the steps as data, for a form written by hand
  <!-- cadence: priorities -->   the A/B/C rule of includes/priorities.yml as a table, steps by their titles

The words around the data (units, table headings, the form) come from the catalogue
(quiz/wording.yml, group "site"); every text from the data file is escaped (sitekit.text.inert).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from quiz import LANGUAGES, shown, yaml_lines
from quiz.validate import Checker
from quiz.wording import words

from . import CADENCE, SiteError
from . import priorities as priority_data
from .text import attribute, inert

UNITS = ("working_days", "calendar_days")
STARTS = ("close", "delivery", "installation")  # what a step counts from; close when not named
_AFTER = {"close": "cadenceAfterClose", "delivery": "cadenceAfterDelivery", "installation": "cadenceAfterInstallation"}
_SINCE = {"close": "cadenceSinceClose", "delivery": "cadenceSinceDelivery", "installation": "cadenceSinceInstallation"}
MARKER = re.compile(r"<!--\s*cadence:\s*([^\s]*)\s*-->")
_ID = re.compile(r"[a-z][a-z0-9_]*")


def load(path: Path = CADENCE) -> dict:
    """The checked cadence, or DefinitionError ``file:line: item: problem``."""
    data = yaml_lines.read(path, shown=shown(path))
    check(data, Checker(shown(path)))
    return data


def check(data, checker: Checker) -> None:
    fail = checker.fail
    checker.fields(data, "top level", required=("reaction", "note", "variants"))
    reaction = data["reaction"]
    checker.fields(reaction, "reaction", required=("working_days", "text"))
    checker.integer(reaction, "working_days", "reaction", 0, 366)
    checker.text_value(reaction["text"], reaction, "reaction text")
    checker.text_value(data["note"], data, "note")
    variants = data["variants"]
    if not isinstance(variants, dict) or set(variants) != {"b2b", "b2c"}:
        found = ", ".join(map(str, variants)) if isinstance(variants, dict) else "none"
        fail(
            variants if isinstance(variants, dict) else data,
            "variants",
            f"expected exactly b2b and b2c (found {found})",
        )
    for variant, steps in variants.items():
        if not isinstance(steps, list) or not steps:
            fail(variants, f"variant '{variant}'", "expected a list of steps")
        seen = set()
        for number, step in enumerate(steps, 1):
            item = f"variant '{variant}', step {number}"
            checker.fields(step, item, required=("id", "after", "title", "agenda"), optional=("from",))
            if not isinstance(step["id"], str) or not _ID.fullmatch(step["id"]):
                fail(step, item, "id must be lower-case letters, digits and _")
            item = f"variant '{variant}', step '{step['id']}'"
            if step["id"] in seen:
                fail(step, item, "this id is used twice")
            seen.add(step["id"])
            after = step["after"]
            if not isinstance(after, dict) or len(after) != 1 or next(iter(after)) not in UNITS:
                fail(step, item, "after: expected exactly one of working_days, calendar_days")
            count = next(iter(after.values()))
            if type(count) is not int or count < 1:
                fail(step, item, "after: the number of days must be a whole number of 1 or more")
            if step.get("from", "close") not in STARTS:
                fail(step, item, f"from: expected one of {', '.join(STARTS)} (found {step['from']!r})")
            checker.text_value(step["title"], step, f"{item}, title")
            agenda = step["agenda"]
            if not isinstance(agenda, dict) or set(agenda) != set(LANGUAGES):
                fail(step, f"{item}, agenda", "expected a list of points for each of de, en")
            for language, points in agenda.items():
                if (
                    not isinstance(points, list)
                    or not points
                    or not all(isinstance(p, str) and p.strip() for p in points)
                ):
                    fail(agenda, f"{item}, agenda", f"the '{language}' list must hold at least one non-empty text")


def counted_from(step: dict) -> str:
    """What a step counts from: close, delivery or installation."""
    return step.get("from", "close")


def when(after: dict, language: str, *, short: bool = False, start: str = "close") -> str:
    """A step's timing in words: '5 Arbeitstage nach dem Abschluss' / 'six weeks after fitting or
    installation'; whole weeks in words; ``short`` gives the amount alone, as a table shows it."""
    unit, count = next(iter(after.items()))
    texts = words("site", language)
    name = {
        "working_days": ("cadenceWorkingDay", "cadenceWorkingDays"),
        "calendar_days": ("cadenceCalendarDay", "cadenceCalendarDays"),
    }[unit][count != 1]
    amount = f"{count} {texts[name]}"
    numbers = texts["cadenceNumberWords"].split()
    if not short and unit == "calendar_days" and count % 7 == 0 and count // 7 <= len(numbers):
        # whole weeks read as the prose says them: "sechs Wochen", not "42 Kalendertage"
        weeks = count // 7
        amount = texts["cadenceOneWeek"] if weeks == 1 else f"{numbers[weeks - 1]} {texts['cadenceWeeks']}"
    if short:
        return amount
    if unit == "working_days" and count == 1 and start == "close":
        return texts["cadenceFirstWorkingDay"]
    return texts[_AFTER[start]].replace("{amount}", amount)


def table(cadence: dict, variant: str, language: str) -> str:
    texts = words("site", language)
    headings = (texts["cadenceWhen"], texts["cadenceWhat"], texts["cadenceAgenda"])
    rows = [f"| {' | '.join(headings)} |", "|---|---|---|"]
    for step in cadence["variants"][variant]:
        agenda = " · ".join(inert(point) for point in step["agenda"][language])
        timing = texts[_SINCE[counted_from(step)]].replace("{amount}", when(step["after"], language, short=True))
        rows.append(f"| {inert(timing)} | **{inert(step['title'][language])}** | {agenda} |")
    return (
        f'<div class="cadence" data-cadence="{variant}" markdown>\n\n'
        + "\n".join(rows)
        + f'\n\n<p class="cadence-note">{inert(cadence["note"][language])}</p>\n\n</div>'
    )


def calendar_data(cadence: dict, language: str) -> str:
    data = {
        variant: [
            {
                "id": step["id"],
                **step["after"],
                "from": counted_from(step),
                "title": step["title"][language],
                "agenda": step["agenda"][language],
            }
            for step in steps
        ]
        for variant, steps in cadence["variants"].items()
    }
    return f'<div hidden data-cadence-data="{attribute(json.dumps(data, ensure_ascii=False))}"></div>'


def calendar_form(cadence: dict, language: str, priorities: dict) -> str:
    """The download form; its messages reach the script as data-* attributes, in the edition's language.
    The tiers come from includes/priorities.yml: A (every step) is chosen until the rep picks another."""
    texts = words("site", language)
    a = {key: attribute(text) for key, text in texts.items()}  # inside an attribute
    t = {key: inert(text) for key, text in texts.items()}  # between tags
    tiers = priority_data.form_data(priorities, language)
    return "\n".join(
        (
            f'<form class="calendar-form" data-cadence-plan data-file-name="{a["calendarFileName"]}" '
            f'data-named="{a["calendarNamed"]}" data-closed="{a["calendarClosed"]}" '
            f'data-fitted-on="{a["calendarFittedOn"]}" data-from-close="{a["calendarFromClose"]}" '
            f'data-error-date="{a["calendarErrorDate"]}" data-error-range="{a["calendarErrorRange"]}" '
            f'data-error-fitted="{a["calendarErrorFitted"]}" data-step-quoted="{a["calendarStepQuoted"]}" '
            f'data-done="{a["calendarDone"]}" novalidate>',
            calendar_data(cadence, language),
            f'<div hidden data-cadence-tiers="{attribute(json.dumps(tiers, ensure_ascii=False))}"></div>',
            f'<p><label for="cadence-close">{t["calendarClose"]}</label>'
            '<input type="date" id="cadence-close" name="close" required></p>',
            f'<p><label for="cadence-fitted">{t["calendarFitted"]}</label>'
            '<input type="date" id="cadence-fitted" name="fitted" aria-describedby="cadence-fitted-hint">'
            f'<span class="calendar-form__hint" id="cadence-fitted-hint">{t["calendarFittedHint"]}</span></p>',
            f"<fieldset><legend>{t['calendarCustomer']}</legend>",
            f'<label><input type="radio" name="variant" value="b2b" checked> {t["calendarB2b"]}</label>',
            f'<label><input type="radio" name="variant" value="b2c"> {t["calendarB2c"]}</label>',
            "</fieldset>",
            f'<fieldset aria-describedby="cadence-tier-hint"><legend>{t["calendarTier"]}</legend>',
            *(
                f'<label><input type="radio" name="tier" value="{attribute(tier["id"])}"{" checked" if number == 0 else ""}> '
                f"{inert(tier['label'])}</label>"
                for number, tier in enumerate(tiers)
            ),
            f'<span class="calendar-form__hint" id="cadence-tier-hint">{t["calendarTierHint"]}</span>',
            "</fieldset>",
            f'<p><label for="cadence-customer">{t["calendarName"]}</label>'
            '<input type="text" id="cadence-customer" name="customer" autocomplete="off" maxlength="80"></p>',
            f'<p><button type="submit" class="md-button md-button--primary">{t["calendarDownload"]}</button></p>',
            '<p class="calendar-form__status" role="status" data-cadence-status></p>',
            "</form>",
        )
    )


def render(cadence: dict, marker: str, language: str, where: str, priorities: dict | None = None) -> str:
    """What one marker stands for; SiteError naming the page for an unknown one. The form needs the
    priorities (includes/priorities.yml, read when not given)."""
    variants = cadence["variants"]
    if marker in variants:
        return table(cadence, marker, language)
    if marker == "reaction":
        return inert(cadence["reaction"]["text"][language])
    if marker == "calendar":
        return calendar_data(cadence, language)
    if marker == "priorities":
        return priority_data.table(priorities if priorities is not None else priority_data.load(), cadence, language)
    if marker == "form":
        return calendar_form(cadence, language, priorities if priorities is not None else priority_data.load())
    variant, _, step_id = marker.partition(".")
    for step in variants.get(variant, []):
        if step["id"] == step_id:
            return when(step["after"], language, start=counted_from(step))
    steps = [f"{v}.{s['id']}" for v, ss in variants.items() for s in ss]
    raise SiteError(
        f"{where}: unknown cadence marker '{marker}' "
        f"(expected b2b, b2c, reaction, form, calendar, priorities or one of {', '.join(steps)})"
    )


def render_page(cadence: dict, markdown: str, language: str, where: str, priorities: dict | None = None) -> str:
    """A page's Markdown with every cadence marker replaced."""
    return MARKER.sub(lambda match: render(cadence, match.group(1), language, where, priorities), markdown)
