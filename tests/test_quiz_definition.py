"""Every kind of broken definition stops `python -m quiz check` and `mkdocs build` with one clear line."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from editions import build_edition

DEFINITION = ROOT / "quiz" / "selbsttest.yml"


def original():
    return yaml.safe_load(DEFINITION.read_text(encoding="utf-8"))


def as_yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def edited(change) -> str:
    data = original()
    change(data)
    return as_yaml(data)


def first_statement(data):
    return data["statements"][0]


BROKEN = {
    "yaml syntax": (lambda: DEFINITION.read_text(encoding="utf-8") + "\nstatements: [unclosed\n",
                    ["YAML syntax"]),
    "empty file": (lambda: "", ["file: is empty"]),
    "duplicate key": (lambda: "version: 1\nversion: 2\n", ["field 'version': appears twice", ":2:"]),
    "missing field": (lambda: edited(lambda d: first_statement(d).pop("keyed")),
                      ["statement #1", "missing field 'keyed'"]),
    "unknown field": (lambda: edited(lambda d: first_statement(d).update(colour="rot")),
                      ["unknown field 'colour'"]),
    "wrong type": (lambda: edited(lambda d: d.update(version="eins")), ["'version' must be a whole number"]),
    "duplicate id": (lambda: edited(lambda d: d["statements"][1].update(id=d["statements"][0]["id"])),
                     ["id is used twice"]),
    "unknown phase": (lambda: edited(lambda d: first_statement(d).update(phase="aftersale")),
                      ["unknown phase 'aftersale'"]),
    "unknown topic": (lambda: edited(lambda d: first_statement(d).update(topic="luck")),
                      ["unknown topic 'luck'"]),
    "unknown profile metric": (lambda: edited(lambda d: d["profiles"][0]["when"].update(mood={"min": 1})),
                               ["profile '", "unknown field 'mood'"]),
    "duplicate profile": (lambda: edited(lambda d: d["profiles"][1].update(id=d["profiles"][0]["id"])),
                          ["profile '", "id is used twice"]),
    "missing translation": (lambda: edited(lambda d: first_statement(d)["text"].pop("de")),
                            ["missing the 'de' text"]),
    "missing english": (lambda: edited(lambda d: d["statements"][3]["text"].pop("en")),
                        ["statement '", "text: missing the 'en' text"]),
    "empty english": (lambda: edited(lambda d: d["profiles"][1]["text"].update(en="  ")),
                      ["profile '", "text: the 'en' text is empty"]),
    "too few minus-keyed": (lambda: edited(lambda d: [s.update(keyed="plus") for s in d["statements"]]),
                            ["at least a third must be keyed 'minus'"]),
    "threshold gap": (lambda: edited(lambda d: d["verdict"][1].update({"from": d["verdict"][1]["from"] + 2})),
                      ["verdict band #2", "leaves a gap"]),
    "threshold overlap": (lambda: edited(lambda d: d["verdict"][1].update({"from": d["verdict"][1]["from"] - 3})),
                          ["verdict band #2", "overlaps"]),
    "link to no page": (lambda: edited(lambda d: d["topics"][0]["recommendation"].update(link="leitfaden/gibtsnicht.md")),
                        ["topic '", "points to no page"]),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_check_rejects_a_broken_definition_in_one_line(case, tmp_path):
    text, expected = BROKEN[case]
    broken = tmp_path / "selbsttest.yml"
    broken.write_text(text(), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "quiz", "--definition", str(broken), "check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(str(broken)), lines[0]
    for part in expected:
        assert part in lines[0], lines[0]


@pytest.fixture
def project_copy(tmp_path):
    for name in ("docs", "hooks", "quiz", "includes", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.mark.parametrize("case", ["yaml syntax", "unknown phase", "threshold gap", "link to no page"])
def test_mkdocs_build_fails_on_a_broken_definition(case, project_copy):
    text, expected = BROKEN[case]
    (project_copy / "quiz" / "selbsttest.yml").write_text(text(), encoding="utf-8")
    result = build_edition(project_copy / "mkdocs.yml", project_copy / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors and "quiz/selbsttest.yml" in errors[0], result.stderr
    for part in expected:
        assert part in errors[0], errors[0]
