"""Team overview: the same numbers from `python -m quiz team` and from the browser's team page."""

from __future__ import annotations

import subprocess
import sys

import pytest
from playwright.sync_api import expect

from conftest import ROOT, ready
from personas import PERSONAS, answers_for
from quiz import encode, load, score
from quiz.definition import PHASE_IDS
from quiz.team import decimal, summarise, to_csv
from quiz.wording import WORDING

BAD_LINES = ["das ist kein Code", "Alte Version: 7-ABCDEFGHJKLMNPQ", "Abgeschnitten 1-ZZZZ"]


@pytest.fixture(scope="module")
def questionnaire():
    return load(ROOT / "quiz" / "selbsttest.yml")


@pytest.fixture(scope="module")
def pasted(questionnaire) -> str:
    """The personas as a lead would paste them: names, links, bare codes, bad lines, a duplicate."""
    lines = []
    for index, persona in enumerate(sorted(PERSONAS)):
        code = encode(questionnaire.version, answers_for(questionnaire, persona))
        name = persona.replace("_", " ").title()
        lines.append(f"{name}: http://127.0.0.1/selbsttest/#code={code}" if index % 2 else f"{name}; {code}")
    duplicate = lines[0]
    return "\n".join([lines[0], BAD_LINES[0], *lines[1:3], BAD_LINES[1], *lines[3:], BAD_LINES[2], duplicate, ""])


def expected_numbers(questionnaire):
    results = [score(questionnaire, answers_for(questionnaire, persona)) for persona in sorted(PERSONAS)]
    averages = {phase: sum(r.phases[phase] for r in results) / len(results) for phase in PHASE_IDS}
    return results, averages


def test_summary_counts_averages_and_skipped_lines(questionnaire, pasted):
    team = summarise(questionnaire, pasted)
    results, averages = expected_numbers(questionnaire)
    assert len(team.members) == len(PERSONAS)
    for phase in PHASE_IDS:
        assert abs(team.averages[phase] / 10 - averages[phase]) <= 0.05
    assert team.dropping == sum(r.drops_off for r in results)
    assert sum(team.bands) == len(PERSONAS)
    assert [(skip.line, skip.reason) for skip in team.skipped] == [(2, "foreign"), (5, "version"), (9, "damaged"), (10, "duplicate")]
    assert team.skipped[-1].detail == 1 and team.skipped[1].detail == 7


def test_csv_opens_in_german_excel(questionnaire, pasted):
    csv = to_csv(questionnaire, summarise(questionnaire, pasted), "de", WORDING["de"])
    assert csv.startswith("\ufeffName;Erstkontakt;")
    rows = csv[1:].split("\r\n")
    assert len(rows) == 1 + len(PERSONAS) + 1 + 1  # header, people, average, final newline
    assert rows[-2].startswith("Team-Durchschnitt;") and "," in rows[-2].split(";")[1]


