"""The two editions in the browser: the language selector keeps the reader on the same page, and a
share link shows the same result in either language."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from quiz import encode, score

from conftest import EDITIONS
from personas import answers_for


@pytest.mark.parametrize("path", ["", "leitfaden/druck/", "werkzeuge/glossar/", "selbsttest/", "datenschutz/"])
def test_language_selector_keeps_the_reader_on_the_same_page(page, base_url, path):
    page.goto(base_url + path)
    page.locator(".md-select__link[hreflang='en']").evaluate("link => link.click()")
    expect(page).to_have_url(base_url + "en/" + path)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.wait_for_load_state()  # the selector points at the same page once the page's scripts have run
    page.locator(".md-select__link[hreflang='de']").evaluate("link => link.click()")
    expect(page).to_have_url(base_url + path)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    page.requests.assert_clean()


def test_language_selector_follows_instant_navigation(page, base_url):
    page.goto(base_url + "en/")
    page.locator("nav.md-nav--primary").get_by_role("link", name="Glossary").click()
    expect(page).to_have_url(base_url + "en/werkzeuge/glossar/")
    page.locator(".md-select__link[hreflang='de']").evaluate("link => link.click()")
    expect(page).to_have_url(base_url + "werkzeuge/glossar/")
    page.requests.assert_clean()


@pytest.mark.parametrize("source, target", [("de", "en"), ("en", "de")])
def test_a_share_link_shows_the_same_result_in_the_other_language(page, base_url, source, target, questionnaire):
    answers = answers_for(questionnaire, "classic_curve")
    code = encode(questionnaire, answers)
    page.goto(base_url + EDITIONS[target][1] + f"selbsttest/#code={code}")
    expected = score(questionnaire, answers)
    expect(page.locator("[data-selfcheck-result] h2").first).to_have_text(expected.headline[target])
    profile = next(p for p in questionnaire.profiles if p.id == expected.profile)
    expect(page.locator("[data-selfcheck-result] [data-profile]")).to_contain_text(profile.title[target])
    page.requests.assert_clean()
