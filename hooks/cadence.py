"""MkDocs hook for the one follow-up cadence in includes/cadence.yml.

Pages never write the cadence out by hand: a marker puts it in, in the edition's language.
  <!-- cadence: b2b -->          the B2B steps as a table (likewise b2c), with the counting note
  <!-- cadence: b2b.check_in --> one step's timing inside a sentence ("5 Arbeitstage nach dem Abschluss")
  <!-- cadence: reaction -->     how fast a complaint is answered ("noch am selben Arbeitstag")
  <!-- cadence: calendar -->     the steps as data for the calendar download (assets/follow-up-calendar.js)
Bad data or an unknown marker fails the build with one line naming the file, the item and the problem.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
DEFINITION = ROOT / "includes" / "cadence.yml"
LANGUAGES = ("de", "en")
UNITS = ("working_days", "calendar_days")
MARKER = re.compile(r"<!--\s*cadence:\s*([^\s]*)\s*-->")

_cadence: dict | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _cadence
    _cadence = load(DEFINITION)
    if config.theme["language"] not in LANGUAGES:
        raise PluginError(f"{name(DEFINITION)}: no texts for the edition language '{config.theme['language']}'")
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = config.theme["language"]
    where = f"{config.docs_dir.rstrip('/').rsplit('/', 1)[-1]}/{page.file.src_uri}"
    return MARKER.sub(lambda match: render(_cadence, match.group(1), language, where), markdown)


# --- helpers ------------------------------------------------------------------------------------

def name(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def load(path: Path) -> dict:
    """The checked cadence; any problem raises PluginError with one line."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PluginError(f"{name(path)}: cannot be read ({error.strerror})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise PluginError(f"{name(path)}{line}: not valid YAML ({getattr(error, 'problem', error)})") from None
    check(data, name(path))
    return data


def check(data, file: str) -> None:
    def fail(item: str, problem: str):
        raise PluginError(f"{file}: {item}: {problem}")

    def texts(value, item: str):
        if not isinstance(value, dict) or set(value) != set(LANGUAGES):
            fail(item, "expected a text for each of de, en")
        for language, text in value.items():
            if not isinstance(text, str) or not text.strip():
                fail(item, f"the '{language}' text is empty")

    if not isinstance(data, dict):
        fail("top level", "expected the keys reaction, note, variants")
    unknown = set(data) - {"reaction", "note", "variants"}
    if unknown:
        fail("top level", f"unknown key '{sorted(unknown)[0]}' (expected reaction, note, variants)")
    for key in ("reaction", "note", "variants"):
        if key not in data:
            fail("top level", f"missing '{key}'")
    reaction = data["reaction"]
    if not isinstance(reaction, dict) or set(reaction) != {"working_days", "text"}:
        fail("reaction", "expected working_days and text")
    if type(reaction["working_days"]) is not int or reaction["working_days"] < 0:
        fail("reaction", "working_days must be a whole number of 0 or more")
    texts(reaction["text"], "reaction")
    texts(data["note"], "note")
    variants = data["variants"]
    if not isinstance(variants, dict) or set(variants) != {"b2b", "b2c"}:
        found = ", ".join(map(str, variants)) if isinstance(variants, dict) else "none"
        fail("variants", f"expected exactly b2b and b2c (found {found})")
    for variant, steps in variants.items():
        if not isinstance(steps, list) or not steps:
            fail(f"variant '{variant}'", "expected a list of steps")
        seen = set()
        for number, step in enumerate(steps, 1):
            item = f"variant '{variant}', step {number}"
            if not isinstance(step, dict):
                fail(item, "expected id, after, title, agenda")
            if not re.fullmatch(r"[a-z][a-z0-9_]*", str(step.get("id", ""))):
                fail(item, "id must be lower-case letters, digits and _")
            item = f"variant '{variant}', step '{step['id']}'"
            if step["id"] in seen:
                fail(item, "this id is used twice")
            seen.add(step["id"])
            unknown = set(step) - {"id", "after", "title", "agenda"}
            if unknown:
                fail(item, f"unknown key '{sorted(unknown)[0]}' (expected id, after, title, agenda)")
            after = step.get("after")
            if not isinstance(after, dict) or len(after) != 1 or next(iter(after)) not in UNITS:
                fail(item, "after: expected exactly one of working_days, calendar_days")
            count = next(iter(after.values()))
            if type(count) is not int or count < 1:
                fail(item, "after: the number of days must be a whole number of 1 or more")
            texts(step.get("title"), f"{item}, title")
            agenda = step.get("agenda")
            if not isinstance(agenda, dict) or set(agenda) != set(LANGUAGES):
                fail(f"{item}, agenda", "expected a list of points for each of de, en")
            for language, points in agenda.items():
                if not isinstance(points, list) or not points or not all(isinstance(p, str) and p.strip() for p in points):
                    fail(f"{item}, agenda", f"the '{language}' list must hold at least one non-empty text")


