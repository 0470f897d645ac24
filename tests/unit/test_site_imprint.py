"""The imprint settings (extra.imprint) through sitekit.imprint, without MkDocs: what the deploy
flag requires, the § 25 MedienG case, and one line per problem."""

from __future__ import annotations

import pytest

from sitekit import SiteError, imprint

SAMPLE = {
    "name": "Beispiel & Partner Vertriebstraining",
    "legal_form": "GmbH",
    "representatives": ["Geschäftsführerin: Anna Berger"],
    "address": ["Musterstraße 12", "80331 München"],
    "email": "kontakt@beispiel-training.example",
    "phone": "+49 89 1234567",
    "business_purpose": "Schulung und Beratung für den Vertrieb",
    "ownership": "Anna Berger 100 %",
    "editorial_line": "Informationen für Verkaufsteams über die Arbeit nach dem Abschluss",
}
MISSING = "REQUIRE_IMPRINT=1 needs a complete imprint"


def error_of(raw, *, require=True) -> str:
    with pytest.raises(SiteError) as caught:
        imprint.load(raw, "imprint-test.de.yml", require=require)
    assert "\n" not in str(caught.value)
    return str(caught.value)


@pytest.mark.parametrize(
    "raw, message",
    [
        (None, f"extra.imprint: missing ({MISSING})"),
        ({"medieng": "full"}, f"extra.imprint: missing ({MISSING})"),
        (
            {"name": "Anna Berger", "email": "a@b.example", "phone": "+43 1 234"},
            f"extra.imprint.address: missing ({MISSING})",
        ),
        (
            {key: SAMPLE[key] for key in ("name", "address", "email", "phone", "legal_form")},
            f"extra.imprint.representatives: missing (needed with legal_form; {MISSING})",
        ),
        (
            {**{key: SAMPLE[key] for key in ("name", "address", "email", "phone")}, "register_number": "FN 123456a"},
            f"extra.imprint.register: missing (needed with register_number; {MISSING})",
        ),
    ],
)
def test_the_deploy_flag_names_the_first_missing_setting(raw, message):
    assert error_of(raw) == f"imprint-test.de.yml: {message}"


def test_full_disclosure_is_the_default_and_needs_ownership_and_editorial_line():
    without = {key: value for key, value in SAMPLE.items() if key != "ownership"}
    expected = (
        f"imprint-test.de.yml: extra.imprint.ownership: missing (needed for the disclosure medieng: full; {MISSING})"
    )
    assert error_of(without) == expected
    assert error_of({**without, "medieng": "full"}) == expected
    no_line = {key: value for key, value in SAMPLE.items() if key != "editorial_line"}
    assert "extra.imprint.editorial_line: missing" in error_of(no_line)
    assert imprint.load(SAMPLE, "x", require=True)["medieng"] == "full"


def test_a_small_website_needs_only_the_business_purpose_besides_name_and_seat():
    small = {key: value for key, value in SAMPLE.items() if key not in ("ownership", "editorial_line")}
    assert imprint.load({**small, "medieng": "small"}, "x", require=True)["medieng"] == "small"
    purpose = {key: value for key, value in small.items() if key != "business_purpose"}
    assert "extra.imprint.business_purpose: missing (needed for the disclosure medieng: small" in error_of(
        {**purpose, "medieng": "small"}
    )


def test_without_the_flag_nothing_is_required():
    assert imprint.load({"medieng": "full"}, "x", require=False) == {}
    assert imprint.load({"name": "Anna Berger"}, "x", require=False) == {"name": "Anna Berger", "medieng": "full"}


@pytest.mark.parametrize(
    "raw, message",
    [
        ({**SAMPLE, "medieng": "klein"}, "extra.imprint.medieng: unknown value 'klein' (expected full or small)"),
        ({**SAMPLE, "adress": "Musterstraße 12"}, "extra.imprint.adress: unknown setting"),
        ({**SAMPLE, "phone": ["+49", "89"]}, "extra.imprint.phone: expected text"),
    ],
)
def test_a_wrong_setting_fails_even_without_the_flag(raw, message):
    assert error_of(raw, require=False).startswith(f"imprint-test.de.yml: {message}")


def test_the_flag_takes_only_1_or_0():
    assert imprint.require_flag("1") and not imprint.require_flag("") and not imprint.require_flag("0")
    with pytest.raises(SiteError, match=r"^REQUIRE_IMPRINT: unknown value 'yes' \(expected 1 or 0\)$"):
        imprint.require_flag("yes")


@pytest.mark.parametrize(
    "language, labels",
    [
        ("de", ["Vertreten durch", "Beteiligungsverhältnisse", "Grundlegende Richtung"]),
        ("en", ["Represented by", "Ownership", "Editorial line"]),
    ],
)
def test_the_page_shows_every_field_with_the_catalogues_labels(language, labels):
    page = imprint.render_page(imprint.load(SAMPLE, "x", require=True), language)
    assert "Beispiel &amp; Partner" in page and "Beispiel & Partner" not in page
    assert 'href="mailto:kontakt@beispiel-training.example"' in page and 'href="tel:+49891234567"' in page
    assert all(label in page for label in labels)
    assert "medieng" not in page


def test_without_settings_the_page_and_the_privacy_page_claim_no_provider():
    assert "keine Anbieterangaben hinterlegt" in imprint.render_page({}, "de")
    assert "The controller is whoever runs this website" in imprint.render_controller({}, "en", "../impressum/")


def test_an_unknown_imprint_marker_is_one_line():
    with pytest.raises(SiteError) as caught:
        imprint.check_markers("<!-- imprint: anbieter -->\n", "docs/datenschutz.md")
    assert str(caught.value) == (
        "docs/datenschutz.md: <!-- imprint: anbieter -->: unknown imprint marker (expected one of controller)"
    )
