"""Nothing leaves the site: every page of both editions, the search, the scheme toggle, a full
assessment and the team overview make requests to the site's own host only, and the privacy
page is one click away."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import expect

from conftest import answer, ready, search
from personas import answers_for
from quiz import encode
from quiz.wording import words

DE = words("widgets", "de")


def record_foreign_requests(context, base_url) -> list[str]:
    """Every request to another host is recorded and aborted, so none can slip through."""
    origin = urlsplit(base_url).netloc
    foreign = []

    def check(route):
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != origin:
            foreign.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", check)
    return foreign


def test_no_page_and_no_interaction_contacts_another_host(page, edition, questionnaire):
    foreign = record_foreign_requests(page.context, edition.url)
    page.goto(edition.url)
    urls = sorted({href.split("#")[0] for href in page.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)")})
    for url in urls + [edition.url + "404.html"]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        expect(page.locator(".md-copyright a[href$='datenschutz/']")).to_be_visible()
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
    page.wait_for_load_state("networkidle")
    assert len(urls) >= 15
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
