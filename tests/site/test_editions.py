"""German at the root, English under /en/: the same pages, the same anchors, one questionnaire."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EDITIONS, ROOT
from site_html import built, parse

DOCS = {"de": ROOT / "docs", "en": ROOT / "docs-en"}


def pages(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}


def test_every_page_exists_in_both_editions():
    german, english = pages(DOCS["de"]), pages(DOCS["en"])
    assert german == english, f"only German: {sorted(german - english)}; only English: {sorted(english - german)}"


@pytest.mark.parametrize("doc", sorted(pages(ROOT / "docs")))
def test_headings_and_anchors_line_up(site_dir, doc):
    german, english = site_dir / built(doc), site_dir / "en" / built(doc)

    def heading_ids(path: Path) -> list[str]:
        return re.findall(r'<h[1-3] id="([^"]+)"', path.read_text(encoding="utf-8"))

    def article_links(path: Path) -> set[str]:
        html = path.read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        return set(re.findall(r'<a [^>]*href="([^"]+)"', article))

    assert heading_ids(german) == heading_ids(english)
    assert article_links(german) == article_links(english)


@pytest.mark.parametrize("language", EDITIONS)
def test_404_and_privacy_pages_exist_in_both_editions(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    not_found = (root / "404.html").read_text(encoding="utf-8")
    assert ("Diese Seite gibt es nicht" if language == "de" else "This page does not exist") in not_found
    privacy = parse(root / "datenschutz" / "index.html")
    assert {"was-gespeichert-wird", "daten-loeschen"} <= privacy.ids
