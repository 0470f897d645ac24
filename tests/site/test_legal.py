"""The legal notes from includes/legal.yml show up where they belong, in both editions, with their
law, section and date; a broken entry or marker stops `mkdocs build` with one clear line. The
registry's own checks are unit tests (tests/unit/test_site_data.py)."""

from __future__ import annotations

import re

import pytest
import yaml

from scripts.editions import build_edition

from conftest import EDITIONS, ROOT, copy_project
from site_html import built, text_of

REGISTRY = ROOT / "includes" / "legal.yml"
ADVICE = {"de": "Orientierung, keine Rechtsberatung", "en": "For guidance only, not legal advice"}
STAND = {"de": "Stand:", "en": "Legal status as of"}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
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
        shown = (
            f"{stand.day:02}.{stand.month:02}.{stand.year}"
            if language == "de"
            else f"{stand.day} {MONTHS[stand.month - 1]} {stand.year}"
        )
        for page in entry["pages"]:
            box = boxes(root / built(page)).get(entry["id"])
            if box is None:
                missing.append(f"{language} {page}: no box '{entry['id']}'")
                continue
            text = text_of(box)
            expected = [
                entry["title"][language],
                entry["safe"][language],
                entry["claim"][language],
                f"{STAND[language]} {shown}",
                ADVICE[language],
            ] + [law["ref"] for law in entry["law"]]
            missing += [
                f"{language} {page} '{entry['id']}': {part!r}"
                for part in expected
                if " ".join(part.split()) not in text
            ]
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
    after_title = html[html.index("</h1>") + len("</h1>") :].lstrip()
    assert after_title.startswith(f'<div class="admonition info legal" id="legal-{entry_id}"'), after_title[:200]


@pytest.mark.parametrize("language", EDITIONS)
def test_referral_pages_put_the_safe_pattern_and_the_advertising_rule_where_calls_are_suggested(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    asking = (root / "werkzeuge" / "empfehlung-erfragen" / "index.html").read_text(encoding="utf-8")
    when = asking[asking.index('id="wann-sie-fragen"') : asking.index('id="wie-sie-fragen"')]
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


FIRST = entries()[0]["id"]


def change_registry(project, change):
    path = project / "includes" / "legal.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["entries"][0])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# Through a real `mkdocs build`: the message reaches the trainer as one ERROR line, no traceback.
def duplicate_stand(project):
    path = project / "includes" / "legal.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    stand: 2026-11-27\n", "    stand: 2026-11-27\n    stand: 2026-11-28\n", 1), encoding="utf-8"
    )


def duplicate_after(project):
    path = project / "includes" / "cadence.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("after: {working_days: 5}", "after: {working_days: 5}\n      after: {working_days: 6}"),
        encoding="utf-8",
    )


BROKEN = {  # the registry's own errors: unit tests
    "unknown page": (
        lambda p: change_registry(p, lambda e: e["pages"].append("leitfaden/gibtsnicht.md")),
        [f"entry '{FIRST}': pages: unknown page 'leitfaden/gibtsnicht.md'"],
    ),
    "duplicate stand": (duplicate_stand, ["includes/legal.yml:", ": field 'stand': appears twice"]),
    "duplicate after": (duplicate_after, ["includes/cadence.yml:", ": field 'after': appears twice"]),
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
