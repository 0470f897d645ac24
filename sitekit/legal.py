"""The legal notes (includes/legal.yml): checked, and rendered as boxes into their pages in the
edition's language, where a page has ``<!-- legal: ID -->`` or else right below its first heading."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from quiz import shown, yaml_lines
from quiz.validate import Checker
from quiz.wording import words

from . import LEGAL, SiteError
from .text import escaped, long_date

COUNTRIES = ("DE", "AT", "both")
ENTRY_FIELDS = ("id", "title", "safe", "claim", "law", "stand", "pages")
TEXT_FIELDS = ("title", "safe", "claim")
LEGAL_MARKER = re.compile(r"^<!-- legal: (?P<id>.*?) -->[ \t]*$", re.M)
HEADING = re.compile(r"^# .*$", re.M)
COUNTRY_WORDS = {"DE": "countryDE", "AT": "countryAT", "both": "countryBoth"}
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Law:
    ref: str
    country: str
    url: str | None = None  # the official text, https only


@dataclass(frozen=True)
class Entry:
    id: str
    title: dict
    safe: dict
    claim: dict
    law: tuple
    stand: date
    pages: tuple


def load(path: Path = LEGAL, *, today: date | None = None) -> dict[str, Entry]:
    """Every entry by id, or DefinitionError ``file:line: item: problem`` for the first problem."""
    checker = Checker(shown(path))
    data = yaml_lines.read(path, shown=shown(path))
    checker.fields(data, "top level", required=("entries",))
    entries = {}
    for number, raw in enumerate(checker.sequence(data, "entries", "top level"), start=1):
        entry = parse_entry(raw, number, checker, today or date.today())
        if entry.id in entries:
            checker.fail(raw, f"entry '{entry.id}'", "id used twice")
        entries[entry.id] = entry
    return entries


def parse_entry(raw, number: int, checker: Checker, today: date) -> Entry:
    name = f"entry '{raw['id']}'" if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"entry {number}"

    def fail(problem: str, node=raw):
        checker.fail(node if hasattr(node, "line") else raw, name, problem)

    checker.fields(raw, name, required=ENTRY_FIELDS)
    for field in ENTRY_FIELDS:
        if raw[field] in (None, "", [], {}):
            fail(f"missing field '{field}'")
    if not isinstance(raw["id"], str) or not _ID.fullmatch(raw["id"]):
        fail("id: use lower-case letters, digits and hyphens")
    for field in TEXT_FIELDS:
        checker.text_value(raw[field], raw, f"{name}: {field}")
    if not isinstance(raw["law"], list):
        fail("law: expected a list of {ref, country}")
    laws = []
    for index, item in enumerate(raw["law"], start=1):
        if (
            not isinstance(item, dict)
            or not {"ref", "country"} <= set(item) <= {"ref", "country", "url"}
            or not isinstance(item["ref"], str)
            or not item["ref"].strip()
        ):
            fail(f'law {index}: expected {{ref: "§ … Gesetz", country: DE|AT|both, url: https://… (optional)}}', item)
        if item["country"] not in COUNTRIES:
            fail(f"law {index} ({item['ref']}): unknown country '{item['country']}' (expected DE, AT or both)", item)
        url = item.get("url")
        if url is not None and not _https(url):
            fail(f"law {index} ({item['ref']}): url: '{url}' is not an https:// address of the official text", item)
        laws.append(Law(item["ref"].strip(), item["country"], url))
    stand = raw["stand"]
    try:
        if not isinstance(stand, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", stand):
            raise ValueError
        stand = date.fromisoformat(stand)
    except ValueError:
        fail(f"stand: '{raw['stand']}' is not a date (expected YYYY-MM-DD)")
    if stand > today + timedelta(days=1):
        fail(f"stand: {stand.isoformat()} lies in the future")
    pages = raw["pages"]
    if not isinstance(pages, list) or not all(isinstance(page, str) and page.endswith(".md") for page in pages):
        fail("pages: expected a list of docs paths such as leitfaden/empfehlungen.md")
    if len(set(pages)) != len(pages):
        fail("pages: a page is listed twice")
    return Entry(raw["id"], dict(raw["title"]), dict(raw["safe"]), dict(raw["claim"]), tuple(laws), stand, tuple(pages))


def _https(url) -> bool:
    if not isinstance(url, str) or any(character.isspace() for character in url):
        return False
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.hostname)


def check_pages(entries: dict[str, Entry], pages: set[str], source: str, docs: str) -> None:
    """Every page an entry lists exists (``pages``: docs-relative paths)."""
    for entry in entries.values():
        for path in entry.pages:
            if path not in pages:
                raise SiteError(f"{source}: entry '{entry.id}': pages: unknown page '{path}' (no such page in {docs}/)")


def check_markers(entries: dict[str, Entry], text: str, path: str, where: str, source: str) -> None:
    """Every marker on a page names a known entry that lists this page, once."""
    seen = set()
    for match in LEGAL_MARKER.finditer(text):
        entry_id = match["id"]
        here = f"{where}: <!-- legal: {entry_id} -->"
        entry = entries.get(entry_id)
        if entry is None:
            raise SiteError(f"{here}: unknown entry '{entry_id}' (not in {source})")
        if path not in entry.pages:
            raise SiteError(
                f"{here}: entry '{entry_id}' does not list this page (add '{path}' to its pages in {source})"
            )
        if entry_id in seen:
            raise SiteError(f"{here}: marker used twice on this page")
        seen.add(entry_id)


def render_page(entries: dict[str, Entry], markdown: str, path: str, language: str, where: str) -> str:
    """The page with its boxes: at its markers, the rest right below the first ``# `` heading."""
    marked = {match["id"] for match in LEGAL_MARKER.finditer(markdown)}
    markdown = LEGAL_MARKER.sub(lambda match: render_box(entries[match["id"]], language), markdown)
    unmarked = [entry for entry in entries.values() if path in entry.pages and entry.id not in marked]
    if not unmarked:
        return markdown
    heading = HEADING.search(markdown)
    if heading is None:
        raise SiteError(
            f"{where}: no '# ' heading to place the legal notes "
            f"{', '.join(entry.id for entry in unmarked)} below; add a <!-- legal: ID --> marker"
        )
    boxes = "".join(render_box(entry, language) for entry in unmarked)
    return markdown[: heading.end()] + "\n" + boxes + markdown[heading.end() :]


