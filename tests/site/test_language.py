"""Language faults an editor fixed stay fixed: German idiom errors, English calques and number style.

Fast and without a browser: reads the Markdown sources, the diagram snippets and the built English
pages. The conventions behind it are in README.md, "Notes for authors".
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

import quiz
import quiz.wording

from conftest import ROOT
from site_html import html_pages

GERMAN = sorted((ROOT / "docs").rglob("*.md")) + [ROOT / "includes" / "leistungskurve.html"]
ENGLISH = sorted((ROOT / "docs-en").rglob("*.md")) + [ROOT / "includes" / "leistungskurve.en.html"]

# Phrases a careful German editor struck: wrong idiom, wrong preposition, wrong grammar, a
# statement of fact where the guide makes a demand.
GERMAN_FAULTS = [
    "in der linken Spalte",  # the figures are in the column "Durchschnitt"
    "Sie müssen nur erinnern",  # erinnern needs an object
    "für den Kunden drücken",  # drücken is not "to push for"
    "arbeiten sich bis zur Unterschrift hoch",  # sich hocharbeiten is a career
    "Lassen Sie nach dem Abschluss nach",
    "lässt er nach dem Abschluss nicht nach",
    "Ein Bedenken",  # die Bedenken, plural only
    "braucht einen Haken",  # a Haken is a catch
    "Charakter wächst mit dem Kontostand",  # chapter 7 demands it: it must grow
    "Mindset plus Skills",
    "in Ihrem Unternehmerstammtisch",  # am Stammtisch
    "über den Kopf wächst",  # tasks grow over one's head, premiums do not
    "fester Dateien",  # statische Dateien
    "wenn Sie ausdrücklich wählen",
    "Skripte und Stile",  # Stylesheets
]
# Calques and defects in the English edition.
ENGLISH_FAULTS = [
    "the chemistry is right",
    "smell the order",
    "steer against",
    "fixed contacts",
    "conversation aid",
    "conversation guide",
    "mindset plus skills",
    "12 noon",
]
# Faults from the review of 2026-12-03 (issue 18), as patterns. Each pattern comes with a sentence it
# must catch, so a pattern that can no longer fail is noticed (test_each_fault_pattern_catches_its_example).
GERMAN_PATTERNS = {
    r"\bKundschaft\b": "Sprechen Sie mit Ihrer Kundschaft.",  # README: too casual for B2B
    r"\bPipeline\b": "Das füllt die Pipeline.",
    r"\bRanking\b": "Sie stehen im Ranking oben.",  # the site says Rangliste
    r"\bMancher würde\b": "Mancher würde auf die Hotline verweisen.",  # generic masculine
    r"\bhat er festen Boden\b": "Und wenn doch, hat er festen Boden unter den Füßen.",
    r"\bkennt jeder\b": "Im Vertrieb kennt jeder solche Fälle.",
    r"\bWas der Verkäufer erlebt\b": "## Was der Verkäufer erlebt",
    r"\bhalb entschieden\b": "Er hat sich schon halb entschieden.",  # claims the article never made
    r"\bVerkaufszyklen\b": "Das verkürzt die Verkaufszyklen.",
    r"\bmehr (?:lohnt )?als jede Kaltakquise\b": "warum sich die Mühe mehr lohnt als jede Kaltakquise",
    r"\bkaum noch etwas\b": "Danach oft kaum noch etwas.",
    r"\bMeinung gefestigt\b": "Danach ist die Meinung gefestigt.",
    r"≈\s*30\s*%|auf etwa 30\s*%|bei 30\s*%|rund 30 Prozent": "Einsatz danach auf etwa 30 %.",
    r"erkennt sich meist in der Spalte": "Wer das sieht, erkennt sich meist in der Spalte „Durchschnitt“ wieder.",
    r"\bweder Einwilligung noch\b": "So brauchen Sie weder Einwilligung noch fremde Daten.",
    r"\[und die Widerrufsbelehrung\] finden Sie im Anhang": "Ihre Unterlagen [und die Widerrufsbelehrung] finden Sie im Anhang.",
    r"\bVersicherungsberater in\b": "Ein Versicherungsberater in Münster vermittelt eine Polizze.",  # § 34d GewO
    r"\b28 Aussagen\b": "28 Aussagen, etwa fünf Minuten",  # the count comes from the questionnaire
}
ENGLISH_PATTERNS = {
    r"Orientation, not legal advice": "Orientation, not legal advice.",
    r"\bpercent\b": "about 70 percent",  # British: per cent
    r"occupational disability insurance": "takes out occupational disability insurance",
    r"\bIf no\s*[,.;]": "If yes, go ahead. If no, take a step back.",
    r"\bshow (?:him|her|them|you) round the\b": "to show her round the system's app",
    r"\bsales people\b": "a guide for sales people",
    r"\bAfter Close\b": "After Close",  # the app's name
    r"(?i)\be-mail": "Send an e-mail.",  # one spelling: email
    r"(?i)\bsales ?person\b|\bsaleswoman\b|\bsalesman\b|\btop sellers?\b|\baverage seller\b": "The salesperson and the top sellers",  # one term: sales rep
    r"(?i)\bdropping off\b": "Dropping off after the close",  # the assessment's drop-off is measured
    r"Complaint\n:\s+A customer's complaint": "Complaint\n:   A customer's complaint after the purchase",
    r"\b(?:didn't|did not) (?:reply|respond|answer)\b[^.\"]*\buntil\b": "I didn't reply to questions until the next working day or later.",
    r"\bon the business park\b": "the other firms on the business park",
    r"(?i)\bhalf made up their mind|\bshortens sales cycles|more than any cold call": "more than any cold call",
    r"(?i)next to nothing after|about 30\s?%|around 30 per ?cent|maybe 30%": "often next to nothing after that",
    r"\bAfter that, it sticks\b": "After that, it sticks.",
    r"(?i)recognise themselves in the \"Average\" column": 'Most reps recognise themselves in the "Average" column.',
    r"(?i)few things bind a customer|more than one who never had a problem|strengthens the relationship more": "Few things bind a customer to you as strongly as a problem solved well.",
    r"\b28 statements\b": "28 statements, about five minutes",
}
# The German and English texts kept as data: questionnaires, interface wording, legal notes, follow-up plan.
DATA = [*quiz.definitions(), quiz.wording.CATALOGUE, *sorted((ROOT / "includes").glob("*.yml"))]


def data_texts(language: str) -> dict[str, str]:
    """Each data file's texts in one language, joined: the values of mappings with 'de' and 'en'."""

    def texts(node):
        if isinstance(node, dict):
            if isinstance(node.get("de"), str) and isinstance(node.get("en"), str):
                return [node[language]]
            return [text for value in node.values() for text in texts(value)]
        if isinstance(node, list):
            return [text for value in node for text in texts(value)]
        return []

    return {
        f"{path.relative_to(ROOT)} ({language})": "\n".join(texts(yaml.safe_load(path.read_text(encoding="utf-8"))))
        for path in DATA
    }


