"""German at the root, English under /en/: the same pages, the same anchors, one questionnaire."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import EDITIONS, ROOT
from personas import answers_for
from quiz import encode, score
from site_html import built, parse

DOCS = {"de": ROOT / "docs", "en": ROOT / "docs-en"}


def pages(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}


def test_every_page_exists_in_both_editions():
    german, english = pages(DOCS["de"]), pages(DOCS["en"])
    assert german == english, f"only German: {sorted(german - english)}; only English: {sorted(english - german)}"


@pytest.mark.parametrize("page", sorted(pages(ROOT / "docs")))
def test_headings_and_anchors_line_up(site_dir, page):
    german, english = site_dir / built(page), site_dir / "en" / built(page)

    def heading_ids(path: Path) -> list[str]:
        return re.findall(r'<h[1-3] id="([^"]+)"', path.read_text(encoding="utf-8"))

    def article_links(path: Path) -> set[str]:
        html = path.read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        return set(re.findall(r'<a [^>]*href="([^"]+)"', article))

    assert heading_ids(german) == heading_ids(english)
    assert article_links(german) == article_links(english)


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


@pytest.mark.parametrize("language", EDITIONS)
def test_404_and_privacy_pages_exist_in_both_editions(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    not_found = (root / "404.html").read_text(encoding="utf-8")
    assert ("Diese Seite gibt es nicht" if language == "de" else "This page does not exist") in not_found
    privacy = parse(root / "datenschutz" / "index.html")
    assert {"was-gespeichert-wird", "daten-loeschen"} <= privacy.ids
