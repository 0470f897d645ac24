"""Language faults an editor fixed stay fixed: German idiom errors, English calques and number style.

Fast and without a browser: reads the Markdown sources, the diagram snippets and the built English
pages. The conventions behind it are in README.md, "Notes for authors".
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import ROOT
from site_html import html_pages

GERMAN = sorted((ROOT / "docs").rglob("*.md")) + [ROOT / "includes" / "leistungskurve.html"]
ENGLISH = sorted((ROOT / "docs-en").rglob("*.md")) + [ROOT / "includes" / "leistungskurve.en.html"]

# Phrases a careful German editor struck: wrong idiom, wrong preposition, wrong grammar, a
# statement of fact where the guide makes a demand.
GERMAN_FAULTS = [
    "in der linken Spalte",                    # the figures are in the column "Durchschnitt"
    "Sie müssen nur erinnern",                 # erinnern needs an object
    "für den Kunden drücken",                  # drücken is not "to push for"
    "arbeiten sich bis zur Unterschrift hoch",  # sich hocharbeiten is a career
    "Lassen Sie nach dem Abschluss nach",
    "lässt er nach dem Abschluss nicht nach",
    "Ein Bedenken",                            # die Bedenken, plural only
    "braucht einen Haken",                     # a Haken is a catch
    "Charakter wächst mit dem Kontostand",     # chapter 7 demands it: it must grow
    "Mindset plus Skills",
    "in Ihrem Unternehmerstammtisch",          # am Stammtisch
    "über den Kopf wächst",                    # tasks grow over one's head, premiums do not
    "fester Dateien",                          # statische Dateien
    "wenn Sie ausdrücklich wählen",
    "Skripte und Stile",                       # Stylesheets
]
# Calques and defects in the English edition.
ENGLISH_FAULTS = [
    "the chemistry is right", "smell the order", "steer against", "fixed contacts", "conversation aid",
    "conversation guide", "mindset plus skills", "12 noon",
]
DAY_RANGE = re.compile(r"\bDays? \d+\s*[–-]\s*\d+\b")
SPACED_PERCENT = re.compile(r"\d[ \u00a0\u202f]%")
GENDER_SIGNS = re.compile(r"\w(?:\*|:|_|/-?)innen\b|[a-zäöüß]Innen\b")


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def shown_text(path: Path) -> str:
    """The words of a built page a reader sees: markup, scripts and styles removed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", text_of(path), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module")
def english_pages(site_dir) -> dict[str, str]:
    return {path.relative_to(site_dir).as_posix(): shown_text(path) for path in html_pages(site_dir / "en")}


def test_german_faults_stay_fixed():
    found = [f"{path.relative_to(ROOT)}: {phrase!r}" for path in GERMAN for phrase in GERMAN_FAULTS
             if phrase.lower() in text_of(path).lower()]
    assert not found, "\n".join(found)


def test_german_uses_no_gender_signs_and_keeps_its_number_style():
    signs = [f"{path.relative_to(ROOT)}: {match}" for path in GERMAN
             for match in GENDER_SIGNS.findall(text_of(path))]
    assert not signs, "pair forms or neutral words instead (README.md, Notes for authors):\n" + "\n".join(signs)
    unspaced = [f"{path.relative_to(ROOT)}: {match}" for path in GERMAN
                for match in re.findall(r"\S*\d%", text_of(path))]
    assert not unspaced, "German writes a space before %: " + ", ".join(unspaced)


@pytest.mark.parametrize("where", ["sources", "built pages"])
def test_english_has_no_calques_day_ranges_or_spaced_percentages(where, request):
    texts = ({str(path.relative_to(ROOT)): text_of(path) for path in ENGLISH} if where == "sources"
             else request.getfixturevalue("english_pages"))
    found = []
    for name, text in texts.items():
        found += [f"{name}: {phrase!r}" for phrase in ENGLISH_FAULTS if phrase in text.lower()]
        found += [f"{name}: {match!r} (write 'the first two days', 'days 31 to 90')"
                  for match in DAY_RANGE.findall(text)]
        found += [f"{name}: {match!r} (English writes 70%)" for match in SPACED_PERCENT.findall(text)]
    assert not found, "\n".join(found)


def test_english_names_the_phase_after_the_close_one_way():
    found = [f"{path.relative_to(ROOT)}: {match!r}" for path in ENGLISH
             for match in re.findall(r"(?i)\bafter the sale\b|\bpost-sale\b|\bafter-sale phase\b", text_of(path))]
    assert not found, "say 'after the close': " + ", ".join(found)
