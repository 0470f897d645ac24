"""Read a built site: pages, their links and their element ids (stdlib html.parser only)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.error import HTTPError
from urllib.parse import unquote, urlsplit
from urllib.request import urlopen

LINK_ATTRIBUTES = {"href", "src", "action", "poster", "data"}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.nav_links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for name, value in attrs:
            if name in LINK_ATTRIBUTES and value:
                self.links.append((tag, name, value))
            if name == "srcset" and value:
                self.links.extend((tag, name, part.split()[0]) for part in value.split(",") if part.strip())
        if tag == "a" and "md-nav__link" in (attributes.get("class") or "") and attributes.get("href"):
            self.nav_links.append(attributes["href"])


def built(page: str) -> str:
    """Where MkDocs writes a page: druck.md -> druck/index.html, index.md -> index.html."""
    stem = page[:-3]
    return stem + ".html" if stem == "index" or stem.endswith("/index") else stem + "/index.html"


def text_of(html: str) -> str:
    """The visible text of some HTML, blanks folded."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def resolve(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """The file a same-site href points to (None for other schemes/hosts) and its fragment."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    if not parts.path:
        return page, unquote(parts.fragment)
    base = PurePosixPath(page.relative_to(site).as_posix()).parent
    if parts.path.startswith("/"):  # root-absolute, as in 404.html: the site is served at /
        base = PurePosixPath(".")
    target = site / PurePosixPath(base, unquote(parts.path).lstrip("/"))
    target = Path(re.sub(r"/+", "/", str(target)))
    target = target.resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urlopen(url) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()
