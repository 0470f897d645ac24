"""The offline files' pieces (sitekit.offline), without a build: the switch, the editions inside
an edition, the icons (SVG and PNG), the palette and the worker text."""

from __future__ import annotations

import io
import json
import re

import pytest
from PIL import Image

from quiz.wording import words
from sitekit import SiteError, offline


def test_the_switch_is_on_unless_set_and_must_be_true_or_false():
    assert offline.switch(None, "mkdocs.yml") is True and offline.switch(False, "mkdocs.yml") is False
    with pytest.raises(SiteError, match=r"^mkdocs.yml: extra.offline: expected true or false, got 'no'$"):
        offline.switch("no", "mkdocs.yml")


def test_other_editions_are_the_language_selectors_folders_inside_this_one():
    alternates = [{"link": "./"}, {"link": "en/"}, {"link": "../"}, {"link": "https://example.org/"}, {"link": "/fr/"}]
    assert offline.other_editions(alternates) == ["en/"]
    assert offline.other_editions(None) == []


def test_the_maskable_icon_puts_the_logo_on_its_background_colour():
    logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect fill="#123456"/><path d="M0"/></svg>'
    icon = offline.maskable(logo)
    assert '<rect width="48" height="48" fill="#123456"/>' in icon and '<path d="M0"/>' in icon
    with pytest.raises(SiteError, match="favicon.svg: expected one <svg>"):
        offline.maskable("<svg><path/></svg>")


def test_the_palette_is_read_from_the_stylesheet(tmp_path):
    css = tmp_path / "site.css"
    css.write_text(
        '[data-md-color-primary="custom"] { --md-primary-fg-color: #0a5c63; }\n'
        '[data-md-color-scheme="slate"][data-md-color-primary="custom"] {\n'
        "  --md-primary-fg-color: #4fb3bf; }\n"
    )
    assert offline.palette(css) == {"light": "#0a5c63", "dark": "#4fb3bf"}
    css.write_text("body { color: red; }")
    with pytest.raises(SiteError, match="no --md-primary-fg-color"):
        offline.palette(css)
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", offline.palette()["light"])


def test_the_manifest_takes_the_short_name_from_the_catalogue():
    colours = {"light": "#000000", "dark": "#ffffff"}
    for language, name in {"de": "Nach dem Abschluss", "en": "After the Close"}.items():
        assert offline.manifest(name, "d", language, colours)["short_name"] == words("site", language)["appShortName"]


def test_the_worker_template_gets_files_editions_and_version():
    text = offline.worker(["index.html", "a b.js"], ["en/"], "abc123")
    assert 'const FILES = ["index.html", "a b.js"],' in text and 'OTHER_EDITIONS = ["en/"]' in text and "abc123" in text
    assert "FILES_HERE" not in text and "VERSION_HERE" not in text
    assert "unregister" in offline.template("off.js")


def test_a_missing_search_index_is_one_line(tmp_path):
    (tmp_path / "index.html").write_text("<p>x</p>")
    with pytest.raises(SiteError) as caught:
        offline.precache(tmp_path, [])
    assert "\n" not in str(caught.value) and "search/search_index.json" in str(caught.value)


def test_the_store_holds_pages_and_the_assets_they_use(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": {"lang": ["en"]}}))
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<link href="../s.css"><script src="https://x.example/t.js"></script>')
    (tmp_path / "s.css").write_text("")
    for name in ("sitemap.xml", offline.MANIFEST):
        (tmp_path / name).write_text("")
    offline.write_icons(tmp_path)
    assert offline.precache(tmp_path, []) == sorted(
        ["a/", "s.css", "search/search_index.json", "sitemap.xml", offline.MANIFEST, offline.ICON, offline.MASKABLE]
    )


LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    '<rect width="32" height="32" rx="6" fill="#102030"/>'
    '<line x1="0" x2="32" y1="16" y2="16" stroke="#ffffff" stroke-width="4" stroke-dasharray="8 8"/></svg>'
)


def pixel(data: bytes, x: int, y: int):
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGBA").getpixel((x, y))


def test_the_png_icon_draws_the_logo_shapes():
    icon = offline.png(LOGO, 64)
    assert pixel(icon, 0, 0)[3] == 0  # the rounded corner stays transparent
    assert pixel(icon, 32, 4) == (0x10, 0x20, 0x30, 255)  # the background
    assert pixel(icon, 8, 32) == (255, 255, 255, 255)  # a dash of the line
    assert pixel(icon, 24, 32) == (0x10, 0x20, 0x30, 255)  # the gap after it


def test_the_maskable_png_puts_the_logo_at_two_thirds_on_a_full_square():
    icon = offline.png(LOGO, 96, maskable=True)
    assert pixel(icon, 0, 0) == (0x10, 0x20, 0x30, 255)  # the corner filled
    assert pixel(icon, 20, 48) == (255, 255, 255, 255)  # the first dash starts at x 16, not 0
    assert pixel(icon, 8, 48) == (0x10, 0x20, 0x30, 255)


def test_a_shape_the_png_cannot_draw_is_one_line():
    with pytest.raises(SiteError, match=r"^docs/assets/favicon.svg: <circle>: the PNG icons can draw rect, line"):
        offline.png(LOGO.replace("<line", '<circle r="3"/><line'), 32)


def test_the_manifest_lists_the_png_icons_beside_the_svgs():
    icons = offline.manifest("n", "d", "de", {"light": "#000000", "dark": "#ffffff"})["icons"]
    assert [(icon["type"], icon["sizes"], icon["purpose"]) for icon in icons] == [
        ("image/svg+xml", "any", "any"),
        ("image/svg+xml", "any", "maskable"),
        ("image/png", "192x192", "any"),
        ("image/png", "512x512", "any"),
        ("image/png", "512x512", "maskable"),
    ]
