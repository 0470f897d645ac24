"""Team overview: the same numbers from `python -m quiz team` and from the browser's team page."""

from __future__ import annotations

from csv import reader
from io import StringIO

import pytest
from playwright.sync_api import expect

from conftest import quiz_cli, ready
from personas import PERSONAS, answers_for
from quiz import encode, load_all, score
from quiz.model import PHASE_IDS
from quiz.model import VERDICTS
from quiz.team import decimal, summarise, to_csv
from quiz.wording import fill, words

DE = words("widgets", "de")
EN = words("widgets", "en")

BAD_LINES = ["das ist kein Code", "Neuere Version: 7-ABCDEFGHJKLMNPQ", "Abgeschnitten 2-ZZZZ"]
# Names that German Excel would run as formulas (OWASP "CSV injection"), pasted for two personas.
FORMULAS = {"agree_all": '=HYPERLINK("https://example.org","Details")', "fader": "+SUM(1;2)"}
OLDER = ["classic_curve", "fader"]  # people who took version 1, pasted between the others


@pytest.fixture(scope="module")
def published():
    return load_all()


@pytest.fixture(scope="module")
def pasted(published) -> str:
    """The personas as a lead would paste them: current-version and some version-1 codes, names, links,
    bare codes, bad lines, a duplicate."""
    latest = published[max(published)]
    lines = []
    for index, persona in enumerate(sorted(PERSONAS)):
        code = encode(latest, answers_for(latest, persona))
        name = FORMULAS.get(persona) or persona.replace("_", " ").title()
        lines.append(f"{name}: http://127.0.0.1/selbsttest/#code={code}" if index % 2 else f"{name}; {code}")
    older = [f"Alt {persona}: {encode(published[1], answers_for(published[1], persona))}" for persona in OLDER]
    duplicate = lines[0]
    return "\n".join([lines[0], BAD_LINES[0], *lines[1:3], BAD_LINES[1], *older, *lines[3:], BAD_LINES[2], duplicate, ""])


def test_each_version_is_summed_up_on_its_own(published, pasted):
    team = summarise(published, pasted)
    assert [summary.version for summary in team.summaries] == [max(published), 1]
    assert len(team.members) == len(PERSONAS) + len(OLDER)
    for summary in team.summaries:
        questionnaire = published[summary.version]
        results = [m.result for m in team.members if m.result.version == summary.version]
        assert summary.count == len(results)
        for phase in PHASE_IDS:
            assert abs(summary.averages[phase] / 10 - sum(r.phases[phase] for r in results) / len(results)) <= 0.05
        assert summary.verdicts["yes"] == sum(r.verdict == "yes" for r in results)
        assert sum(summary.verdicts.values()) == len(results)
        assert set(summary.verdicts) == ({"yes", "no"} if questionnaire.method == "phase_means" else set(VERDICTS))
    assert [(skip.line, skip.reason) for skip in team.skipped] == [(2, "foreign"), (5, "newer"), (11, "damaged"), (12, "duplicate")]
    assert team.skipped[-1].detail == 1 and team.skipped[1].detail == 7


def test_the_not_clear_yet_group_is_counted_on_its_own(published):
    latest = published[max(published)]
    unclear = [persona for persona in sorted(PERSONAS) if score(latest, answers_for(latest, persona)).verdict == "unclear"]
    text = "\n".join(encode(latest, answers_for(latest, persona)) for persona in sorted(PERSONAS))
    assert summarise(published, text).summaries[0].verdicts["unclear"] == len(unclear)


def test_csv_opens_in_german_excel_and_says_the_version(published, pasted):
    csv = to_csv(published, summarise(published, pasted), "de", DE)
    assert csv.startswith(f"\ufeff{DE['teamName']};{DE['teamVersion']};Erstkontakt;")
    assert csv.endswith("\r\n") and "\n" not in csv.replace("\r\n", "")
    rows = list(reader(StringIO(csv[1:], newline=""), delimiter=";"))
    assert len(rows) == 1 + len(PERSONAS) + len(OLDER) + 2  # header, people, one average per version
    latest = str(max(published))
    assert rows[-2][:2] == [fill(DE["teamAverageVersion"], version=latest), latest]
    assert rows[-1][:2] == [fill(DE["teamAverageVersion"], version=1), "1"] and "," in rows[-1][2]
    assert sorted(row[1] for row in rows[1:-2]) == ["1"] * len(OLDER) + [latest] * len(PERSONAS)


