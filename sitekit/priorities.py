"""The A/B/C priorities for reps with many closes (includes/priorities.yml): which customers get
which steps of the one cadence, and the minimum for everyone. Checked against the cadence (every
step named there exists, in the plan's order, and every tier keeps the minimum); the calendar form
(sitekit.cadence) offers the tiers. Every problem is one line, ``file:line: item: problem``."""

from __future__ import annotations

from pathlib import Path

from quiz import shown, yaml_lines
from quiz.validate import Checker
from quiz.wording import words

from . import CADENCE, PRIORITIES
from .text import inert

TIERS = ("a", "b", "c")
VARIANTS = ("b2b", "b2c")


def load(path: Path = PRIORITIES, cadence: dict | None = None) -> dict:
    """The checked priorities, or DefinitionError; the cadence is the one beside the file unless given."""
    if cadence is None:
        from . import cadence as cadence_data  # here: sitekit.cadence imports this module for its form

        beside = Path(path).parent / CADENCE.name
        cadence = cadence_data.load(beside if beside.exists() else CADENCE)
    data = yaml_lines.read(path, shown=shown(path))
    check(data, cadence, Checker(shown(path)))
    return data


def step_lists(node, item: str, plan: dict, checker: Checker) -> None:
    """One list of step ids per variant, each a step of that variant, in the plan's order."""
    checker.fields(node, item, required=VARIANTS)
    for variant in VARIANTS:
        steps, order = node[variant], [step["id"] for step in plan[variant]]
        if not isinstance(steps, list) or not steps:
            checker.fail(node, f"{item}, {variant}", "expected a list of step ids")
        for step in steps:
            if step not in order:
                checker.fail(node, f"{item}, {variant}", f"unknown step '{step}' (expected one of {', '.join(order)})")
        if list(steps) != [step for step in order if step in steps]:
            checker.fail(
                node, f"{item}, {variant}", f"steps must be listed once each, in the plan's order ({', '.join(order)})"
            )


def check(data, cadence: dict, checker: Checker) -> None:
    fail, plan = checker.fail, cadence["variants"]
    checker.fields(data, "top level", required=("minimum", "tiers", "example"))
    step_lists(data["minimum"], "minimum", plan, checker)
    tiers = data["tiers"]
    if not isinstance(tiers, list) or [getattr(tier, "get", lambda _: None)("id") for tier in tiers] != list(TIERS):
        fail(tiers if isinstance(tiers, list) else data, "tiers", "expected the tiers a, b and c, in this order")
    for tier in tiers:
        item = f"tier '{tier['id']}'"
        checker.fields(tier, item, required=("id", "label", "who", "steps"))
        checker.text_value(tier["label"], tier, f"{item}, label")
        checker.text_value(tier["who"], tier, f"{item}, who")
        step_lists(tier["steps"], f"{item}, steps", plan, checker)
        for variant in VARIANTS:
            missing = [step for step in data["minimum"][variant] if step not in tier["steps"][variant]]
            if missing:
                fail(tier["steps"], f"{item}, steps, {variant}", f"below the minimum: {', '.join(missing)} missing")
    example = data["example"]
    checker.fields(example, "example", required=("variant", "closes"))
    checker.choice(example, "variant", "example", VARIANTS)
    closes = example["closes"]
    checker.fields(closes, "example, closes", required=TIERS)
    for tier in TIERS:
        checker.integer(closes, tier, "example, closes", 0, 10000)


def form_data(priorities: dict, language: str) -> list[dict]:
    """The tiers as the calendar form offers them: id, label and the steps per variant."""
    return [
        {"id": tier["id"], "label": tier["label"][language], "steps": {v: list(tier["steps"][v]) for v in VARIANTS}}
        for tier in priorities["tiers"]
    ]


def table(priorities: dict, cadence: dict, language: str) -> str:
    """The rule as a table (marker <!-- cadence: priorities -->): each tier, who belongs there, and its
    steps by their titles in the plan, for business and for private customers."""
    texts = words("site", language)
    titles = {
        variant: {step["id"]: step["title"][language] for step in steps}
        for variant, steps in cadence["variants"].items()
    }
    headings = (texts["prioritiesTier"], texts["prioritiesWho"], texts["prioritiesB2b"], texts["prioritiesB2c"])
    rows = [f"| {' | '.join(headings)} |", "|---|---|---|---|"]
    for tier in priorities["tiers"]:
        steps = (" · ".join(inert(titles[variant][step]) for step in tier["steps"][variant]) for variant in VARIANTS)
        rows.append(f"| **{inert(tier['label'][language])}** | {inert(tier['who'][language])} | {' | '.join(steps)} |")
    return '<div class="priorities" data-priorities markdown>\n\n' + "\n".join(rows) + "\n\n</div>"
