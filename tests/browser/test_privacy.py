"""Nothing leaves the site: the search, the scheme toggle, a full assessment and the team overview
make requests to the site's own host only (every page: test_crawl.py), and the privacy page is
one click away."""

from __future__ import annotations

from playwright.sync_api import expect

from quiz import encode
from quiz.wording import words

from conftest import answer, ready, search
from foreign import record_foreign_requests
from personas import answers_for

DE = words("widgets", "de")


def test_no_interaction_contacts_another_host(page, edition, questionnaire):
    foreign = record_foreign_requests(page.context, edition.url)  # every page on its own: test_crawl.py
    page.goto(edition.url)
    search(page, edition.search[0])
    page.keyboard.press("Escape")
    page.locator("[data-md-component='palette'] label:visible").click()
    page.goto(edition.url + "selbsttest/")
    ready(page)
    answer(page, questionnaire, answers_for(questionnaire, "fader"), edition.language)
    expect(page.locator("[data-selfcheck-result] h2").first).to_be_visible()
    page.goto(edition.url + "team/")
    ready(page, "[data-teamview]")
    page.locator("[data-team-input]").fill(f"Anna: {encode(questionnaire, answers_for(questionnaire, 'fader'))}")
    page.get_by_role("button", name=edition.words["teamShow"]).click()
    expect(page.locator("[data-team-result] tbody tr")).to_have_count(1)
    assert foreign == []
    page.requests.assert_clean()


def test_privacy_page_is_linked_from_the_footer_and_the_assessment(page, base_url):
    page.goto(base_url + "selbsttest/")
    page.locator(".selfcheck__privacy").get_by_role("link", name=DE["privacyLink"]).click()
    expect(page).to_have_url(base_url + "datenschutz/")
    expect(page.locator("article")).to_contain_text(DE["delete"])
    page.goto(base_url + "leitfaden/druck/")
    page.locator(".md-copyright").get_by_role("link", name="Datenschutz").click()
    expect(page).to_have_url(base_url + "datenschutz/")
