"""The legal notes from includes/legal.yml show up where they belong, in both editions, with their
law, section and date; a broken entry or marker stops `mkdocs build` with one clear line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

from conftest import EDITIONS, ROOT, copy_project, load_hook
from scripts.editions import build_edition
from site_html import built, text_of

REGISTRY = ROOT / "includes" / "legal.yml"
ADVICE = {"de": "Orientierung, keine Rechtsberatung", "en": "For guidance only, not legal advice"}
STAND = {"de": "Stand:", "en": "Legal status as of"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
BOX = re.compile(r'<div class="admonition info legal" id="legal-(?P<id>[a-z0-9-]+)"(?P<body>.*?)</div>', re.S)


def entries() -> list[dict]:
    return yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))["entries"]


def boxes(path) -> dict[str, str]:
    """The legal notes on a built page: id -> the box's HTML, in page order."""
    return {match["id"]: match["body"] for match in BOX.finditer(path.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("language", EDITIONS)
def test_every_entry_appears_on_each_of_its_pages_with_law_and_date(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    missing = []
    for entry in entries():
        stand = entry["stand"]
        shown = (f"{stand.day:02}.{stand.month:02}.{stand.year}" if language == "de"
                 else f"{stand.day} {MONTHS[stand.month - 1]} {stand.year}")
        for page in entry["pages"]:
            box = boxes(root / built(page)).get(entry["id"])
            if box is None:
                missing.append(f"{language} {page}: no box '{entry['id']}'")
                continue
            text = text_of(box)
            expected = [entry["title"][language], entry["safe"][language], entry["claim"][language],
                        f"{STAND[language]} {shown}", ADVICE[language]] + [law["ref"] for law in entry["law"]]
            missing += [f"{language} {page} '{entry['id']}': {part!r}"
                        for part in expected if " ".join(part.split()) not in text]
            if f'<time datetime="{stand.isoformat()}">' not in box:
                missing.append(f"{language} {page} '{entry['id']}': no machine-readable date")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("language", EDITIONS)
def test_no_page_shows_a_note_it_is_not_listed_for(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    expected = {(built(page), entry["id"]) for entry in entries() for page in entry["pages"]}
    other = [site_dir / folder for lang, (_, folder) in EDITIONS.items() if lang != language and folder]
    found = set()
    for path in root.rglob("*.html"):
        if any(folder in path.parents for folder in other):
            continue
        found |= {(path.relative_to(root).as_posix(), entry_id) for entry_id in boxes(path)}
    assert found == expected


@pytest.mark.parametrize("page", sorted({page for entry in entries() for page in entry["pages"]}))
def test_both_editions_place_the_same_notes_in_the_same_order_and_section(site_dir, page):
    def placement(path) -> list[tuple[int, str]]:
        """(how many h1/h2 headings come before the note, its id) for every note on the page."""
        html = path.read_text(encoding="utf-8")
        found, section = [], 0
        for match in re.finditer(r'<h[12] id="[^"]+"|<div class="admonition info legal" id="legal-([^"]+)"', html):
            if match[1]:
                found.append((section, match[1]))
            else:
                section += 1
        return found

    assert placement(site_dir / built(page)) == placement(site_dir / "en" / built(page))


@pytest.mark.parametrize("language", EDITIONS)
@pytest.mark.parametrize("page, entry_id", [("team.md", "team-betriebsrat"), ("selbsttest.md", "speicher-geraet")])
def test_generated_pages_get_their_note_right_below_the_title(site_dir, language, page, entry_id):
    html = (site_dir / EDITIONS[language][1] / built(page)).read_text(encoding="utf-8")
    after_title = html[html.index("</h1>") + len("</h1>"):].lstrip()
    assert after_title.startswith(f'<div class="admonition info legal" id="legal-{entry_id}"'), after_title[:200]


@pytest.mark.parametrize("language", EDITIONS)
def test_referral_pages_put_the_safe_pattern_and_the_advertising_rule_where_calls_are_suggested(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    asking = (root / "werkzeuge" / "empfehlung-erfragen" / "index.html").read_text(encoding="utf-8")
    when = asking[asking.index('id="wann-sie-fragen"'):asking.index('id="wie-sie-fragen"')]
    assert 'id="legal-bestandskunden-anruf"' in when, "the note on calling customers belongs where occasions are listed"
    guide = boxes(root / "leitfaden" / "empfehlungen" / "index.html")
    assert {"bestandskunden-anruf", "empfehlung-anruf"} <= set(guide)
    safe = text_of(guide["empfehlung-anruf"])
    first = safe.index({"de": "So handeln Sie sicher", "en": "The safe way"}[language])
    assert first < safe.index({"de": "In Deutschland", "en": "In Germany"}[language]), "the safe way comes first"


# --- broken definitions and markers stop the build --------------------------------------------------


@pytest.fixture
def project_copy(tmp_path):
    return copy_project(tmp_path)


HOOK = load_hook("legal")


def broken_registry(tmp_path, change) -> Path:
    data = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    change(data["entries"][0])
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


FIRST = entries()[0]["id"]
BROKEN_ENTRIES = {
    "missing field": (lambda e: e.pop("stand"), f"includes/legal.yml: entry '{FIRST}': missing field 'stand'"),
    "unknown language": (lambda e: e["title"].update(fr="Note juridique"), f"entry '{FIRST}': title: unknown language 'fr'"),
    "missing language": (lambda e: e["claim"].pop("en"), f"entry '{FIRST}': claim: missing the 'en' text"),
    "bad date": (lambda e: e.update(stand="2026-13-01"),
                 f"entry '{FIRST}': stand: '2026-13-01' is not a date (expected YYYY-MM-DD)"),
    "unknown country": (lambda e: e["law"][0].update(country="CH"), "unknown country 'CH'"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_ENTRIES))
def test_a_broken_entry_is_one_line_naming_file_entry_and_problem(case, tmp_path):
    change, expected = BROKEN_ENTRIES[case]
    with pytest.raises(PluginError) as caught:
        HOOK.load_registry(broken_registry(tmp_path, change))
    assert "\n" not in str(caught.value) and expected in str(caught.value), caught.value


@pytest.mark.parametrize("marker, expected", [
    ("<!-- legal: gibtsnicht -->", ["docs/leitfaden/druck.md: <!-- legal: gibtsnicht -->: unknown entry 'gibtsnicht'"]),
    ("<!-- legal: werbe-email -->", ["docs/leitfaden/druck.md: <!-- legal: werbe-email -->",
                                     "entry 'werbe-email' does not list this page"]),
])
def test_a_wrong_marker_is_one_line_naming_page_and_marker(marker, expected):
    HOOK._state = HOOK.State(HOOK.load_registry(REGISTRY), {}, "de")
    text = (ROOT / "docs" / "leitfaden" / "druck.md").read_text(encoding="utf-8") + f"\n{marker}\n"
    with pytest.raises(PluginError) as caught:
        HOOK.check_markers(text, "leitfaden/druck.md", "docs/leitfaden/druck.md")
    for part in expected:
        assert part in str(caught.value), caught.value


def change_registry(project, change):
    path = project / "includes" / "legal.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["entries"][0])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# Through a real `mkdocs build`: the message reaches the trainer as one ERROR line, no traceback.
BROKEN = {  # the registry's own errors: in-process above
    "unknown page": (lambda p: change_registry(p, lambda e: e["pages"].append("leitfaden/gibtsnicht.md")),
                     [f"entry '{FIRST}': pages: unknown page 'leitfaden/gibtsnicht.md'"]),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_entry_or_marker_stops_the_build_with_one_line(case, project_copy):
    breaks, expected = BROKEN[case]
    breaks(project_copy)
    result = build_edition(project_copy / "mkdocs.yml", project_copy / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    for part in expected:
        assert part in errors[0], errors[0]
