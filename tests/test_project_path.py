"""The site works under a GitHub Pages project path such as https://USER.github.io/after-sales/."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect

from conftest import ROOT, RequestLog, ready
from editions import build_editions, failure
from personas import answers_for
from quiz import load, score
from static_server import StaticServer

PREFIX = "/after-sales/"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) and not (tag == "link" and attributes.get("rel") == "canonical"):
                self.urls.append(attributes[name])


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
            parser = Links()
            parser.feed(body.decode("utf-8"))
            pages[url] = parser
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
    parser = Links()
    parser.feed(body.decode("utf-8"))
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


def test_self_assessment_works_from_start_to_result(page, project_site):
    questionnaire = load(ROOT / "quiz" / "selbsttest.yml")
    log = RequestLog(page, project_site[: -len(PREFIX)])
    page.goto(project_site)
    page.get_by_role("link", name="Zum Selbsttest").click()
    ready(page)
    answers = answers_for(questionnaire, "classic_curve")
    for statement, answer in zip(questionnaire.statements, answers):
        page.locator(f"fieldset[data-item='{statement.id}'] input[value='{answer}']").check()
    page.get_by_role("button", name="Auswerten").click()
    expect(page.locator("[data-selfcheck-result] h2").first).to_have_text(score(questionnaire, answers).headline["de"])
    for href in page.locator("li[data-topic] a").evaluate_all("links => links.map(a => a.href)"):
        assert href.startswith(project_site) and fetch(href)[0] == 200, href
    log.assert_clean()
