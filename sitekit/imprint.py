"""The imprint (Impressum) from ``extra.imprint`` in mkdocs.yml: checked, rendered as the page
impressum.md, and named as the controller on the privacy page (``<!-- imprint: controller -->``).

``medieng`` says which disclosure § 25 MedienG asks for (Austria): ``full`` (the default) for a
site that does more than present its owner, such as this knowledge base, ``small`` for one that
only presents its owner (§ 25 Abs. 5). The deploy flag REQUIRE_IMPRINT=1 needs the fields below
and, for ``full``, the business purpose, the ownership and the editorial line.
"""

from __future__ import annotations

import json
import re

from quiz.wording import words

from . import SiteError
from .text import escaped

PAGE = "impressum.md"
FIELDS = (
    "name",
    "legal_form",
    "representatives",
    "address",
    "email",
    "phone",
    "register",
    "register_number",
    "vat_id",
    "supervisory_authority",
    "profession",
    "responsible",
    "media_owner",
    "business_purpose",
    "ownership",
    "editorial_line",
)
SETTINGS = {"medieng": ("full", "small")}
REQUIRED = ("name", "address", "email", "phone")
REQUIRED_BY_MEDIENG = {"full": ("business_purpose", "ownership", "editorial_line"), "small": ("business_purpose",)}
PAIRED = {"legal_form": "representatives", "register": "register_number", "register_number": "register"}
LISTS = ("representatives", "address")
MARKER = re.compile(r"^<!-- imprint: (?P<name>.*?) -->[ \t]*$", re.M)
MARKERS = ("controller",)
MISSING = "REQUIRE_IMPRINT=1 needs a complete imprint"


def label(key: str, language: str) -> str:
    """The catalogue's label of one field: imprintFieldLegalForm for legal_form."""
    return words("site", language)["imprintField" + "".join(part.title() for part in key.split("_"))]


def require_flag(value: str) -> bool:
    """REQUIRE_IMPRINT as the deploy sets it: "1" requires a complete imprint; "", "0" do not."""
    if value not in ("", "0", "1"):
        raise SiteError(f"REQUIRE_IMPRINT: unknown value '{value}' (expected 1 or 0)")
    return value == "1"


def load(raw, where: str, *, require: bool) -> dict:
    """extra.imprint as clean values ({} when none is set; ``medieng`` always present); with
    ``require``, a missing or incomplete imprint is an error. ``where`` names the config, with the
    line where known (mkdocs.yml or mkdocs.yml:61)."""
    line = getattr(raw, "line", 0)
    name = f"{where}:{line}" if line and ":" not in where else where

    def fail(key: str, problem: str):
        raise SiteError(f"{name}: extra.imprint{'.' + key if key else ''}: {problem}")

    if raw in (None, ""):
        raw = {}
    if not isinstance(raw, dict):
        fail("", "expected a mapping of settings such as name, address, email")
    imprint = {}
    for key, value in raw.items():
        if key in SETTINGS:
            if value not in SETTINGS[key]:
                fail(key, f"unknown value {value!r} (expected {' or '.join(SETTINGS[key])})")
            continue
        if key not in FIELDS:
            fail(str(key), f"unknown setting (expected one of {', '.join(FIELDS + tuple(SETTINGS))})")
        if key in LISTS and isinstance(value, list):
            if not all(isinstance(item, str) for item in value):
                fail(key, "expected text or a list of text lines")
            value = [item.strip() for item in value if item.strip()]
        elif key in LISTS and isinstance(value, str):
            value = [item.strip() for item in value.splitlines() if item.strip()]
        elif isinstance(value, str):
            value = value.strip()
        elif value is not None:
            fail(key, "expected text")
        if value:
            imprint[key] = value
    medieng = raw.get("medieng", "full")
    if require:
        if not imprint:
            fail("", f"missing ({MISSING})")
        for key in REQUIRED:
            if key not in imprint:
                fail(key, f"missing ({MISSING})")
        for key, partner in PAIRED.items():
            if key in imprint and partner not in imprint:
                fail(partner, f"missing (needed with {key}; {MISSING})")
        for key in REQUIRED_BY_MEDIENG[medieng]:
            if key not in imprint:
                fail(key, f"missing (needed for the disclosure medieng: {medieng}; {MISSING})")
    return {**imprint, "medieng": medieng} if imprint else {}


