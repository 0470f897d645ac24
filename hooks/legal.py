"""MkDocs hook for the legal side of the site: the legal points and the imprint.

The legal points live as data in includes/legal.yml; this hook checks them and renders each one
as a box into each of its pages, in the edition's language. It also generates the imprint page
(impressum.md) from `extra.imprint` in mkdocs.yml and names the controller on the privacy page.
Every mistake stops the build with one line naming the file, the item and the problem.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from quiz.wording import words as site_words

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "includes" / "legal.yml"
REGISTRY_NAME = "includes/legal.yml"
IMPRINT_PAGE = "impressum.md"
LANGUAGES = ("de", "en")
COUNTRIES = ("DE", "AT", "both")
ENTRY_FIELDS = ("id", "title", "safe", "claim", "law", "stand", "pages")
TEXT_FIELDS = ("title", "safe", "claim")
LEGAL_MARKER = re.compile(r"^<!-- legal: (?P<id>.*?) -->[ \t]*$", re.M)
IMPRINT_MARKER = re.compile(r"^<!-- imprint: (?P<name>.*?) -->[ \t]*$", re.M)
IMPRINT_MARKERS = ("controller",)
HEADING = re.compile(r"^# .*$", re.M)

# extra.imprint in mkdocs.yml: key -> (German label, English label). Documented there.
IMPRINT_FIELDS = {
    "name": ("Name oder Firma", "Name or company name"),
    "legal_form": ("Rechtsform", "Legal form"),
    "representatives": ("Vertreten durch", "Represented by"),
    "address": ("Anschrift", "Address"),
    "email": ("E-Mail", "E-mail"),
    "phone": ("Telefon", "Phone"),
    "register": ("Register", "Register"),
    "register_number": ("Registernummer", "Register number"),
    "vat_id": ("Umsatzsteuer-Identifikationsnummer", "VAT identification number"),
    "supervisory_authority": ("Zuständige Aufsichtsbehörde", "Supervisory authority"),
    "profession": ("Berufsrechtliche Angaben", "Professional regulations"),
    "responsible": ("Verantwortlich für den Inhalt", "Responsible for the content"),
    "media_owner": ("Medieninhaber", "Media owner"),
    "business_purpose": ("Unternehmensgegenstand", "Business purpose"),
    "ownership": ("Beteiligungsverhältnisse", "Ownership"),
    "editorial_line": ("Grundlegende Richtung", "Editorial line"),
}
IMPRINT_REQUIRED = ("name", "address", "email", "phone")
IMPRINT_PAIRED = {"legal_form": "representatives", "register": "register_number", "register_number": "register"}
IMPRINT_LISTS = ("representatives", "address")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

# The boxes' and the imprint's words come from the wording catalogue (quiz/wording.yml, group "site").
COUNTRY_WORDS = {"DE": "countryDE", "AT": "countryAT", "both": "countryBoth"}


@dataclass(frozen=True)
class Law:
    ref: str
    country: str


@dataclass(frozen=True)
class Entry:
    id: str
    title: dict
    safe: dict
    claim: dict
    law: tuple
    stand: date
    pages: tuple


@dataclass
class State:
    entries: dict  # id -> Entry
    imprint: dict  # key -> str or list of str; empty when none is configured
    language: str


_state: State | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    language = config.theme["language"]
    if language not in LANGUAGES:
        raise PluginError(f"{_config_name(config)}: theme.language: {REGISTRY_NAME} has no texts in "
                          f"'{language}' (expected one of {', '.join(LANGUAGES)})")
    require = os.environ.get("REQUIRE_IMPRINT", "")
    if require not in ("", "0", "1"):
        raise PluginError(f"REQUIRE_IMPRINT: unknown value '{require}' (expected 1 or 0)")
    _state = State(load_registry(REGISTRY), load_imprint(config.extra.get("imprint"), _config_name(config),
                                                         require=require == "1"), language)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if files.get_file_from_path(IMPRINT_PAGE) is not None:
        raise PluginError(f"{config.docs_dir}/{IMPRINT_PAGE}: generated from extra.imprint; remove this file")
    files.append(File.generated(config, IMPRINT_PAGE, content=render_imprint_page(_state.imprint, _state.language)))
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    pages = {file.src_uri: file for file in files.documentation_pages()}
    for entry in _state.entries.values():
        for path in entry.pages:
            if path not in pages:
                raise PluginError(f"{REGISTRY_NAME}: entry '{entry.id}': pages: unknown page '{path}' "
                                  f"(no such page in {os.path.relpath(config.docs_dir)}/)")
    for path, file in pages.items():
        check_markers(file.content_string, path, _source_name(file))
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    path = page.file.src_uri
    marked = {match["id"] for match in LEGAL_MARKER.finditer(markdown)}
    markdown = LEGAL_MARKER.sub(lambda match: render_box(_state.entries[match["id"]], _state.language), markdown)
    unmarked = [entry for entry in _state.entries.values() if path in entry.pages and entry.id not in marked]
    if unmarked:
        heading = HEADING.search(markdown)
        if heading is None:
            raise PluginError(f"{_source_name(page.file)}: no '# ' heading to place the legal notes "
                              f"{', '.join(entry.id for entry in unmarked)} below; add a <!-- legal: ID --> marker")
        boxes = "".join(render_box(entry, _state.language) for entry in unmarked)
        markdown = markdown[:heading.end()] + "\n" + boxes + markdown[heading.end():]
    imprint = files.get_file_from_path(IMPRINT_PAGE)
    return IMPRINT_MARKER.sub(lambda match: render_controller(_state.imprint, _state.language,
                                                              imprint.url_relative_to(page.file)), markdown)


# --- the registry ---------------------------------------------------------------------------------


class _DatesAsText(yaml.SafeLoader):
    """Reads 2026-11-27 as text, so a bad date is reported with its entry instead of crashing."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load_registry(path: Path) -> dict:
    """Every entry by id; raises PluginError with one line for the first problem found."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_DatesAsText)
    except FileNotFoundError:
        raise PluginError(f"{REGISTRY_NAME}: missing (the legal notes are defined there)") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise PluginError(f"{REGISTRY_NAME}{where}: not valid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict) or set(data) != {"entries"} or not isinstance(data["entries"], list):
        raise PluginError(f"{REGISTRY_NAME}: expected one key 'entries' with a list of entries")
    entries = {}
    for number, raw in enumerate(data["entries"], start=1):
        entry = parse_entry(raw, number)
        if entry.id in entries:
            raise PluginError(f"{REGISTRY_NAME}: entry '{entry.id}': id used twice")
        entries[entry.id] = entry
    return entries


def parse_entry(raw, number: int) -> Entry:
    name = f"entry '{raw['id']}'" if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"entry {number}"

    def fail(problem: str):
        raise PluginError(f"{REGISTRY_NAME}: {name}: {problem}")

    if not isinstance(raw, dict):
        fail("expected a mapping with the fields " + ", ".join(ENTRY_FIELDS))
    for field in ENTRY_FIELDS:
        if raw.get(field) in (None, "", [], {}):
            fail(f"missing field '{field}'")
    for field in raw:
        if field not in ENTRY_FIELDS:
            fail(f"unknown field '{field}' (expected one of {', '.join(ENTRY_FIELDS)})")
    if not isinstance(raw["id"], str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", raw["id"]):
        fail("id: use lower-case letters, digits and hyphens")
    for field in TEXT_FIELDS:
        texts = raw[field]
        if not isinstance(texts, dict):
            fail(f"{field}: expected one text per language ({', '.join(LANGUAGES)})")
        for language in texts:
            if language not in LANGUAGES:
                fail(f"{field}: unknown language '{language}' (expected {', '.join(LANGUAGES)})")
        for language in LANGUAGES:
            if not isinstance(texts.get(language), str) or not texts[language].strip():
                fail(f"{field}: missing the '{language}' text")
    if not isinstance(raw["law"], list):
        fail("law: expected a list of {ref, country}")
    laws = []
    for index, item in enumerate(raw["law"], start=1):
        if not isinstance(item, dict) or not {"ref", "country"} <= set(item) <= {"ref", "country", "url"} or not isinstance(item["ref"], str) \
                or not item["ref"].strip():
            fail(f"law {index}: expected {{ref: \"§ … Gesetz\", country: DE|AT|both}}")
        if item["country"] not in COUNTRIES:
            fail(f"law {index} ({item['ref']}): unknown country '{item['country']}' (expected DE, AT or both)")
        laws.append(Law(item["ref"].strip(), item["country"]))
    stand = raw["stand"]
    try:
        if not isinstance(stand, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", stand):
            raise ValueError
        stand = date.fromisoformat(stand)
    except ValueError:
        fail(f"stand: '{raw['stand']}' is not a date (expected YYYY-MM-DD)")
    if stand > date.today() + timedelta(days=1):
        fail(f"stand: {stand.isoformat()} lies in the future")
    if not isinstance(raw["pages"], list) or not all(isinstance(page, str) and page.endswith(".md")
                                                     for page in raw["pages"]):
        fail("pages: expected a list of docs paths such as leitfaden/empfehlungen.md")
    if len(set(raw["pages"])) != len(raw["pages"]):
        fail("pages: a page is listed twice")
    return Entry(raw["id"], raw["title"], raw["safe"], raw["claim"], tuple(laws), stand, tuple(raw["pages"]))


def check_markers(text: str, path: str, source: str) -> None:
    """Every marker names a known entry that lists this page, once."""
    seen = set()
    for match in LEGAL_MARKER.finditer(text):
        entry_id = match["id"]
        where = f"{source}: <!-- legal: {entry_id} -->"
        entry = _state.entries.get(entry_id)
        if entry is None:
            raise PluginError(f"{where}: unknown entry '{entry_id}' (not in {REGISTRY_NAME})")
        if path not in entry.pages:
            raise PluginError(f"{where}: entry '{entry_id}' does not list this page "
                              f"(add '{path}' to its pages in {REGISTRY_NAME})")
        if entry_id in seen:
            raise PluginError(f"{where}: marker used twice on this page")
        seen.add(entry_id)
    for match in IMPRINT_MARKER.finditer(text):
        if match["name"] not in IMPRINT_MARKERS:
            raise PluginError(f"{source}: <!-- imprint: {match['name']} -->: unknown imprint marker "
                              f"(expected one of {', '.join(IMPRINT_MARKERS)})")


def render_box(entry: Entry, language: str) -> str:
    """One accessible note in Material's admonition look: title, safe way, rule, source line."""
    words = site_words("site", language)
    groups = []
    for country in COUNTRIES:
        refs = [law.ref for law in entry.law if law.country == country]
        if refs:
            groups.append(f"{words[COUNTRY_WORDS[country]]}: {'; '.join(escape(ref) for ref in refs)}")
    stand = (f"{entry.stand.day:02}.{entry.stand.month:02}.{entry.stand.year}" if language == "de"
             else f"{entry.stand.day} {MONTHS[entry.stand.month - 1]} {entry.stand.year}")
    return (f'\n\n<div class="admonition info legal" id="legal-{entry.id}" role="note" '
            f'aria-labelledby="legal-{entry.id}-title">'
            f'<p class="admonition-title" id="legal-{entry.id}-title">{escape(entry.title[language].strip())}</p>'
            f'<p class="legal__safe"><strong>{words["legalSafe"]}</strong> {escape(entry.safe[language].strip())}</p>'
            f'<p class="legal__claim">{escape(entry.claim[language].strip())}</p>'
            f'<p class="legal__source"><strong>{words["legalBasis"]}</strong> {" · ".join(groups)}. '
            f'<strong>{words["legalStand"]}</strong> <time datetime="{entry.stand.isoformat()}">{stand}</time>. '
            f'{words["legalAdvice"]}</p></div>\n\n')


