"""The knowledge base in a real Chromium: pages, navigation, search, colour scheme, diagram."""

from __future__ import annotations

from playwright.sync_api import expect

from conftest import search


def nav_urls(page) -> list[str]:
    hrefs = page.eval_on_selector_all("nav.md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)")
    return sorted({href.split("#")[0] for href in hrefs})


def test_start_page_loads_with_both_entry_points(page, edition):
    page.goto(edition.url)
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".entry-points .md-button")).to_have_count(2)
    page.get_by_role("link", name=edition.start).click()
    expect(page).to_have_url(edition.url + "selbsttest/")
    page.requests.assert_clean()


def test_instant_navigation_by_clicking_the_menu(page, base_url):
    page.goto(base_url)
    page.locator("nav.md-nav--primary").get_by_role("link", name="Glossar").click()
    expect(page).to_have_url(base_url + "werkzeuge/glossar/")
    expect(page.locator("article h1")).to_contain_text("Glossar")
    page.requests.assert_clean()


def test_search_finds_the_referral_page(page, edition):
    word, target = edition.search
    page.goto(edition.url)
    search(page, word)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert any(href.startswith(edition.url + target) for href in hrefs), hrefs
    page.requests.assert_clean()


def test_scheme_toggle_switches_to_dark_and_back(page, base_url):
    page.emulate_media(color_scheme="light")
    page.goto(base_url)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator("[data-md-component='palette'] label:visible").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.locator("[data-md-component='palette'] label:visible").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background


def test_effort_curve_diagram_is_visible_in_both_schemes(page, edition):
    page.goto(edition.url + "leitfaden/leistungskurve/")
    chart = page.locator("figure.effort-chart svg")
    expect(chart).to_be_visible()
    column = page.locator("article").bounding_box()["width"]
    assert chart.bounding_box()["width"] >= min(0.9 * column, 500), "the diagram uses the column's width"
    expect(chart.locator(".effort-chart__label--top")).to_contain_text("100 %" if edition.language == "de" else "100%")
    # Every label lies inside the drawing: "100 %" on the y-axis was once cut at the left edge.
    width = chart.evaluate("svg => svg.viewBox.baseVal.width")
    spans = chart.locator("text").evaluate_all(
        "texts => texts.map(t => { const box = t.getBBox(); return [t.textContent, box.x, box.x + box.width] })"
    )
    cut = [text for text, left, right in spans if left < 0 or right > width]
    assert not cut, f"labels cut at the diagram's edge: {cut}"
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        line = page.locator(".effort-chart__line--average")
        stroke = line.evaluate("el => getComputedStyle(el).stroke")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert stroke not in ("none", background), (scheme, stroke)
    page.requests.assert_clean()