def check_markers(text: str, where: str) -> None:
    for match in MARKER.finditer(text):
        if match["name"] not in MARKERS:
            raise SiteError(
                f"{where}: <!-- imprint: {match['name']} -->: unknown imprint marker "
                f"(expected one of {', '.join(MARKERS)})"
            )


def render_page(imprint: dict, language: str) -> str:
    """impressum.md: every configured field, or a note that none is set."""
    texts = words("site", language)
    description = texts["imprintIntro"] if imprint else texts["imprintEmpty"]
    lines = [
        "---",
        f"description: {json.dumps(description, ensure_ascii=False)}",
        "---",
        "",
        f"# {texts['imprint']} {{#impressum}}",
        "",
    ]
    if not imprint:
        return "\n".join(lines + [_paragraph(escaped(texts["imprintEmpty"])), ""])

    def value(key: str) -> str:
        item = imprint[key]
        return "<br>".join(escaped(line) for line in item) if isinstance(item, list) else escaped(item)

    def fields(*keys: str) -> list[str]:
        return [f"<strong>{escaped(label(key, language))}:</strong> {value(key)}" for key in keys if key in imprint]

    def section(title: str, anchor: str, rows: list[str]) -> list[str]:
        return [f"## {title} {{#{anchor}}}", "", _paragraph("<br>".join(rows)), ""] if rows else []

    name = value("name") + (f", {value('legal_form')}" if "legal_form" in imprint else "")
    provider = [f"<strong>{name}</strong>"] + ([value("address")] if "address" in imprint else [])
    provider += fields("representatives")
    contact = []
    if "email" in imprint:
        contact.append(
            f"<strong>{label('email', language)}:</strong> "
            f'<a href="mailto:{escaped(imprint["email"])}">{value("email")}</a>'
        )
    if "phone" in imprint:
        number = re.sub(r"[^0-9+]", "", imprint["phone"])
        contact.append(f'<strong>{label("phone", language)}:</strong> <a href="tel:{number}">{value("phone")}</a>')
    owner = imprint.get("media_owner") or imprint.get("name")
    disclosure = [f"<strong>{escaped(label('media_owner', language))}:</strong> {escaped(owner)}"]
    if "address" in imprint:
        disclosure.append(f"<strong>{texts['imprintSeat']}:</strong> {escaped(', '.join(imprint['address']))}")
    disclosure += fields("business_purpose", "ownership", "editorial_line")
    lines += [_paragraph(escaped(texts["imprintIntro"])), ""]
    lines += section(texts["imprintProvider"], "anbieter", provider)
    lines += section(texts["imprintContact"], "kontakt", contact)
    lines += section(texts["imprintRegistration"], "register", fields("register", "register_number", "vat_id"))
    lines += section(texts["imprintSupervision"], "aufsicht", fields("supervisory_authority", "profession"))
    lines += section(
        texts["imprintContent"], "verantwortlich", [value("responsible")] if "responsible" in imprint else []
    )
    lines += section(texts["imprintDisclosure"], "offenlegung", disclosure)
    return "\n".join(lines)


def render_controller(imprint: dict, language: str, imprint_url: str) -> str:
    """The privacy page's sentence naming the controller, from the imprint when there is one."""
    texts = words("site", language)
    link = f'<a href="{escaped(imprint_url)}">{texts["imprint"]}</a>'
    if not imprint:
        return _paragraph(f"{escaped(texts['imprintNoController'])} {link}.")
    name = escaped(imprint["name"]) + (f", {escaped(imprint['legal_form'])}" if "legal_form" in imprint else "")
    parts = [f"<strong>{name}</strong>"] + [escaped(line) for line in imprint.get("address", [])]
    if "email" in imprint:
        parts.append(f'<a href="mailto:{escaped(imprint["email"])}">{escaped(imprint["email"])}</a>')
    return _paragraph(f"{texts['imprintController']}: {', '.join(parts)}. {texts['imprintMore']} {link}.")


def render_markers(imprint: dict, markdown: str, language: str, imprint_url: str) -> str:
    return MARKER.sub(lambda match: render_controller(imprint, language, imprint_url), markdown)


def _paragraph(inner: str) -> str:
    return f"\n<p>{inner}</p>\n"