def test_csv_defuses_names_that_excel_would_run_as_formulas(published, pasted):
    rows = list(reader(StringIO(to_csv(published, summarise(published, pasted), "de", DE)[1:], newline=""), delimiter=";"))
    names = [row[0] for row in rows[1:-2]]
    assert "'=HYPERLINK(\"https://example.org\",\"Details\")" in names and "'+SUM(1;2)" in names  # readable, inert
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)
    drop_offs = [row[6] for row in rows[1:-2]]
    assert any(value.startswith("-") for value in drop_offs), "negative numbers stay numbers"


def test_cli_says_there_is_nothing_to_evaluate_in_an_empty_file(tmp_path):
    listing = tmp_path / "team.txt"
    listing.write_text("\n  \nkein Code\n", encoding="utf-8")
    result = quiz_cli("team", listing)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == fill(words("cli", "de")["nothingToEvaluate"], file=listing)


def test_cli_prints_the_same_overview(published, pasted, tmp_path):
    listing = tmp_path / "team.txt"
    listing.write_text(pasted, encoding="utf-8")
    result = quiz_cli("team", listing)
    assert result.returncode == 0, result.stderr
    team = summarise(published, pasted)
    for summary in team.summaries:
        assert fill(DE["teamVersionHeading"], version=summary.version, count=summary.count) in result.stdout
        for phase in PHASE_IDS:
            assert f"{decimal(summary.averages[phase]):>6}" in result.stdout  # points, the unit in the heading
    assert result.stderr.splitlines() == [
        fill(DE["teamSkipped"], line=2, reason=DE["skipForeign"]),
        fill(DE["teamSkipped"], line=5, reason=fill(DE["skipNewer"], found=7, current=max(published))),
        fill(DE["teamSkipped"], line=11, reason=DE["skipDamaged"]),
        fill(DE["teamSkipped"], line=12, reason=fill(DE["skipDuplicate"], line=1)),
    ]


def test_browser_team_page_shows_each_version_sorts_and_exports(page, base_url, published, pasted):
    page.goto(base_url)
    page.get_by_role("link", name=DE["teamTitle"]).first.click()
    expect(page).to_have_url(base_url + "team/")
    ready(page, "[data-teamview]")
    page.get_by_label(DE["teamInputLabel"]).fill(pasted)
    page.get_by_role("button", name=DE["teamShow"]).click()
    team = summarise(published, pasted)
    result = page.locator("[data-team-result]")
    for summary in team.summaries:
        section = result.locator(f"[data-team-version='{summary.version}']")
        expect(section.locator("h2")).to_have_text(fill(DE["teamVersionHeading"], version=summary.version, count=summary.count))
        for phase in published[summary.version].phases:
            expect(section.locator(f"[data-team-averages] li[data-phase='{phase.id}']")).to_have_text(
                fill(DE["teamAverageValue"], label=phase.label["de"], value=decimal(summary.averages[phase.id])))
        for verdict, count in summary.verdicts.items():
            expect(section.locator(f"li[data-verdict='{verdict}']")).to_contain_text(f": {count} ")
        assert section.locator("li[data-topic]").evaluate_all("items => items.map(li => li.dataset.topic)") == \
            [t for t, _ in summary.needs]
    expect(result.locator("figure svg")).to_have_count(2 * len(team.summaries))
    expect(result.locator("[data-team-skipped] li")).to_have_count(4)
    expect(result.locator("[data-team-skipped] li").first).to_have_text(fill(DE["teamSkipped"], line=2, reason=DE["skipForeign"]))

    rows = result.locator("tbody tr")
    expect(rows).to_have_count(len(PERSONAS) + len(OLDER))
    result.get_by_role("button", name="Nach dem Abschluss").click()
    after_sale = [int(v) for v in rows.locator("td:nth-child(6)").all_inner_texts()]
    assert after_sale == sorted(after_sale)
    result.get_by_role("button", name="Nach dem Abschluss").click()
    assert [int(v) for v in rows.locator("td:nth-child(6)").all_inner_texts()] == sorted(after_sale, reverse=True)
    expect(result.locator("th[aria-sort='descending']")).to_have_count(1)

    with page.expect_download() as download:
        result.get_by_role("button", name=DE["teamCsv"]).click()
    path = download.value.path()
    assert open(path, encoding="utf-8", newline="").read() == to_csv(published, team, "de", DE)
    page.requests.assert_clean()