def render_law(law: Law, language: str = "de") -> str:
    """A reference as cited, linked to its official text where known; German in every edition."""
    lang = "" if language == "de" else ' lang="de"'
    if law.url is None:
        return f"<span{lang}>{escaped(law.ref)}</span>" if lang else escaped(law.ref)
    return f'<a href="{escaped(law.url)}" rel="noopener noreferrer"{lang}>{escaped(law.ref)}</a>'


def render_box(entry: Entry, language: str) -> str:
    """One accessible note in Material's admonition look: title, safe way, rule, source line."""
    texts = words("site", language)
    groups = []
    for country in COUNTRIES:
        refs = [render_law(law, language) for law in entry.law if law.country == country]
        if refs:
            groups.append(f"{texts[COUNTRY_WORDS[country]]}: {'; '.join(refs)}")
    return (
        f'\n\n<div class="admonition info legal" id="legal-{entry.id}" role="note" '
        f'aria-labelledby="legal-{entry.id}-title">'
        f'<p class="admonition-title" id="legal-{entry.id}-title">{escaped(entry.title[language].strip())}</p>'
        f'<p class="legal__safe"><strong>{texts["legalSafe"]}</strong> {escaped(entry.safe[language].strip())}</p>'
        f'<p class="legal__claim">{escaped(entry.claim[language].strip())}</p>'
        f'<p class="legal__source"><strong>{texts["legalBasis"]}</strong> {" · ".join(groups)}. '
        f'<strong>{texts["legalStand"]}</strong> <time datetime="{entry.stand.isoformat()}">'
        f"{long_date(entry.stand, language)}</time>. {texts['legalAdvice']}</p></div>\n\n"
    )
