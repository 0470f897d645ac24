"""The site works under a GitHub Pages project path such as https://USER.github.io/after-sales/."""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin, urlsplit

from conftest import PREFIX
from site_html import PageParser, fetch


def links_in(body: bytes) -> PageParser:
    """The page's ids, and its href/src links as .urls."""
    parser = PageParser()
    parser.feed(body.decode("utf-8"))
    parser.urls = [value for _, attribute, value in parser.links if attribute in ("href", "src")]
    return parser


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
