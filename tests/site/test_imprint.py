"""The imprint page comes from extra.imprint in mkdocs.yml and is linked in every footer; the
deploy flag REQUIRE_IMPRINT=1 stops a build without a complete imprint with one clear line. What the
settings require is unit-tested on sitekit.imprint (tests/unit/test_site_imprint.py)."""

from __future__ import annotations

import re

import pytest
import yaml

from scripts.editions import build_edition

from conftest import EDITIONS, copy_project
from site_html import html_pages, resolve, text_of

SAMPLE = {
    "name": "Beispiel & Partner Vertriebstraining",
    "legal_form": "GmbH",
    "representatives": ["Geschäftsführerin: Anna Berger", "Geschäftsführer: Jonas Huber"],
    "address": ["Musterstraße 12", "80331 München", "Deutschland"],
    "email": "kontakt@beispiel-training.example",
    "phone": "+49 89 1234567",
    "register": "Amtsgericht München, HRB",
    "register_number": "123456",
    "vat_id": "DE123456789",
    "supervisory_authority": "Landratsamt München, Gewerbeaufsicht",
    "profession": "Keine reglementierte Berufsbezeichnung",
    "responsible": "Anna Berger, Musterstraße 12, 80331 München",
    "media_owner": "Beispiel & Partner Vertriebstraining GmbH",
    "business_purpose": "Schulung und Beratung für den Vertrieb",
    "ownership": "Anna Berger 60 %, Jonas Huber 40 %",
    "editorial_line": "Informationen für Verkaufsteams über die Arbeit nach dem Abschluss",
}
TITLE = {"de": "Impressum", "en": "Legal notice"}
MISSING = "REQUIRE_IMPRINT=1 needs a complete imprint"


def with_imprint(project, language: str, imprint) -> object:
    """A temporary config that inherits the edition's config and sets extra.imprint."""
    config = project / f"imprint-test.{language}.yml"
    config.write_text(
        yaml.safe_dump({"INHERIT": EDITIONS[language][0], "extra": {"imprint": imprint}}, allow_unicode=True),
        encoding="utf-8",
    )
    return config


def article(path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def footer_links_to_imprint(site, root):
    """Pages of one edition whose footer lacks a working link to that edition's imprint page (404 pages
    link root-absolute, so under /en/ they reach the German one: GitHub Pages serves only the root 404)."""
    imprints = {(folder / "impressum" / "index.html").resolve() for folder in (root, site)}
    lacking = []
    for page in html_pages(root):
        if root == site and (site / "en") in page.parents:
            continue
        html = page.read_text(encoding="utf-8")
        footer = re.search(r'<div class="md-copyright">(.*?)</div>\s*</div>', html, re.S)
        hrefs = re.findall(r'href="([^"]*)"', footer[1]) if footer else []
        allowed = imprints if page.name == "404.html" else {(root / "impressum" / "index.html").resolve()}
        if not any(resolve(site, page, href)[0] in allowed for href in hrefs):
            lacking.append(str(page.relative_to(site)))
    return lacking


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    """Both editions built with the sample imprint and the deploy flag, as the Pages workflow does."""
    project = copy_project(tmp_path_factory.mktemp("imprint"))
    site = project / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REQUIRE_IMPRINT", "1")
        for language, (_, folder) in EDITIONS.items():
            result = build_edition(with_imprint(project, language, SAMPLE), site / folder)
            assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("language", EDITIONS)
def test_the_imprint_page_shows_every_configured_field(sample_site, language):
    page = sample_site / EDITIONS[language][1] / "impressum" / "index.html"
    html = article(page)
    text = text_of(html)
    assert re.search(rf"<h1[^>]*>{TITLE[language]}<", html)
    for key, value in SAMPLE.items():
        for line in value if isinstance(value, list) else [value]:
            assert line in text, f"{key}: {line!r} is not on the imprint page"
    assert 'href="mailto:kontakt@beispiel-training.example"' in html
    assert 'href="tel:+49891234567"' in html
    assert "Beispiel &amp; Partner" in html, "configured text is escaped, never inserted as markup"
    for law in ("§ 5 DDG", "§ 5 ECG", "§ 25 MedienG"):
        assert law in text


@pytest.mark.parametrize("language", EDITIONS)
def test_every_footer_links_the_imprint_next_to_the_privacy_page(sample_site, language):
    root = sample_site / EDITIONS[language][1]
    assert footer_links_to_imprint(sample_site, root) == []
    footer = re.search(
        r'<div class="md-copyright">(.*?)</div>\s*</div>', (root / "index.html").read_text(encoding="utf-8"), re.S
    )[1]
    assert footer.index("datenschutz/") < footer.index("impressum/")
    assert f">{TITLE[language]}</a>" in footer


@pytest.mark.parametrize("language", EDITIONS)
def test_the_privacy_page_names_the_configured_controller(sample_site, language):
    html = article(sample_site / EDITIONS[language][1] / "datenschutz" / "index.html")
    controller = html[html.index('id="verantwortlich"') : html.index('id="was-gespeichert-wird"')]
    text = text_of(controller)
    assert "Beispiel & Partner Vertriebstraining, GmbH" in text and "80331 München" in text
    assert "kontakt@beispiel-training.example" in text


@pytest.mark.parametrize("language", EDITIONS)
def test_without_an_imprint_the_site_builds_and_claims_no_provider(site_dir, language):
    root = site_dir / EDITIONS[language][1]
    imprint = article(root / "impressum" / "index.html")
    assert {"de": "keine Anbieterangaben hinterlegt", "en": "No provider details have been entered"}[
        language
    ] in text_of(imprint)
    assert "mailto:" not in imprint and "tel:" not in imprint
    privacy = text_of(article(root / "datenschutz" / "index.html"))
    assert {
        "de": "Verantwortlich ist, wer diese Website betreibt",
        "en": "The controller is whoever runs this website",
    }[language] in privacy
    assert footer_links_to_imprint(site_dir, root) == []


def failed_build(tmp_path, imprint, flag: str | None = "1"):
    project = copy_project(tmp_path)
    config = with_imprint(project, "de", imprint) if imprint is not None else project / "mkdocs.yml"
    with pytest.MonkeyPatch.context() as patch:
        if flag is None:
            patch.delenv("REQUIRE_IMPRINT", raising=False)
        else:
            patch.setenv("REQUIRE_IMPRINT", flag)
        return build_edition(config, project / "site")


def only_message(result) -> str:
    """The build failed, with no traceback and exactly one line besides MkDocs' own closing line."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    lines = [
        line for line in result.stderr.splitlines() if line.strip() and line.strip() != "Aborted with a BuildError!"
    ]
    assert len(lines) == 1 and lines[0].startswith("ERROR"), result.stderr
    return re.sub(r"^ERROR\s+-\s+", "", lines[0])


def test_the_deploy_flag_without_an_imprint_stops_the_build_with_one_line(tmp_path):
    assert only_message(failed_build(tmp_path, None)) == f"mkdocs.yml: extra.imprint: missing ({MISSING})"


def test_an_unknown_disclosure_case_stops_the_build_with_one_line(tmp_path):
    assert (
        only_message(failed_build(tmp_path, {"medieng": "klein"}, flag=None))
        == "imprint-test.de.yml: extra.imprint.medieng: unknown value 'klein' (expected full or small)"
    )


def test_an_unknown_flag_value_is_an_error(tmp_path):
    assert (
        only_message(failed_build(tmp_path, None, flag="yes"))
        == "REQUIRE_IMPRINT: unknown value 'yes' (expected 1 or 0)"
    )
