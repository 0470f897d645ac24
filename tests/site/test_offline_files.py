"""What hooks/offline.py (sitekit.offline) writes into each built edition (issue 12): a worker within its budget,
a store of at most 1 MB gzipped that holds every page and only what the edition needs, and a
manifest with the edition's name, scope and icons. No browser needed."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from scripts.editions import EDITIONS

KB = 1024


def worker(site_dir, language):
    return (site_dir / EDITIONS[language][1] / "sw.js").read_text(encoding="utf-8")


def stored_files(site_dir, language) -> list[str]:
    return json.loads(re.search(r"const FILES = (\[.*?\]),", worker(site_dir, language)).group(1))


def edition_pages(site_dir, language) -> set[str]:
    root = site_dir / EDITIONS[language][1]
    pages = {path.relative_to(root).as_posix()[: -len("index.html")] for path in root.rglob("index.html")}
    return {page for page in pages if language == "en" or not page.startswith("en/")}


@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_worker_is_at_most_3_kb_gzipped(site_dir, language):
    assert len(gzip.compress(worker(site_dir, language).encode(), 9)) <= 3 * KB


@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_store_holds_every_page_and_stays_within_1_mb_gzipped(site_dir, language):
    root, files = site_dir / EDITIONS[language][1], stored_files(site_dir, language)
    assert edition_pages(site_dir, language) <= set(files)
    assert "search/search_index.json" in files and "assets/selfcheck/model.json" in files
    total = sum(len(gzip.compress((root / path if (root / path).is_file() else root / path / "index.html").read_bytes(), 9))
                for path in files)
    assert total <= 1024 * KB, f"{total} bytes gzipped"


@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_store_holds_no_source_map_no_other_edition_and_only_its_search_language(site_dir, language):
    files = stored_files(site_dir, language)
    assert not [path for path in files if path.endswith(".map") or path.startswith("en/")]
    lunr = sorted(path.rsplit("/", 1)[1] for path in files if "/lunr/" in path)
    assert lunr == (["lunr.de.min.js", "lunr.stemmer.support.min.js"] if language == "de" else [])


def test_the_german_worker_leaves_the_english_edition_alone(site_dir):
    assert 'OTHER_EDITIONS = ["en/"]' in worker(site_dir, "de")
    assert "OTHER_EDITIONS = []" in worker(site_dir, "en")


@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_manifest_names_the_edition_and_its_icons(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    manifest = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == {"de": "Nach dem Abschluss", "en": "After the Close"}[language]
    assert manifest["lang"] == language and manifest["start_url"] == manifest["scope"] == "./"
    assert {icon["purpose"] for icon in manifest["icons"]} == {"any", "maskable"}
    assert all((root / icon["src"]).is_file() for icon in manifest["icons"])
    page = (root / "leitfaden" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="manifest" href="../manifest.webmanifest">' in page
