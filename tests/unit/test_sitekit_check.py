"""`python -m sitekit check`: the site's data files and imprint settings checked without a build,
one line per problem and a non-zero exit code, like `python -m quiz check` for the questionnaires."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from sitekit import ROOT
from sitekit.__main__ import main


@pytest.fixture
def project(tmp_path):
    (tmp_path / "includes").mkdir()
    for name in ("legal.yml", "cadence.yml", "priorities.yml"):
        shutil.copy(ROOT / "includes" / name, tmp_path / "includes" / name)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def run(project, capsys, monkeypatch, flag=""):
    monkeypatch.setenv("REQUIRE_IMPRINT", flag)
    code = main(["check", "--root", str(project)])
    out = capsys.readouterr()
    return code, out.out, [line for line in out.err.splitlines() if line]


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_project_as_it_is_passes(project, capsys, monkeypatch):
    code, out, errors = run(project, capsys, monkeypatch)
    assert (code, errors) == (0, []) and "OK" in out


def test_every_broken_file_is_one_line_and_the_exit_code_is_not_zero(project, capsys, monkeypatch):
    replace(
        project / "includes" / "legal.yml", "    stand: 2026-11-27\n", "    stand: 2026-11-27\n    stand: 2026-11-28\n"
    )
    replace(
        project / "includes" / "cadence.yml",
        "after: {working_days: 5}",
        "after: {working_days: 5}\n      after: {working_days: 6}",
    )
    replace(project / "mkdocs.yml", "    medieng: full", "    medieng: gross")
    code, _, errors = run(project, capsys, monkeypatch)
    assert code == 1
    assert [error.split(": ", 1)[1] for error in errors] == [
        "field 'stand': appears twice",
        "field 'after': appears twice",
        "extra.imprint.medieng: unknown value 'gross' (expected full or small)",
    ]
    assert errors[0].startswith(f"{project / 'includes' / 'legal.yml'}:") and errors[2].startswith(
        f"{project / 'mkdocs.yml'}:"
    )


def test_a_broken_priorities_file_is_one_line_too(project, capsys, monkeypatch):
    path = project / "includes" / "priorities.yml"
    replace(path, "b2b: [thanks, check_in, review]", "b2b: [thanks, check_in, revue]")
    code, _, errors = run(project, capsys, monkeypatch)
    line = next(number for number, text in enumerate(path.read_text().splitlines(), 1) if "revue" in text)
    assert code == 1 and errors == [
        f"{path}:{line}: tier 'b', steps, b2b: unknown step 'revue' "
        "(expected one of thanks, check_in, first_use, review, day_90)"
    ]


def test_the_deploy_flag_asks_for_a_complete_imprint_with_the_settings_line(project, capsys, monkeypatch):
    code, _, errors = run(project, capsys, monkeypatch, flag="1")
    line = next(
        number
        for number, text in enumerate((project / "mkdocs.yml").read_text().splitlines(), 1)
        if text.startswith("  imprint:")
    )
    assert code == 1
    assert errors == [
        f"{project / 'mkdocs.yml'}:{line + 1}: extra.imprint: missing (REQUIRE_IMPRINT=1 needs a complete imprint)"
    ]


def test_the_english_config_is_read_with_what_it_inherits(project, capsys, monkeypatch):
    replace(project / "mkdocs.en.yml", "extra:\n  generator: false\n", "extra:\n  generator: false\n  offline: nein\n")
    code, _, errors = run(project, capsys, monkeypatch)
    assert code == 1 and errors == [f"{project / 'mkdocs.en.yml'}: extra.offline: expected true or false, got 'nein'"]


def test_the_module_runs_as_a_command():
    result = subprocess.run(
        [sys.executable, "-m", "sitekit", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "", "REQUIRE_IMPRINT": ""},
    )
    assert result.returncode == 0, result.stderr
