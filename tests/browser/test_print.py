"""Printed in Chromium on A4, in both editions: the trainers' handout (at most four pages, body text at
10 pt or more, no heading as the last line of a page, no navigation), the consent kit on one page and
the templates page within the pages it promises."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

HANDOUT = "werkzeuge/handout/"
MIN_BODY_PX = 10 * 96 / 72  # 10 pt in CSS pixels
# Every element that carries running text on the handout.
BODY_TEXT = "article :is(p, li, td, th, dd, dt, .admonition-title)"
# Pages each print promises in its own words ("auf einer A4-Seite", "höchstens vier A4-Blätter").
PROMISED = {"werkzeuge/einwilligung/": (1, 1), "werkzeuge/zusagen-uebergabe/": (1, 4), HANDOUT: (1, 4)}


def printed(page, url: str) -> bytes:
    page.goto(url)
    page.emulate_media(media="print")
    expect(page.locator("article h1")).to_be_visible()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        for element in page.locator(chrome).all():
            expect(element).to_be_hidden()
    return page.pdf(format="A4")


def printed_as_is(page) -> bytes:
    """The current page, as it stands, printed on A4."""
    page.emulate_media(media="print")
    return page.pdf(format="A4")


def bottom_lines(pdf: bytes) -> list[str]:
    """The lowest line of text on each page but the last, from the PDF's text positions."""
    lines = []
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    for sheet in pages[:-1]:
        parts: list[tuple[float, str]] = []

        def visit(text, cm, tm, font, size, parts=parts):
            if text.strip():
                parts.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))  # y of the text on the page

        sheet.extract_text(visitor_text=visit)
        lowest = min(y for y, _ in parts)
        lines.append(" ".join(text for y, text in parts if abs(y - lowest) < 2))
    return lines


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("¶", "")).strip()


def stranded_headings(page, pdf: bytes) -> list[str]:
    """Headings (or a heading's first or last line) that end a page."""
    headings = [fold(text) for text in page.locator("article :is(h1, h2, h3)").all_inner_texts()]
    found = []
    for line in map(fold, bottom_lines(pdf)):
        found += [heading for heading in headings if line and (heading.startswith(line) or heading.endswith(line))]
    return found


@pytest.mark.parametrize("path", PROMISED)
def test_each_print_keeps_to_the_pages_it_promises(page, edition, path):
    pdf = printed(page, edition.url + path)
    fewest, most = PROMISED[path]
    count = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert fewest <= count <= most, f"{path} prints on {count} A4 pages, promised {fewest}–{most}"


def test_the_handout_prints_readable_text_and_no_heading_ends_a_page(page, edition):
    pdf = printed(page, edition.url + HANDOUT)
    sizes = page.locator(BODY_TEXT).evaluate_all(
        "elements => elements.filter(e => e.offsetParent !== null && e.innerText.trim())"
        ".map(e => [e.innerText.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)])"
    )
    assert len(sizes) > 30, "the handout has its text"
    small = [(text, size) for text, size in sizes if size < MIN_BODY_PX - 0.01]
    assert not small, f"text below 10 pt on paper: {small[:5]}"
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) >= 2, "the check below needs a page break to look at"
    assert stranded_headings(page, pdf) == []


def test_the_heading_check_finds_a_heading_left_at_the_foot_of_a_page(page, base_url):
    page.goto(base_url + HANDOUT)
    heading = page.locator("article h3").first
    page.add_style_tag(content="article h3:first-of-type { break-after: page !important; }")
    pdf = printed_as_is(page)
    assert fold(heading.inner_text()) in stranded_headings(page, pdf)
