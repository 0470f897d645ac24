"""Every kind of broken definition stops `python -m quiz check` with one clear line (the build: tests/site/test_definition_build.py)."""

from __future__ import annotations

import pytest
import yaml

from quiz import definitions

from conftest import quiz_cli

V1, V2 = definitions()[:2]  # the frozen version 1 (phase means) and version 2 (matched pairs)
DEFINITION = V1


def original(path=V1):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def as_yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def edited(change, path=V1) -> str:
    data = original(path)
    change(data)
    return as_yaml(data)


def twin(data, facet: str, phase: str) -> dict:
    return next(s for s in data["statements"] if s["facet"] == facet and s["phase"] == phase)


def first_statement(data):
    return data["statements"][0]


BROKEN = {
    "yaml syntax": (lambda: DEFINITION.read_text(encoding="utf-8") + "\nstatements: [unclosed\n", ["YAML syntax"]),
    "empty file": (lambda: "", ["file: is empty"]),
    "duplicate key": (lambda: "version: 1\nversion: 2\n", ["field 'version': appears twice", ":2:"]),
    "missing field": (
        lambda: edited(lambda d: first_statement(d).pop("keyed")),
        ["statement #1", "missing field 'keyed'"],
    ),
    "unknown field": (lambda: edited(lambda d: first_statement(d).update(colour="rot")), ["unknown field 'colour'"]),
    "wrong type": (lambda: edited(lambda d: d.update(version="eins")), ["'version' must be a whole number"]),
    "duplicate id": (
        lambda: edited(lambda d: d["statements"][1].update(id=d["statements"][0]["id"])),
        ["id is used twice"],
    ),
    "unknown phase": (
        lambda: edited(lambda d: first_statement(d).update(phase="aftersale")),
        ["unknown phase 'aftersale'"],
    ),
    "unknown topic": (lambda: edited(lambda d: first_statement(d).update(topic="luck")), ["unknown topic 'luck'"]),
    "unknown profile metric": (
        lambda: edited(lambda d: d["profiles"][0]["when"].update(mood={"min": 1})),
        ["profile '", "unknown field 'mood'"],
    ),
    "duplicate profile": (
        lambda: edited(lambda d: d["profiles"][1].update(id=d["profiles"][0]["id"])),
        ["profile '", "id is used twice"],
    ),
    "missing translation": (lambda: edited(lambda d: first_statement(d)["text"].pop("de")), ["missing the 'de' text"]),
    "missing english": (
        lambda: edited(lambda d: d["statements"][3]["text"].pop("en")),
        ["statement '", "text: missing the 'en' text"],
    ),
    "empty english": (
        lambda: edited(lambda d: d["profiles"][1]["text"].update(en="  ")),
        ["profile '", "text: the 'en' text is empty"],
    ),
    "too few minus-keyed": (
        lambda: edited(lambda d: [s.update(keyed="plus") for s in d["statements"]]),
        ["at least a third must be keyed 'minus'"],
    ),
    "threshold gap": (
        lambda: edited(lambda d: d["verdict"][1].update({"from": d["verdict"][1]["from"] + 2})),
        ["verdict band #2", "leaves a gap"],
    ),
    "threshold overlap": (
        lambda: edited(lambda d: d["verdict"][1].update({"from": d["verdict"][1]["from"] - 3})),
        ["verdict band #2", "overlaps"],
    ),
    "link to no page": (
        lambda: edited(lambda d: d["topics"][0]["recommendation"].update(link="leitfaden/gibtsnicht.md")),
        ["topic '", "points to no page"],
    ),
}

# Version 2: the verdict is made from matched pairs, so the validator guards the pairs.
BROKEN_PAIRS = {
    "missing twin": (
        lambda: edited(lambda d: d["statements"].remove(twin(d, "prepare", "after_sale")), V2),
        ["facet 'prepare'", "needs exactly one 'after_sale' statement (its twin), found 0"],
    ),
    "second twin": (
        lambda: edited(lambda d: twin(d, "time", "closing").update(facet="prepare"), V2),
        ["facet 'prepare'", "needs exactly one 'closing' statement (its twin), found 2"],
    ),
    "twins keyed differently": (
        lambda: edited(lambda d: twin(d, "prepare", "after_sale").update(keyed="minus"), V2),
        ["facet 'prepare'", "twins are keyed differently"],
    ),
    "twins differ in trigger": (
        lambda: edited(lambda d: twin(d, "composure", "after_sale").update(trigger=False), V2),
        ["facet 'composure'", "twins differ in 'trigger'"],
    ),
    "unknown facet": (lambda: edited(lambda d: d["statements"][0].update(facet="luck"), V2), ["unknown facet 'luck'"]),
    "too many triggers": (
        lambda: edited(
            lambda d: [
                s.update(trigger=True)
                for s in d["statements"]
                if s["facet"] in ("prepare", "listen", "time") and s["phase"] in ("closing", "after_sale")
            ],
            V2,
        ),
        ["pairs must have no trigger"],
    ),
    "unquoted yes": (
        lambda: V2.read_text(encoding="utf-8").replace('when: {verdict: ["yes"]}', "when: {verdict: [yes]}"),
        ["condition 'verdict' must list verdicts", "in quotes"],
    ),
    "missing headline": (
        lambda: edited(lambda d: d["verdict"].pop("unclear"), V2),
        ["verdict: missing field 'unclear'"],
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_PAIRS))
def test_check_rejects_broken_pairs_in_one_line(case, tmp_path):
    text, expected = BROKEN_PAIRS[case]
    broken = tmp_path / "v2.yml"
    broken.write_text(text(), encoding="utf-8")
    result = quiz_cli("--definition", broken, "check")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(broken)), result.stderr
    for part in expected:
        assert part in lines[0], lines[0]


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_check_rejects_a_broken_definition_in_one_line(case, tmp_path):
    text, expected = BROKEN[case]
    broken = tmp_path / "v1.yml"
    broken.write_text(text(), encoding="utf-8")
    result = quiz_cli("--definition", broken, "check")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(str(broken)), lines[0]
    for part in expected:
        assert part in lines[0], lines[0]
