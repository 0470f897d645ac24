"""Under a GitHub Pages project path (/after-sales/) in the browser: the 404 page is styled and the
self-assessment works from the start page to a result."""

from __future__ import annotations

from playwright.sync_api import expect

from quiz import score
from scripts.browser import RequestLog

from conftest import PREFIX, answer, ready
from personas import answers_for
from site_html import fetch


def test_404_page_looks_styled_in_the_browser(page, project_site):
    log = RequestLog(page, project_site[: -len(PREFIX)])
    page.goto(project_site + "irgendwo/")
    expect(page.locator("h1")).to_have_text("Diese Seite gibt es nicht")
    expect(page.locator(".md-header")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.get_by_role("link", name="Zum Selbsttest").click()
    expect(page).to_have_url(project_site + "selbsttest/")
    assert log.failed == [f"{project_site}irgendwo/ (HTTP 404)"], "only the missing page itself may fail"
    assert not log.foreign and not log.errors


def test_self_assessment_works_from_start_to_result(page, project_site, questionnaire):
    log = RequestLog(page, project_site[: -len(PREFIX)])
    page.goto(project_site)
    page.get_by_role("link", name="Zum Selbsttest").click()
    ready(page)
    answers = answers_for(questionnaire, "classic_curve")
    answer(page, questionnaire, answers)
    expect(page.locator("[data-selfcheck-result] h2").first).to_have_text(score(questionnaire, answers).headline["de"])
    for href in page.locator("li[data-facet] a").evaluate_all("links => links.map(a => a.href)"):
        assert href.startswith(project_site) and fetch(href)[0] == 200, href
    log.assert_clean()