def faults(texts: dict[str, str], patterns: dict[str, str]) -> list[str]:
    return [
        f"{name}: {match.group(0)!r}"
        for name, text in texts.items()
        for pattern in patterns
        for match in re.finditer(pattern, text)
    ]


DAY_RANGE = re.compile(r"\bDays? \d+\s*[–-]\s*\d+\b")
SPACED_PERCENT = re.compile(r"\d[ \u00a0\u202f]%")
GENDER_SIGNS = re.compile(r"\w(?:\*|:|_|/-?)innen\b|[a-zäöüß]Innen\b")


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def without_attributes(markdown: str) -> str:
    """Markdown without its attribute lists: a heading id such as {#nachweis-e-mail} is shared with the
    German edition and never shown."""
    return re.sub(r"\{[#.:][^}\n]*\}", " ", markdown)


def shown_text(path: Path) -> str:
    """The words of a built page a reader sees: markup, scripts and styles removed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", text_of(path), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module")
def english_pages(site_dir) -> dict[str, str]:
    return {path.relative_to(site_dir).as_posix(): shown_text(path) for path in html_pages(site_dir / "en")}


def test_german_faults_stay_fixed():
    found = [
        f"{path.relative_to(ROOT)}: {phrase!r}"
        for path in GERMAN
        for phrase in GERMAN_FAULTS
        if phrase.lower() in text_of(path).lower()
    ]
    assert not found, "\n".join(found)


def test_german_uses_no_gender_signs_and_keeps_its_number_style():
    signs = [f"{path.relative_to(ROOT)}: {match}" for path in GERMAN for match in GENDER_SIGNS.findall(text_of(path))]
    assert not signs, "pair forms or neutral words instead (README.md, Notes for authors):\n" + "\n".join(signs)
    unspaced = [
        f"{path.relative_to(ROOT)}: {match}" for path in GERMAN for match in re.findall(r"\S*\d%", text_of(path))
    ]
    assert not unspaced, "German writes a space before %: " + ", ".join(unspaced)


@pytest.mark.parametrize("where", ["sources", "built pages"])
def test_english_has_no_calques_day_ranges_or_spaced_percentages(where, request):
    texts = (
        {str(path.relative_to(ROOT)): text_of(path) for path in ENGLISH}
        if where == "sources"
        else request.getfixturevalue("english_pages")
    )
    found = []
    for name, text in texts.items():
        found += [f"{name}: {phrase!r}" for phrase in ENGLISH_FAULTS if phrase in text.lower()]
        found += [
            f"{name}: {match!r} (write 'the first two days', 'days 31 to 90')" for match in DAY_RANGE.findall(text)
        ]
        found += [f"{name}: {match!r} (English writes 70%)" for match in SPACED_PERCENT.findall(text)]
    assert not found, "\n".join(found)


def test_english_names_the_phase_after_the_close_one_way():
    found = [
        f"{path.relative_to(ROOT)}: {match!r}"
        for path in ENGLISH
        for match in re.findall(r"(?i)\bafter the sale\b|\bpost-sale\b|\bafter-sale phase\b", text_of(path))
    ]
    assert not found, "say 'after the close': " + ", ".join(found)


def test_each_fault_pattern_catches_its_example():
    missed = [
        pattern
        for patterns in (GERMAN_PATTERNS, ENGLISH_PATTERNS)
        for pattern, example in patterns.items()
        if not re.search(pattern, example)
    ]
    assert not missed, f"these patterns no longer catch their own example: {missed}"


def test_review_faults_stay_fixed_in_german_pages_and_data():
    texts = {str(path.relative_to(ROOT)): text_of(path) for path in GERMAN} | data_texts("de")
    found = faults(texts, GERMAN_PATTERNS)
    assert not found, "README.md, Notes for authors; issue 18:\n" + "\n".join(found)


@pytest.mark.parametrize("where", ["sources", "built pages"])
def test_review_faults_stay_fixed_in_english(where, request):
    texts = (
        {str(path.relative_to(ROOT)): without_attributes(text_of(path)) for path in ENGLISH} | data_texts("en")
        if where == "sources"
        else request.getfixturevalue("english_pages")
    )
    found = faults(texts, ENGLISH_PATTERNS)
    assert not found, "issue 18, Language:\n" + "\n".join(found)


def test_a_planted_fault_fails_the_check():
    """The checks above really read the pages: a fault planted into a copy of a real page is reported."""
    german = text_of(ROOT / "docs" / "leitfaden" / "empfehlungen.md")
    english = text_of(ROOT / "docs-en" / "leitfaden" / "empfehlungen.md")
    assert not faults({"de": german}, GERMAN_PATTERNS) and not faults({"en": english}, ENGLISH_PATTERNS)
    planted_de = faults({"de": german + "\nDas füllt die Pipeline Ihrer Kundschaft.\n"}, GERMAN_PATTERNS)
    planted_en = faults({"en": english + "\nIf no, send an e-mail to the salesperson.\n"}, ENGLISH_PATTERNS)
    assert [fault.split(": ", 1)[1] for fault in planted_de] == ["'Kundschaft'", "'Pipeline'"]
    assert sorted(fault.split(": ", 1)[1] for fault in planted_en) == ["'If no,'", "'e-mail'", "'salesperson'"]


def test_private_customer_templates_have_the_austrian_forms():
    """Austrian private customers withdraw by "Rücktritt" and are addressed with their title."""
    templates = text_of(ROOT / "docs" / "werkzeuge" / "vorlagen.md")
    assert "Rücktritt" in templates and "Sehr geehrte Frau Mag." in templates
