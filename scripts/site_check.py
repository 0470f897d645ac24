"""Checks a built site for what only the build hooks make: a generator that skips `hooks:` (as
Zensical does) still builds, but without them. Run after every build (scripts/build.sh, the Pages
workflow, the tests' shared build):

    python -m scripts.site_check SITE_DIR

For each edition (German at the root, English in en/) it checks the self-assessment page and its
model, the imprint page, and every legal box of includes/legal.yml on each of its pages, found by
the markup the build renders. It prints one line per problem and exits 1, or one line and 0.
"""

from __future__ import annotations

import re
import sys
from html import unescape
from pathlib import Path
from posixpath import dirname, normpath

import yaml

from scripts.editions import EDITIONS, ROOT

LEGAL_REGISTRY = ROOT / "includes" / "legal.yml"
SELFCHECK_PAGE = "selbsttest/index.html"
IMPRINT_PAGE = "impressum/index.html"
SELFCHECK_WIDGET = re.compile(r"<[a-z]+\s[^>]*\bdata-selfcheck[\s>][^>]*")  # the element itself, not data-selfcheck-*
MODEL = re.compile(r'\sdata-model="([^"]+)"')
LEGAL_BOX = '<div class="admonition info legal" id="legal-{id}" role="note"'


def built_page(source: str) -> str:
    """leitfaden/empfehlungen.md -> leitfaden/empfehlungen/index.html (use_directory_urls)."""
    stem = source.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"


def legal_boxes() -> list[tuple[str, str]]:
    """(box id, built page) for every legal box the registry places."""
    entries = yaml.safe_load(LEGAL_REGISTRY.read_text(encoding="utf-8"))["entries"]
    return [(entry["id"], built_page(page)) for entry in entries for page in entry["pages"]]


def edition_problems(site: Path, folder: str) -> list[str]:
    edition = site / folder
    if not (edition / "index.html").is_file():
        return [f"{folder}index.html: edition: missing"]
    problems = []
    selfcheck = edition / SELFCHECK_PAGE
    widget = SELFCHECK_WIDGET.search(selfcheck.read_text(encoding="utf-8")) if selfcheck.is_file() else None
    model = MODEL.search(widget[0]) if widget else None
    if not selfcheck.is_file():
        problems.append(f"{folder}{SELFCHECK_PAGE}: self-assessment: page missing")
    elif not widget or not model:
        problems.append(f"{folder}{SELFCHECK_PAGE}: self-assessment: no questionnaire on the page")
    elif not (site / normpath(f"{folder}{dirname(SELFCHECK_PAGE)}/{unescape(model[1])}")).is_file():
        problems.append(f"{folder}{SELFCHECK_PAGE}: self-assessment: its model {model[1]} is missing")
    imprint = edition / IMPRINT_PAGE
    if not imprint.is_file() or "<h1" not in imprint.read_text(encoding="utf-8"):
        problems.append(f"{folder}{IMPRINT_PAGE}: imprint: page missing")
    for box, page in legal_boxes():
        path = edition / page
        if not path.is_file():
            problems.append(f"{folder}{page}: legal box {box}: page missing")
        elif LEGAL_BOX.format(id=box) not in path.read_text(encoding="utf-8"):
            problems.append(f"{folder}{page}: legal box {box}: missing")
    return problems


def site_problems(site: Path) -> list[str]:
    """Every problem of every edition, one line each, paths relative to the site folder."""
    return [problem for _, folder in EDITIONS.values() for problem in edition_problems(site, folder)]


def main(arguments: list[str]) -> int:
    if len(arguments) != 1 or not Path(arguments[0]).is_dir():
        print("usage: python -m scripts.site_check SITE_DIR (a built site folder)", file=sys.stderr)
        return 2
    site = Path(arguments[0])
    problems = site_problems(site)
    for problem in problems:
        print(f"{site}/{problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"site check: {site}: self-assessment, imprint and {len(legal_boxes())} legal boxes in each edition")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
