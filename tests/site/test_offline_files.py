"""What hooks/offline.py (sitekit.offline) writes into each built edition (issues 12 and 20): a worker
within its budget, a store of at most 1 MB gzipped that holds every page and only what the edition
needs, its size for the save control (at most the 2 MB the privacy page promises), and a manifest
with the edition's name, scope and icons, PNGs among them. No browser needed."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from PIL import Image

from scripts.editions import EDITIONS
from sitekit.offline import stored_file

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
    total = sum(len(gzip.compress(stored_file(root, path).read_bytes(), 9)) for path in files)
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


@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_manifest_has_png_icons_of_their_stated_sizes(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    icons = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))["icons"]
    pngs = {(icon["sizes"], icon["purpose"]): root / icon["src"] for icon in icons if icon["type"] == "image/png"}
    assert set(pngs) == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for (sizes, purpose), path in pngs.items():
        with Image.open(path) as image:
            assert image.format == "PNG" and f"{image.width}x{image.height}" == sizes
            corner = image.convert("RGBA").getpixel((0, 0))
            # The maskable one fills its square; the other keeps the logo's rounded corners.
            assert corner[3] == (255 if purpose == "maskable" else 0), (path, corner)


@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_size_the_control_states_is_the_store_and_within_what_the_privacy_page_says(site_dir, language):
    root, files = site_dir / EDITIONS[language][1], stored_files(site_dir, language)
    stated = json.loads((root / "offline.json").read_text(encoding="utf-8"))["bytes"]
    assert "offline.json" in files
    assert stated == sum(stored_file(root, path).stat().st_size for path in files if path != "offline.json")
    privacy = (root / "datenschutz" / "index.html").read_text(encoding="utf-8")
    promise = {"de": "höchstens 2 MB", "en": "2 MB at most"}[language]
    assert promise in privacy and "data-offline-save" in privacy
    assert stated <= 2_000_000


@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_start_page_has_the_save_control_and_every_page_its_words(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    assert "<div data-offline-save></div>" in (root / "index.html").read_text(encoding="utf-8")
    page = (root / "leitfaden" / "index.html").read_text(encoding="utf-8")
    words = json.loads(re.search(r"data-words='([^']*)'", page).group(1))
    assert set(words) == {
        "stored",
        "update",
        "reload",
        "intro",
        "save",
        "saving",
        "done",
        "saved",
        "delete",
        "deleted",
        "failed",
    } and all(words.values())