def test_cli_prints_the_same_overview(questionnaire, pasted, tmp_path):
    listing = tmp_path / "team.txt"
    listing.write_text(pasted, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "quiz", "team", str(listing)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    team = summarise(questionnaire, pasted)
    for phase in questionnaire.phases:
        assert f"{decimal(team.averages[phase.id])} %" in result.stdout
    assert f"{team.dropping} von {len(PERSONAS)} Personen lassen nach dem Abschluss nach" in result.stdout
    assert "Zeile 2: kein Ergebnis-Code" in result.stderr
    assert "Zeile 5: Code aus Version 7" in result.stderr
    assert "Zeile 10: doppelt, derselbe Code wie in Zeile 1" in result.stderr


def test_browser_team_page_shows_the_same_numbers_sorts_and_exports(page, base_url, questionnaire, pasted):
    page.goto(base_url)
    page.get_by_role("link", name="Team-Überblick").first.click()
    expect(page).to_have_url(base_url + "team/")
    ready(page, "[data-teamview]")
    page.get_by_label("Codes oder Links, eine Zeile pro Person").fill(pasted)
    page.get_by_role("button", name="Team auswerten").click()
    team = summarise(questionnaire, pasted)
    result = page.locator("[data-team-result]")
    for phase in questionnaire.phases:
        expect(result.locator(f"[data-team-averages] li[data-phase='{phase.id}']")).to_have_text(
            f"{phase.label['de']}: {decimal(team.averages[phase.id])} %")
    expect(result.locator("[data-team-dropping]")).to_have_attribute("data-team-dropping", str(team.dropping))
    for index, count in enumerate(team.bands):
        expect(result.locator(f"li[data-band='{index}']")).to_contain_text(f": {count}")
    expect(result.locator("figure svg")).to_have_count(2)
    assert result.locator("li[data-topic]").evaluate_all("items => items.map(li => li.dataset.topic)") == [t for t, _ in team.needs]
    expect(result.locator("[data-team-skipped] li")).to_have_count(4)
    expect(result.locator("[data-team-skipped] li").first).to_have_text("Zeile 2: kein Ergebnis-Code dieses Selbsttests")

    rows = result.locator("tbody tr")
    expect(rows).to_have_count(len(PERSONAS))
    result.get_by_role("button", name="Nach dem Abschluss").click()
    after_sale = [int(v) for v in rows.locator("td:nth-child(5)").all_inner_texts()]
    assert after_sale == sorted(after_sale)
    result.get_by_role("button", name="Nach dem Abschluss").click()
    assert [int(v) for v in rows.locator("td:nth-child(5)").all_inner_texts()] == sorted(after_sale, reverse=True)
    expect(result.locator("th[aria-sort='descending']")).to_have_count(1)

    with page.expect_download() as download:
        result.get_by_role("button", name="Tabelle als CSV herunterladen").click()
    path = download.value.path()
    assert open(path, encoding="utf-8", newline="").read() == to_csv(questionnaire, team, "de", WORDING["de"])
    page.requests.assert_clean()


def test_team_list_is_kept_only_when_asked_and_can_be_cleared(page, base_url, pasted):
    page.goto(base_url + "team/")
    ready(page, "[data-teamview]")
    page.get_by_label("Codes oder Links, eine Zeile pro Person").fill(pasted)
    page.get_by_role("button", name="Team auswerten").click()
    page.reload()
    ready(page, "[data-teamview]")
    expect(page.get_by_label("Codes oder Links, eine Zeile pro Person")).to_have_value("")
    page.get_by_label("Codes oder Links, eine Zeile pro Person").fill(pasted)
    page.get_by_label("Liste auf diesem Gerät behalten").check()
    page.get_by_role("button", name="Team auswerten").click()
    page.reload()
    ready(page, "[data-teamview]")
    expect(page.get_by_label("Codes oder Links, eine Zeile pro Person")).to_have_value(pasted)
    expect(page.locator("tbody tr")).to_have_count(len(PERSONAS))
    page.get_by_role("button", name="Liste löschen").click()
    expect(page.locator("[data-team-result]")).to_be_hidden()
    assert page.evaluate("localStorage.getItem('selbsttest.team')") is None
    page.requests.assert_clean()


def test_pasted_markup_is_shown_as_text(page, base_url):
    page.goto(base_url + "team/")
    ready(page, "[data-teamview]")
    page.get_by_label("Codes oder Links, eine Zeile pro Person").fill('<img src=x onerror="document.title=1"> 1-<b>x</b>')
    page.get_by_role("button", name="Team auswerten").click()
    expect(page.locator("[data-team-result]")).to_contain_text("Es ist noch kein gültiger Code dabei.")
    assert page.locator("article img, article b").count() == 0
    page.requests.assert_clean()


def test_english_team_page_uses_english_numbers_and_the_same_results(page, base_url, questionnaire, pasted):
    page.goto(base_url + "en/team/")
    ready(page, "[data-teamview]")
    page.get_by_label("Codes or links, one line per person").fill(pasted)
    page.get_by_role("button", name="Show the team").click()
    team = summarise(questionnaire, pasted)
    for phase in questionnaire.phases:
        expect(page.locator(f"[data-team-averages] li[data-phase='{phase.id}']")).to_have_text(
            f"{phase.label['en']}: {decimal(team.averages[phase.id], '.')} %")
    expect(page.locator("[data-team-skipped] li").first).to_have_text("Line 2: not a result code of this self-assessment")
    page.requests.assert_clean()