def when(after: dict, language: str, *, short: bool = False) -> str:
    """A step's timing in words: '5 Arbeitstage nach dem Abschluss' / '5 working days after the close'."""
    unit, count = next(iter(after.items()))
    words = {
        ("de", "working_days"): ("Arbeitstag", "Arbeitstage"), ("de", "calendar_days"): ("Kalendertag", "Kalendertage"),
        ("en", "working_days"): ("working day", "working days"), ("en", "calendar_days"): ("calendar day", "calendar days"),
    }[language, unit]
    amount = f"{count} {words[count != 1]}"
    if short:
        return amount
    if unit == "working_days" and count == 1:
        return "am ersten Arbeitstag nach dem Abschluss" if language == "de" else "on the first working day after the close"
    return f"{amount} nach dem Abschluss" if language == "de" else f"{amount} after the close"


HEADINGS = {"de": ("Wann (nach dem Abschluss)", "Was", "Agenda"), "en": ("When (after the close)", "What", "Agenda")}


def table(cadence: dict, variant: str, language: str) -> str:
    def cell(text: str) -> str:
        return html.escape(text, quote=False).replace("|", "&#124;")

    rows = [f"| {' | '.join(HEADINGS[language])} |", "|---|---|---|"]
    for step in cadence["variants"][variant]:
        agenda = " · ".join(cell(point) for point in step["agenda"][language])
        rows.append(f"| {when(step['after'], language, short=True)} | **{cell(step['title'][language])}** | {agenda} |")
    note = cell(cadence["note"][language])
    return (f'<div class="cadence" data-cadence="{variant}" markdown>\n\n' + "\n".join(rows)
            + f'\n\n<p class="cadence-note">{note}</p>\n\n</div>')


def calendar_data(cadence: dict, language: str) -> str:
    data = {variant: [{"id": step["id"], **step["after"], "title": step["title"][language],
                       "agenda": step["agenda"][language]} for step in steps]
            for variant, steps in cadence["variants"].items()}
    return f'<div hidden data-cadence-data="{html.escape(json.dumps(data, ensure_ascii=False), quote=True)}"></div>'


def render(cadence: dict, marker: str, language: str, where: str) -> str:
    variants = cadence["variants"]
    if marker in variants:
        return table(cadence, marker, language)
    if marker == "reaction":
        return cadence["reaction"]["text"][language]
    if marker == "calendar":
        return calendar_data(cadence, language)
    variant, _, step_id = marker.partition(".")
    for step in variants.get(variant, []):
        if step["id"] == step_id:
            return when(step["after"], language)
    steps = [f"{v}.{s['id']}" for v, ss in variants.items() for s in ss]
    raise PluginError(f"{where}: unknown cadence marker '{marker}' "
                      f"(expected b2b, b2c, reaction, calendar or one of {', '.join(steps)})")