# --- the imprint ----------------------------------------------------------------------------------


def load_imprint(raw, config_name: str, *, require: bool) -> dict:
    """extra.imprint as clean values; with require, a missing or incomplete imprint is an error."""
    def fail(key: str, problem: str):
        raise PluginError(f"{config_name}: extra.imprint{'.' + key if key else ''}: {problem}")

    if raw in (None, "", {}):
        if require:
            fail("", "missing (REQUIRE_IMPRINT=1 needs a complete imprint)")
        return {}
    if not isinstance(raw, dict):
        fail("", "expected a mapping of settings such as name, address, email")
    imprint = {}
    for key, value in raw.items():
        if key not in IMPRINT_FIELDS:
            fail(str(key), f"unknown setting (expected one of {', '.join(IMPRINT_FIELDS)})")
        if key in IMPRINT_LISTS and isinstance(value, list):
            if not all(isinstance(line, str) for line in value):
                fail(key, "expected text or a list of text lines")
            value = [line.strip() for line in value if line.strip()]
        elif key in IMPRINT_LISTS and isinstance(value, str):
            value = [line.strip() for line in value.splitlines() if line.strip()]
        elif isinstance(value, str):
            value = value.strip()
        elif value is not None:
            fail(key, "expected text")
        if value:
            imprint[key] = value
    if require:
        for key in IMPRINT_REQUIRED:
            if key not in imprint:
                fail(key, "missing (REQUIRE_IMPRINT=1 needs a complete imprint)")
        for key, partner in IMPRINT_PAIRED.items():
            if key in imprint and partner not in imprint:
                fail(partner, f"missing (needed with {key}; REQUIRE_IMPRINT=1 needs a complete imprint)")
    return imprint


