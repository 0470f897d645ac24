"""The site works under a GitHub Pages project path such as https://USER.github.io/after-sales/."""

from __future__ import annotations

from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect

from conftest import answer, ready
from scripts.browser import RequestLog
from scripts.editions import build_editions, failure
from personas import answers_for
from site_html import PageParser
from quiz import score
from quiz.wording import words
from scripts.static_server import StaticServer

DE = words("widgets", "de")

PREFIX = "/after-sales/"


def links_in(body: bytes) -> PageParser:
    """The page's ids, and its href/src links as .urls."""
    parser = PageParser()
    parser.feed(body.decode("utf-8"))
    parser.urls = [value for _, attribute, value in parser.links if attribute in ("href", "src")]
    return parser


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urlopen(url) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("project-site")
    server = StaticServer(site, PREFIX).start()  # the port must be known before the build
    problem = failure(build_editions(site, server.url))
    assert problem is None, problem
    yield server.url
    server.shutdown()


def test_crawl_finds_no_broken_link_asset_or_anchor(project_site):
    origin = project_site[: -len(PREFIX)]
    pages, queue, checked, broken = {}, [project_site], set(), []
    while queue:
        url = queue.pop()
        if url in checked:
            continue
        checked.add(url)
        status, kind, body = fetch(url)
        if status != 200:
            broken.append(f"{url}: HTTP {status}")
            continue
        if kind.startswith("text/html"):
            parser = pages[url] = links_in(body)
            for link in parser.urls:
                absolute = urljoin(url, link)
                if absolute.startswith(origin):
                    if not urlsplit(absolute).path.startswith(PREFIX):
                        broken.append(f"{url}: {link} leaves the project path")
                    queue.append(urldefrag(absolute)[0])
    for url, parser in pages.items():
        for link in parser.urls:
            target, fragment = urldefrag(urljoin(url, link))
            if fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{url}: {link}: no such anchor")
    assert not broken, "\n".join(broken)
    assert len(pages) >= 2 * 16  # both editions: the language selector links them


def test_unknown_address_shows_the_german_404_page_with_working_assets(project_site):
    status, _, body = fetch(project_site + "gibt/es/nicht/")
    assert status == 404
    parser = links_in(body)
    assert "Diese Seite gibt es nicht" in body.decode("utf-8")
    for link in parser.urls:
        absolute = urljoin(project_site + "gibt/es/nicht/", link)
        if absolute.startswith(project_site):
            assert fetch(urldefrag(absolute)[0])[0] == 200, link


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
