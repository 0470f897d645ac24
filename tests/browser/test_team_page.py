"""Team overview in the browser: the same numbers as Python, sorting, export, the kept list, a phone."""

from __future__ import annotations

from playwright.sync_api import expect

from quiz.team import decimal, summarise, to_csv
from quiz.wording import fill, words

from conftest import ready
from personas import PERSONAS
from team_pastes import OLDER

DE = words("widgets", "de")
EN = words("widgets", "en")


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
        expect(section.locator("h2")).to_have_text(
            fill(DE["teamVersionHeading"], version=summary.version, count=summary.count)
        )
        for phase in published[summary.version].phases:
            expect(section.locator(f"[data-team-averages] li[data-phase='{phase.id}']")).to_have_text(
                fill(DE["teamAverageValue"], label=phase.label["de"], value=decimal(summary.averages[phase.id]))
            )
        for verdict, count in summary.verdicts.items():
            expect(section.locator(f"li[data-verdict='{verdict}']")).to_contain_text(f": {count} ")
        assert section.locator("li[data-facet]").evaluate_all("items => items.map(li => li.dataset.facet)") == [
            t for t, _ in summary.needs
        ]
    expect(result.locator("figure svg")).to_have_count(2 * len(team.summaries))
    expect(result.locator("[data-team-skipped] li")).to_have_count(4)
    expect(result.locator("[data-team-skipped] li").first).to_have_text(
        fill(DE["teamSkipped"], line=2, reason=DE["skipForeign"])
    )

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
            fill(EN["teamAverageValue"], label=phase.label["en"], value=decimal(latest.averages[phase.id], "."))
        )
    expect(page.locator("[data-team-skipped] li").first).to_have_text(
        fill(EN["teamSkipped"], line=2, reason=EN["skipForeign"])
    )
    page.requests.assert_clean()


def test_team_overview_fits_a_phone_and_its_csv_button_can_be_tapped(browser, base_url, questionnaire, pasted):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, locale="de-DE", service_workers="block"
    )
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