def test_team_list_is_kept_only_when_asked_and_can_be_cleared(page, base_url, pasted):
    page.goto(base_url + "team/")
    ready(page, "[data-teamview]")
    page.get_by_label(DE["teamInputLabel"]).fill(pasted)
    page.get_by_role("button", name=DE["teamShow"]).click()
    page.reload()
    ready(page, "[data-teamview]")
    expect(page.get_by_label(DE["teamInputLabel"])).to_have_value("")
    page.get_by_label(DE["teamInputLabel"]).fill(pasted)
    page.get_by_label(DE["teamKeep"]).check()
    page.get_by_role("button", name=DE["teamShow"]).click()
    page.reload()
    ready(page, "[data-teamview]")
    expect(page.get_by_label(DE["teamInputLabel"])).to_have_value(pasted)
    expect(page.locator("tbody tr")).to_have_count(len(PERSONAS) + len(OLDER))
    page.get_by_role("button", name=DE["teamClear"]).click()
    expect(page.locator("[data-team-result]")).to_be_hidden()
    assert page.evaluate("localStorage.getItem('selfcheck.team')") is None
    page.requests.assert_clean()


def test_pasted_markup_is_shown_as_text(page, base_url):
    page.goto(base_url + "team/")
    ready(page, "[data-teamview]")
    page.get_by_label(DE["teamInputLabel"]).fill('<img src=x onerror="document.title=1"> 1-<b>x</b>')
    page.get_by_role("button", name=DE["teamShow"]).click()
    expect(page.locator("[data-team-result]")).to_contain_text(DE["teamEmpty"])
    assert page.locator("article img, article b").count() == 0
    page.requests.assert_clean()


def test_english_team_page_uses_english_numbers_and_the_same_results(page, base_url, published, pasted):
    page.goto(base_url + "en/team/")
    ready(page, "[data-teamview]")
    page.get_by_label(EN["teamInputLabel"]).fill(pasted)
    page.get_by_role("button", name=EN["teamShow"]).click()
    latest = summarise(published, pasted).summaries[0]
    section = page.locator(f"[data-team-version='{latest.version}']")
    for phase in published[latest.version].phases:
        expect(section.locator(f"[data-team-averages] li[data-phase='{phase.id}']")).to_have_text(
            fill(EN["teamAverageValue"], label=phase.label["en"], value=decimal(latest.averages[phase.id], ".")))
    expect(page.locator("[data-team-skipped] li").first).to_have_text(fill(EN["teamSkipped"], line=2, reason=EN["skipForeign"]))
    page.requests.assert_clean()


def test_team_overview_fits_a_phone_and_its_csv_button_can_be_tapped(browser, base_url, questionnaire, pasted):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, locale="de-DE", service_workers="block")
    page = context.new_page()
    try:
        long_name = "Maximiliane Hohenzollern-Sigmaringen-Ausdauernd"
        page.goto(base_url + "team/")
        ready(page, "[data-teamview]")
        page.get_by_label(DE["teamInputLabel"]).fill(pasted.replace("Classic Curve", long_name))
        page.get_by_role("button", name=DE["teamShow"]).click()
        expect(page.locator("[data-team-result] tbody tr")).to_have_count(len(PERSONAS) + len(OLDER))
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        button = page.get_by_role("button", name=DE["teamCsv"])
        button.scroll_into_view_if_needed()
        covered = button.evaluate("""button => { const box = button.getBoundingClientRect()
            const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
            return top === button || button.contains(top) ? null : (top && top.outerHTML.slice(0, 120)) }""")
        assert covered is None, f"the CSV button is covered by {covered}"
        with page.expect_download() as download:
            button.tap()
        assert download.value.suggested_filename == "team.csv"
    finally:
        context.close()
