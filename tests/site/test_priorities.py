"""The A/B/C priorities (includes/priorities.yml): every step they name is a step of the one cadence,
and the page shows in each edition exactly the tiers, steps and worked month the data says."""

from __future__ import annotations

import re

import pytest

from cadence_rule import CADENCE, PRIORITIES  # read and checked by sitekit, as the build reads them
from site_html import text_of

PAGE = {"de": "werkzeuge/prioritaeten/index.html", "en": "en/werkzeuge/prioritaeten/index.html"}
VARIANTS = ("b2b", "b2c")


def step_ids(variant: str) -> list[str]:
    return [step["id"] for step in CADENCE["variants"][variant]]


def title(variant: str, step_id: str, language: str) -> str:
    return next(step["title"][language] for step in CADENCE["variants"][variant] if step["id"] == step_id)


def table_rows(html: str, marker: str) -> list[list[str]]:
    """The body rows of the table inside the element carrying the data attribute `marker`, as cell texts."""
    start = html.index(marker)
    table = html[html.index("<tbody>", start):html.index("</tbody>", start)]
    return [[text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]


def test_every_tier_names_cadence_steps_in_their_order_and_keeps_the_minimum():
    assert [tier["id"] for tier in PRIORITIES["tiers"]] == ["a", "b", "c"]
    for variant in VARIANTS:
        minimum = PRIORITIES["minimum"][variant]
        assert set(minimum) <= set(step_ids(variant)), variant
        for tier in PRIORITIES["tiers"]:
            steps = tier["steps"][variant]
            assert steps == [step for step in step_ids(variant) if step in steps], (tier["id"], variant, "order")
            assert set(minimum) <= set(steps), (tier["id"], variant, "below the minimum")
        assert PRIORITIES["tiers"][-1]["steps"][variant] == minimum, "tier C is the minimum"
        assert PRIORITIES["tiers"][0]["steps"][variant] == step_ids(variant), "tier A is the whole plan"


@pytest.mark.parametrize("language", PAGE)
def test_the_page_shows_each_tier_with_its_steps_by_name(site_dir, language):
    rows = table_rows((site_dir / PAGE[language]).read_text(encoding="utf-8"), "data-priorities=\"data-priorities\"")
    def names(tier: dict, variant: str) -> str:
        return " · ".join(title(variant, step, language) for step in tier["steps"][variant])

    expected = [[tier["label"][language], tier["who"][language], *(names(tier, variant) for variant in VARIANTS)]
                for tier in PRIORITIES["tiers"]]
    assert rows == expected


@pytest.mark.parametrize("language", PAGE)
def test_the_worked_month_adds_up_from_the_data(site_dir, language):
    html = (site_dir / PAGE[language]).read_text(encoding="utf-8")
    rows = table_rows(html, "data-priorities-example=")
    example = PRIORITIES["example"]
    variant, closes = example["variant"], example["closes"]
    *tiers, total = rows
    assert [row[0].split(" – ")[0] for row in tiers] == [tier["id"].upper() for tier in PRIORITIES["tiers"]]
    contacts = 0
    for row, tier in zip(tiers, PRIORITIES["tiers"], strict=True):
        count, steps = closes[tier["id"]], len(tier["steps"][variant])
        assert row[1:] == [str(count), str(steps), str(count * steps)], row
        contacts += count * steps
    assert total[1] == str(sum(closes.values())) and total[3] == str(contacts)
    everything = sum(closes.values()) * len(step_ids(variant))
    text = text_of(html[html.index("data-priorities-example"):])
    assert f" {everything} " in text and f" {everything - contacts}" in text, "the saving the page names"
