"""One follow-up cadence (includes/cadence.yml): every page shows it as the data says, and no page
or recommendation names another follow-up timing or reaction time. The data's own checks are unit
tests (tests/unit/test_site_data.py)."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

import quiz
from quiz import load as load_questionnaire

from cadence_rule import CADENCE, due

LANGUAGES = {"de": "", "en": "en/"}


# --- the reference rule ------------------------------------------------------------------------


def test_the_reference_rule_skips_weekends_and_moves_weekend_steps_to_monday():
    friday = date(2027, 3, 26)
    assert due(friday, {"working_days": 1}) == date(2027, 3, 29)
    assert due(friday, {"working_days": 5}) == date(2027, 4, 2)
    assert due(date(2027, 3, 27), {"calendar_days": 14}) == date(2027, 4, 12)  # Saturday + 14 = Saturday -> Monday


# --- what the pages show ------------------------------------------------------------------------


class ArticleText(HTMLParser):
    """The text of a page's <article>, one line per block, and the rows of each cadence table.
    The legal notes (div.legal) are left out: they state legal periods, and the registry covers them."""

    BLOCKS = {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "td",
        "th",
        "tr",
        "div",
        "table",
        "summary",
        "details",
        "br",
        "dd",
        "dt",
    }

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []
        self.tables: dict[str, list[list[str]]] = {}
        self.variant: str | None = None
        self.cell: list[str] | None = None
        self.legal = 0  # depth of <div>s inside a legal note

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div" and (self.legal or "legal" in (attributes.get("class") or "").split()):
            self.legal += 1
        if tag == "article":
            self.depth += 1
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "div" and attributes.get("data-cadence"):
            self.variant = attributes["data-cadence"]
            self.tables[self.variant] = []
        if self.variant and tag == "tr":
            self.tables[self.variant].append([])
        if self.variant and tag in ("td", "th"):
            self.cell = []
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "div" and self.legal:
            self.legal -= 1
        if tag == "article":
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1
        if tag == "table":
            self.variant = None
        if self.cell is not None and tag in ("td", "th"):
            self.tables[self.variant][-1].append("".join(self.cell).strip())
            self.cell = None
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth and not self.skip and not self.legal:
            self.parts.append(data)
            if self.cell is not None:
                self.cell.append(data)


def read_page(path: Path) -> ArticleText:
    parser = ArticleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


UNIT_WORDS = {
    "de": {"working_days": "Arbeitstag", "calendar_days": "Kalendertag"},
    "en": {"working_days": "working day", "calendar_days": "calendar day"},
}
# What a step counts from, as the plan's tables say it.
START_WORDS = {
    "de": {"close": "ab Abschluss", "delivery": "ab Lieferung", "installation": "ab Montage"},
    "en": {"close": "from the close", "delivery": "from delivery", "installation": "from fitting"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_90_day_page_shows_both_variants_as_the_data_says(site_dir, language):
    page = read_page(site_dir / LANGUAGES[language] / "werkzeuge" / "90-tage" / "index.html")
    assert set(page.tables) == set(CADENCE["variants"])
    for variant, steps in CADENCE["variants"].items():
        header, *rows = page.tables[variant]
        assert len(rows) == len(steps), variant
        for row, step in zip(rows, steps, strict=False):
            ((unit, count),) = step["after"].items()
            when, title, agenda = row
            assert when.startswith(f"{count} {UNIT_WORDS[language][unit]}"), (variant, when)
            assert START_WORDS[language][step.get("from", "close")] in when, (variant, when)
            assert title == step["title"][language]
            assert [point.strip() for point in agenda.split(" · ")] == step["agenda"][language]
    assert CADENCE["note"][language] in "".join(page.parts)


# --- every other mention of follow-up timing agrees with the data --------------------------------

NUMBER_WORDS = {
    "ein": 1,
    "eine": 1,
    "einen": 1,
    "einem": 1,
    "einer": 1,
    "one": 1,
    "zwei": 2,
    "two": 2,
    "drei": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "fünf": 5,
    "five": 5,
    "sechs": 6,
    "six": 6,
    "sieben": 7,
    "seven": 7,
    "acht": 8,
    "eight": 8,
    "neun": 9,
    "nine": 9,
    "zehn": 10,
    "ten": 10,
    "zwölf": 12,
    "twelve": 12,
    "vierzehn": 14,
    "fourteen": 14,
}
NUMBER = r"(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
UNIT = (
    r"(arbeitstag(?:e|en)?|werktag(?:e|en)?|kalendertag(?:e|en)?|tag(?:e|en)?|woche(?:n)?|monat(?:e|en)?"
    r"|working days?|business days?|calendar days?|days?|weeks?|months?)"
)
COUNTED = re.compile(rf"\b{NUMBER}[\s\u00a0]+{UNIT}\b", re.IGNORECASE)
NAMED_DAY = re.compile(
    r"\b(selben|gleichen|nächsten|ersten|same|next|first)\s+(arbeitstag|werktag|tag|working day|business day|day)\b",
    re.IGNORECASE,
)
DAY_NUMBER = re.compile(r"\b(tag|day)\s+(\d+)\b(?!\s*[–-])", re.IGNORECASE)
FOLLOW_UP = (
    "nachfass",
    "nachfrag",
    "fragt nach",
    "melde",
    "anruf",
    "rufe",
    "ruft",
    "rückruf",
    "termin",
    "kalender",
    "hört",
    "kontakt",
    "follow",
    "call",
    "contact",
    "check",
    "get in touch",
    "get back",
    "hears from you",
    "appointment",
    "calendar",
)
COMPLAINT = ("reklam", "beschwer", "complain")
# Legal periods (withdrawal, warranty) are not follow-up timings. Whole words only: "Lieferfrist" or
# "informieren" in a sentence does not make its timing legal (the legal notes are skipped by markup).
LEGAL_PERIOD = re.compile(
    r"\b(widerruf\w*|zurücktret\w*|rücktritt\w*|frist(en)?|gewährleist\w*|withdraw\w*"
    r"|cancel\w*|warranty)\b",
    re.IGNORECASE,
)

# Sentences that name a time but are not follow-up advice after a close, each with the reason.
NOT_FOLLOW_UP = {
    "drei Wochen später anruft": "leistungskurve: the customer calls, in the story of a rep who dropped off",
    "Three weeks later, the firm calls": "leistungskurve, English",
    "vor drei Wochen fünf Multifunktionsgeräte": "reklamation: when the customer leased, in the example",
    "five multifunction printers three weeks ago": "reklamation, English",
    "Eine Woche später fragt er noch einmal nach": "reklamation: a check a week after fixing a complaint, not after a close",
    "A week later, he checks again": "reklamation, English",
    "in den 30 Tagen nach der Unterschrift Kontakt": "leistungskurve: a question that counts contacts in a window",
    "In the 30 days after the signature": "leistungskurve, English",
}


def value(match: re.Match) -> tuple[str, int]:
    """('working_days' | 'calendar_days', N) for one time expression."""
    text = match.group(0).lower()
    if match.re is NAMED_DAY:
        which, unit = match.group(1).lower(), match.group(2).lower()
        days = 0 if which in ("selben", "gleichen", "same") else 1
        return (
            "working_days" if unit in ("arbeitstag", "werktag", "working day", "business day") else "calendar_days"
        ), days
    if match.re is DAY_NUMBER:
        return "calendar_days", int(match.group(2))
    count = int(match.group(1)) if match.group(1).isdigit() else NUMBER_WORDS[match.group(1).lower()]
    if re.search(r"arbeitstag|werktag|working|business", text):
        return "working_days", count
    if re.search(r"woche|week", text):
        return "calendar_days", 7 * count
    if re.search(r"monat|month", text):
        return "calendar_days", 30 * count
    return "calendar_days", count


STEP_TIMES = {next(iter(step["after"].items())) for steps in CADENCE["variants"].values() for step in steps}
# A timing said to count from delivery or fitting must be one of the steps that count from there.
STARTED = re.compile(
    r"\s+(?:nach der|after|ab|from)\s+(lieferung|delivery|montage|installation|fitting)", re.IGNORECASE
)
STEP_STARTS = {
    (*next(iter(step["after"].items())), step.get("from", "close"))
    for steps in CADENCE["variants"].values()
    for step in steps
}


def start_named(sentence: str, match: re.Match) -> str | None:
    """'delivery' or 'installation' when the words right after a timing name it, else None."""
    named = STARTED.match(sentence, match.end())
    if not named:
        return None
    return "delivery" if named.group(1).lower() in ("lieferung", "delivery") else "installation"


REACTION = ("working_days", CADENCE["reaction"]["working_days"])
# A timing right after "in den ersten" / "in the first" names a window the statement looks back on
# (the self-assessment's "in den ersten sechs Wochen nach Lieferung"), not a step to take.
WINDOW = re.compile(r"\b(?:in den ersten|in the first)\s+$", re.IGNORECASE)


def problems_in(text: str, where: str) -> list[str]:
    found = []
    for sentence in re.split(r"(?<=[.!?…])\s+|\n+", text):
        lowered = sentence.lower()
        if (
            not any(word in lowered for word in FOLLOW_UP)
            or LEGAL_PERIOD.search(sentence)
            or any(key in sentence for key in NOT_FOLLOW_UP)
        ):
            continue
        complaint = any(word in lowered for word in COMPLAINT)
        allowed = {REACTION} if complaint else STEP_TIMES | {REACTION}
        for pattern in (COUNTED, NAMED_DAY, DAY_NUMBER):
            for match in pattern.finditer(sentence):
                if WINDOW.search(sentence, 0, match.start()):
                    continue  # "in den ersten sechs Wochen nach …": a period the sentence looks back on
                if value(match) not in allowed:
                    kind = "reaction time" if complaint else "follow-up timing"
                    found.append(
                        f"{where}: {kind} '{match.group(0)}' is not in includes/cadence.yml: {sentence.strip()}"
                    )
                elif (
                    not complaint
                    and (start := start_named(sentence, match))
                    and (*value(match), start) not in STEP_STARTS
                ):
                    found.append(
                        f"{where}: no step counts '{match.group(0)}' from {start} in includes/cadence.yml: "
                        f"{sentence.strip()}"
                    )
    return found


def built_pages(site_dir: Path, language: str) -> list[Path]:
    root = site_dir / LANGUAGES[language]
    pages = sorted(root.rglob("index.html"))
    return [page for page in pages if language == "en" or not page.relative_to(root).parts[0] == "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_names_only_the_cadence_timings(site_dir, language):
    problems = []
    for path in built_pages(site_dir, language):
        problems += problems_in("".join(read_page(path).parts), str(path.relative_to(site_dir)))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("definition", quiz.definitions(), ids=lambda path: path.name)
def test_every_recommendation_names_only_the_cadence_timings(definition):
    questionnaire = load_questionnaire(definition)
    problems = []
    for topic in questionnaire.facets:
        for language in LANGUAGES:
            text = f"{topic.title[language]}.\n{topic.text[language]}"
            problems += problems_in(
                text, f"quiz/questionnaires/{definition.name}: recommendation '{topic.id}' ({language})"
            )
    assert not problems, "\n".join(problems)


def test_the_check_would_catch_the_old_cadences():
    old = [
        "Feste Kontakte nach 1, 4 und 12 Wochen statt Funkstille.",
        "Legen Sie sich eine Serie von Kalendereinträgen an: Tag 1, Tag 7, Tag 14, Tag 45, Tag 90.",
        "Spätestens am nächsten Werktag hört der Kunde nach einer Reklamation von Ihnen.",
        "Fixed contacts after 1, 4 and 12 weeks instead of radio silence.",
        "Call back on the same day when a customer complains.",
    ]
    # Timings in sentences that merely contain a legal-sounding word (the old check skipped them).
    planted = [
        "Informieren Sie den Kunden über die Lieferung und rufen Sie ihn nach 3 Tagen an.",
        "Klären Sie die Lieferfristen und melden Sie sich nach drei Wochen wieder.",
        "Inform the customer about the delivery and call them after 3 days.",
        "Send the information pack and get in touch again after three weeks.",
    ]
    # A timing counted from the wrong day: in the data, 5 working days count from delivery.
    planted += ["Rufen Sie 5 Arbeitstage nach der Montage an.", "Call 5 working days after fitting."]
    for sentence in old + planted:
        assert problems_in(sentence, "sample"), sentence
    assert not problems_in("Melden Sie sich sechs Wochen nach der Montage.", "sample")
    # a window the self-assessment looks back on is no step, but the same timing as advice still is
    assert not problems_in("In den ersten sechs Wochen nach der Lieferung habe ich angerufen.", "sample")
    assert problems_in("Rufen Sie sechs Wochen nach der Lieferung an.", "sample")
    assert not problems_in("Get in touch 5 working days after delivery.", "sample")
    assert not problems_in("Der Kunde kann binnen 14 Tagen widerrufen; rufen Sie ihn an.", "sample")
