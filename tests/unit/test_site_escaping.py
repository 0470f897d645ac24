"""Text from the data files reaches a page as text: markup and Markdown planted in
includes/cadence.yml, includes/legal.yml and the imprint settings arrive escaped and inert after
sitekit renders them and Markdown (with the site's extensions) reads the result (issue 16, item 7)."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
import yaml

from sitekit import CADENCE, LEGAL, cadence, imprint, legal

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[click](javascript:alert(3))",
    "<javascript:alert(4)>",
    "*emph*{ onclick=alert(5) }",
]
PLANTED = " ".join(PAYLOADS)
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc", "pymdownx.details"]


def page(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    """No element the payloads could create: no script, image or emphasis, no event handler, no
    javascript: address (the text of the payloads may of course show)."""
    parser = Elements()
    parser.feed(html)
    for tag, attributes in parser.found:
        assert tag not in ("script", "img", "em"), html
        assert not [name for name in attributes if name.startswith("on")], (tag, attributes)
        for name in ("href", "src", "action"):
            assert not (attributes.get(name) or "").strip().lower().startswith("javascript:"), (tag, attributes)


def test_the_payload_would_be_live_markup_without_escaping():
    raw = page(f"Text {PLANTED}\n")
    assert "<script>" in raw and "<img" in raw and 'href="javascript:alert(3)"' in raw


@pytest.fixture
def planted_cadence(tmp_path):
    data = yaml.safe_load(CADENCE.read_text(encoding="utf-8"))
    data["reaction"]["text"] = {"de": PLANTED, "en": PLANTED}
    data["note"]["en"] = PLANTED
    step = data["variants"]["b2b"][0]
    step["title"]["en"] = PLANTED
    step["agenda"]["en"].append(PLANTED)
    path = tmp_path / "cadence.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return cadence.load(path)


@pytest.mark.parametrize("marker", ["reaction", "b2b", "form", "calendar"])
def test_cadence_texts_arrive_escaped(planted_cadence, marker):
    html = page(
        cadence.render_page(planted_cadence, f"The customer hears <!-- cadence: {marker} --> from you.\n", "en", "p")
    )
    assert_inert(html)
    if marker in ("reaction", "b2b"):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "javascript:alert&#40;3&#41;" not in html
        assert "&#91;click&#93;(javascript:alert(3))" in html


def test_legal_texts_arrive_escaped(tmp_path):
    data = yaml.safe_load(LEGAL.read_text(encoding="utf-8"))
    entry = data["entries"][0]
    for field in ("title", "safe", "claim"):
        entry[field]["en"] = PLANTED
    entry["law"][0]["ref"] = PLANTED
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    entries = legal.load(path)
    html = page(legal.render_page(entries, "# Title\n\nText\n", entry["pages"][0], "en", "p"))
    assert_inert(html)
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 4


def test_imprint_values_arrive_escaped():
    settings = {key: PLANTED for key in ("name", "legal_form", "register", "ownership", "editorial_line")}
    settings.update(address=[PLANTED], email=PLANTED, phone=PLANTED)
    values = imprint.load(settings, "mkdocs.yml", require=False)
    for language in ("de", "en"):
        assert_inert(page(imprint.render_page(values, language)))
        assert_inert(page(imprint.render_controller(values, language, "../impressum/")))
