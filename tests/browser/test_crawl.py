"""One crawl per edition and colour scheme: every page in the navigation, and the 404 page, loads
with status 200, its title and the footer's privacy link, makes no request to another host, throws
no script error, and axe-core (WCAG 2.1 A and AA) finds nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from axe import prefer_scheme, violations
from foreign import record_foreign_requests

MIN_PAGES = 16  # every page of the navigation (the 404 page comes on top)


def nav_urls(page, edition_url: str) -> list[str]:
    page.goto(edition_url)
    hrefs = page.eval_on_selector_all("nav.md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)")
    return sorted({href.split("#")[0] for href in hrefs})


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_page_loads_cleanly_stays_on_the_site_and_has_no_axe_violation(page, edition, scheme):
    foreign = record_foreign_requests(page.context, edition.url)
    prefer_scheme(page, scheme)
    urls = nav_urls(page, edition.url)
    assert len(urls) >= MIN_PAGES and all(url.startswith(edition.url) for url in urls), urls
    problems = []
    for url in [*urls, edition.url + "404.html"]:
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("load")  # every script and stylesheet of the page has arrived
        expect(page.locator("article h1")).to_be_visible()
        expect(page.locator(".md-copyright a[href$='datenschutz/']")).to_be_visible()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
        problems += [f"{url}: {problem}" for problem in violations(page)]
    assert not problems, "\n".join(problems)
    assert foreign == []
    page.requests.assert_clean()
