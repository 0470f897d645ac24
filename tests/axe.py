"""axe-core in a Playwright page: the WCAG 2.1 A and AA rules, and the reader's colour scheme."""

from __future__ import annotations

from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, { runOnly: { type: 'tag', values: tags } })"
        ".then(result => result.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))",
        WCAG_TAGS,
    )
    return found


def prefer_scheme(page, scheme: str):
    """Set the system preference, as a reader's phone would; Material follows it."""
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
