"""Heading anchors keep their letters: ä→ae, ö→oe, ü→ue, ß→ss (hooks/anchors.py), never a dropped one.

Python-Markdown's own slug turns "Maß" into "ma" and "Gespräch" into "gesprach"; a link to such an
anchor reads wrong and breaks as soon as someone fixes it. These tests read the built German edition
(the English one shares its ids, tests/site/test_editions.py) and the hook's slug function.
"""

from __future__ import annotations

import html
import re

import pytest
from markdown.extensions.toc import slugify as lossy_slugify
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from hooks.anchors import on_config, slugify

from conftest import EDITIONS, ROOT
from site_html import html_pages

HEADING = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
SPECIAL = re.compile(r"[äöüÄÖÜß]")


@pytest.mark.parametrize(
    "text, anchor",
    [
        ("Druck machen – mit Maß", "druck-machen-mit-mass"),
        ("Klar abschließen ist Pflicht", "klar-abschliessen-ist-pflicht"),
        ("Die Zahlen im Überblick", "die-zahlen-im-ueberblick"),
        ("Was Sie morgen anders machen können", "was-sie-morgen-anders-machen-koennen"),
        ("Tag 31–90", "tag-31-90"),
    ],
)
def test_the_slug_transliterates_german_letters(text, anchor):
    assert slugify(text, "-") == anchor


def test_the_hook_sets_the_slug_and_names_a_missing_toc_extension():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert on_config(config).mdx_configs["toc"]["slugify"] is slugify
    config.markdown_extensions.remove("toc")
    with pytest.raises(PluginError) as error:
        on_config(config)
    assert str(error.value) == (
        "mkdocs.yml: markdown_extensions: hooks/anchors.py needs the 'toc' extension, but it is missing"
    )


def german_headings(site_dir):
    other = [site_dir / folder for language, (_, folder) in EDITIONS.items() if language != "de" and folder]
    for page in html_pages(site_dir):
        if any(folder in page.parents for folder in other):
            continue
        for _, anchor, inner in HEADING.findall(page.read_text(encoding="utf-8")):
            text = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip().rstrip("¶").strip()
            yield page.relative_to(site_dir).as_posix(), anchor, text


def test_no_heading_anchor_drops_a_letter(site_dir):
    broken = []
    for page, anchor, text in german_headings(site_dir):
        parts = anchor.split("-")
        for word in re.findall(r"\w+", text):
            lossy, kept = lossy_slugify(word, "-"), slugify(word, "-")
            if SPECIAL.search(word) and lossy != kept and lossy in parts:
                broken.append(f"{page}: #{anchor} for {text!r} has {lossy!r} where {kept!r} belongs")
    assert not broken, "\n".join(broken)


def test_headings_with_sharp_s_keep_it_as_ss(site_dir):
    anchors = {(page, anchor) for page, anchor, _ in german_headings(site_dir)}
    assert ("leitfaden/druck/index.html", "druck-machen-mit-mass") in anchors
    assert ("leitfaden/druck/index.html", "klar-abschliessen-ist-pflicht") in anchors
    derived = [
        (page, anchor, text)
        for page, anchor, text in german_headings(site_dir)
        if "ß" in text and anchor == slugify(text, "-")
    ]
    assert derived and all("ss" in anchor for _, anchor, _ in derived)
