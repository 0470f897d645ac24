"""The browser's engine agrees with the Python engine, proven in Node without a browser."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from quiz import load_all
from quiz.team import MAX_CHARACTERS, MAX_LINES
from quiz.text import LINK_LIMIT
from tests.parity_vectors import ANSWER_SETS, write

from conftest import ROOT


@pytest.fixture(scope="module")
def vectors(tmp_path_factory):
    """The Python engine's answers, written once for both runs below."""
    folder = tmp_path_factory.mktemp("parity")
    return folder, write(folder)


def test_javascript_engine_matches_python_on_every_vector(vectors):
    folder, written = vectors
    assert written
    path = ROOT / "quiz" / "assets" / "engine.js"
    result = subprocess.run(
        ["node", "--test", "tests/js/engine.test.mjs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            "PARITY_DIR": str(folder),
            "ENGINE": str(path),
            "PATH": os.environ.get("PATH", ""),
            "PYTHON": sys.executable,
        },
    )
    summary = dict(re.findall(r"^# (pass|fail) (\d+)$", result.stdout, re.M))
    assert result.returncode == 0 and summary.get("fail") == "0", result.stdout[-4000:] + result.stderr
    assert int(summary["pass"]) >= 1 + 3 * len(load_all()) + 3


def test_the_vectors_cover_every_version_answer_kind_bad_code_and_odd_paste(vectors):
    data = json.loads(vectors[1][0].read_text(encoding="utf-8"))
    assert [entry["version"] for entry in data["versions"]] == sorted(load_all())
    for entry in data["versions"]:
        assert len(entry["answers"]) >= ANSWER_SETS >= 5000
        kinds = {answer for answers in entry["answers"] for answer in answers}
        assert kinds >= {1, 2, 3, 4, 5} and (None in kinds) == (entry["version"] >= 2)
    verdicts = {result["verdict"] for entry in data["versions"] for result in entry["results"]["de"]}
    assert verdicts == {"yes", "no", "unclear"}  # too_few cannot happen with a published version
    problems = {vector["expected"].get("problem") for vector in data["badCodes"]}
    assert problems == {"foreign", "newer", "damaged", None}
    teams = data["languages"]["de"]["teams"]
    reasons = {skip["reason"] for team in teams for skip in team.get("skipped", [])}
    assert reasons >= {"foreign", "newer", "damaged", "duplicate"}
    assert any(len(team.get("summaries", [])) == 2 for team in teams), "mixed versions in one paste"
    refused = [team["tooLarge"] for team in teams if "tooLarge" in team]
    assert {(size["characters"] > MAX_CHARACTERS, size["lines"] > MAX_LINES) for size in refused} == {
        (True, False),
        (False, True),
    }
    read = [paste for paste, team in zip(data["pastes"], teams, strict=False) if "members" in team]
    assert max(map(len, read)) == MAX_CHARACTERS and max(paste.count("\n") for paste in read) == MAX_LINES - 1
    assert any(
        len(paste) >= 200_000 and team["members"]
        for paste, team in zip(data["pastes"], teams, strict=False)
        if "members" in team
    )
    codes = [link["code"] for link in data["links"]]
    assert "" in codes and any(len(link["text"]) > LINK_LIMIT for link in data["links"]) and codes.count(codes[0]) >= 5
    assert any("\ufeff" in paste for paste in data["pastes"]) and any("=HYPERLINK" in paste for paste in data["pastes"])
