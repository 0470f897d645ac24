"""Each edition speaks its own language: no sentence of the other language's catalogue
(quiz/wording.yml) in a page's visible text or in its title, aria-label, placeholder or alt
attributes. German terms the English edition uses on purpose (law names, Widerruf, Rücktritt)
are marked lang="de"; exactly those elements (and what they contain) are skipped.

Which catalogue strings count: the text of a key whose two languages differ, cut at its {placeholders};
a piece counts when it has at least two words and 12 characters and does not occur in any text of the
other language (so "E-Mail", "Agenda", numbers and names that are the same in both never count)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quiz.wording import catalogue
from scripts.editions import EDITIONS

ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN = {"script", "style", "template"}
PLACEHOLDER = re.compile(r"\{\w+\}")


def telltales(language: str, other: str) -> set[str]:
    """Pieces of ``language``'s catalogue that would be out of place in ``other``'s edition."""
    texts = [(group[language][key], group[other][key]) for group in catalogue().values() for key in group[language]]
    others = " ".join(theirs for _, theirs in texts)
    found = set()
    for ours, theirs in texts:
        if ours == theirs:
            continue
        for piece in PLACEHOLDER.split(ours):
            piece = " ".join(piece.split()).strip(" .,:;–-")
            if len(piece) >= 12 and len(piece.split()) >= 2 and piece not in others:
                found.add(piece)
    return found


class Visible(HTMLParser):
    """A page's visible text and reader-facing attributes, without elements marked lang=SKIP."""

    def __init__(self, skip: str):
        super().__init__()
        self.skip_language = skip
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.parts: list[str] = []

    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = self.skipping() or tag in HIDDEN or (attributes.get("lang") or "").split("-")[0] == self.skip_language
        if not skipped:
            self.parts += [attributes[name] for name in ATTRIBUTES if attributes.get(name)]
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if not self.skipping():
            self.parts.append(data)

    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def edition_pages(site: Path, language: str) -> list[Path]:
    root = site / EDITIONS[language][1]
    others = [site / folder for lang, (_, folder) in EDITIONS.items() if lang != language and folder]
    return [page for page in sorted(root.rglob("*.html")) if not any(folder in page.parents for folder in others)]


def foreign_strings(site: Path, language: str) -> list[str]:
    """Every occurrence of a catalogue piece of the other language in ``language``'s edition, with its page."""
    other = next(lang for lang in EDITIONS if lang != language)
    pieces = telltales(other, language)
    found = []
    for page in edition_pages(site, language):
        parser = Visible(skip=other)
        parser.feed(page.read_text(encoding="utf-8"))
        text = parser.text()
        found += [f"{page.relative_to(site)}: {piece!r}" for piece in sorted(pieces) for _ in range(text.count(piece))]
    return found


@pytest.mark.parametrize("language", EDITIONS)
def test_no_page_shows_a_sentence_of_the_other_languages_catalogue(site_dir, language):
    found = foreign_strings(site_dir, language)
    assert not found, f"{len(found)} foreign catalogue strings:\n" + "\n".join(found[:40])


def test_the_check_sees_attributes_and_skips_exactly_the_marked_elements():
    german = telltales("de", "en")
    assert "Link zu diesem Abschnitt" in german and "E-Mail" not in german
    parser = Visible(skip="de")
    parser.feed(
        '<h2>Title<a class="headerlink" href="#t" title="Link zu diesem Abschnitt">¶</a></h2>'
        '<p>The <span lang="de">Impressum: Link zu diesem Abschnitt</span> term.</p><img alt="Ein Bild">'
    )
    assert "Link zu diesem Abschnitt" in parser.text() and "Ein Bild" in parser.text()
    assert "Impressum" not in parser.text() and parser.text().count("Link zu diesem Abschnitt") == 1
