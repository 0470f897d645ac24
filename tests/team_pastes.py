"""What a sales lead pastes into the team overview: the personas' codes of the current and of an older
version, with names, links, bad lines and a duplicate (shared by the unit and the browser tests)."""

from __future__ import annotations

from quiz import encode

from personas import PERSONAS, answers_for

BAD_LINES = ["das ist kein Code", "Neuere Version: 7-ABCDEFGHJKLMNPQ", "Abgeschnitten 2-ZZZZ"]
# Names that German Excel would run as formulas (OWASP "CSV injection"), pasted for two personas.
FORMULAS = {"agree_all": '=HYPERLINK("https://example.org","Details")', "fader": "+SUM(1;2)"}
OLDER = ["classic_curve", "fader"]  # people who took version 1, pasted between the others


def team_paste(published: dict) -> str:
    """The personas as a lead would paste them: current-version and some version-1 codes, names, links,
    bare codes, bad lines, a duplicate."""
    latest = published[max(published)]
    lines = []
    for index, persona in enumerate(sorted(PERSONAS)):
        code = encode(latest, answers_for(latest, persona))
        name = FORMULAS.get(persona) or persona.replace("_", " ").title()
        lines.append(f"{name}: http://127.0.0.1/selbsttest/#code={code}" if index % 2 else f"{name}; {code}")
    older = [f"Alt {persona}: {encode(published[1], answers_for(published[1], persona))}" for persona in OLDER]
    duplicate = lines[0]
    return "\n".join(
        [lines[0], BAD_LINES[0], *lines[1:3], BAD_LINES[1], *older, *lines[3:], BAD_LINES[2], duplicate, ""]
    )