def render_imprint_page(imprint: dict, language: str) -> str:
    words = site_words("site", language)
    label = {key: labels[0 if language == "de" else 1] for key, labels in IMPRINT_FIELDS.items()}
    description = words["imprintIntro"] if imprint else words["imprintEmpty"]
    lines = ["---", f"description: {json.dumps(description, ensure_ascii=False)}", "---", "",
             f"# {words['imprint']} {{#impressum}}", ""]
    if not imprint:
        return "\n".join(lines + [_html_paragraph(escape(words["imprintEmpty"])), ""])

    def value(key: str) -> str:
        item = imprint[key]
        return "<br>".join(escape(line) for line in item) if isinstance(item, list) else escape(item)

    def fields(*keys: str) -> list[str]:
        return [f"<strong>{escape(label[key])}:</strong> {value(key)}" for key in keys if key in imprint]

    def section(title: str, anchor: str, rows: list[str]) -> list[str]:
        return [f"## {title} {{#{anchor}}}", "", _html_paragraph("<br>".join(rows)), ""] if rows else []

    name = value("name") + (f", {value('legal_form')}" if "legal_form" in imprint else "")
    provider = [f"<strong>{name}</strong>"] + ([value("address")] if "address" in imprint else [])
    provider += fields("representatives")
    contact = []
    if "email" in imprint:
        contact.append(f'<strong>{label["email"]}:</strong> <a href="mailto:{escape(imprint["email"], quote=True)}">'
                       f'{value("email")}</a>')
    if "phone" in imprint:
        number = re.sub(r"[^0-9+]", "", imprint["phone"])
        contact.append(f'<strong>{label["phone"]}:</strong> <a href="tel:{number}">{value("phone")}</a>')
    owner = imprint.get("media_owner") or imprint.get("name")
    disclosure = [f"<strong>{escape(label['media_owner'])}:</strong> {escape(owner)}"]
    if "address" in imprint:
        disclosure.append(f"<strong>{words['imprintSeat']}:</strong> {escape(', '.join(imprint['address']))}")
    disclosure += fields("business_purpose", "ownership", "editorial_line")
    lines += [_html_paragraph(escape(words["imprintIntro"])), ""]
    lines += section(words["imprintProvider"], "anbieter", provider)
    lines += section(words["imprintContact"], "kontakt", contact)
    lines += section(words["imprintRegistration"], "register", fields("register", "register_number", "vat_id"))
    lines += section(words["imprintSupervision"], "aufsicht", fields("supervisory_authority", "profession"))
    lines += section(words["imprintContent"], "verantwortlich", [value("responsible")] if "responsible" in imprint else [])
    lines += section(words["imprintDisclosure"], "offenlegung", disclosure)
    return "\n".join(lines)


def render_controller(imprint: dict, language: str, imprint_url: str) -> str:
    """The privacy page's sentence naming the controller, from the imprint when there is one."""
    words = site_words("site", language)
    link = f'<a href="{escape(imprint_url, quote=True)}">{words["imprint"]}</a>'
    if not imprint:
        return _html_paragraph(f"{escape(words['imprintNoController'])} {link}.")
    name = escape(imprint["name"]) + (f", {escape(imprint['legal_form'])}" if "legal_form" in imprint else "")
    parts = [f"<strong>{name}</strong>"] + [escape(line) for line in imprint.get("address", [])]
    if "email" in imprint:
        parts.append(f'<a href="mailto:{escape(imprint["email"], quote=True)}">{escape(imprint["email"])}</a>')
    return _html_paragraph(f"{words['imprintController']}: {', '.join(parts)}. {words['imprintMore']} {link}.")


def _html_paragraph(inner: str) -> str:
    return f"\n<p>{inner}</p>\n"


def _config_name(config: MkDocsConfig) -> str:
    return os.path.basename(config.config_file_path or "mkdocs.yml")


def _source_name(file: File) -> str:
    return os.path.relpath(file.abs_src_path) if file.abs_src_path else f"(generated) {file.src_uri}"
