"""The engine without MkDocs: scoring of the personas, result codes, and the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from personas import PERSONAS, answers_for
from quiz import CodeError, decode, encode, load, score
from quiz.definition import PHASE_IDS

DEFINITION = ROOT / "quiz" / "selbsttest.yml"


@pytest.fixture(scope="module")
def questionnaire():
    return load(DEFINITION)


def quiz_cli(*args):
    return subprocess.run([sys.executable, "-m", "quiz", *args], cwd=ROOT, capture_output=True, text=True)


def test_definition_meets_the_questionnaire_rules(questionnaire):
    statements = questionnaire.statements
    assert len(statements) >= 24
    for phase in PHASE_IDS:
        assert sum(s.phase == phase for s in statements) >= 5
    assert sum(s.keyed == "minus" for s in statements) * 3 >= len(statements)
    assert 4 <= len(questionnaire.profiles) <= 6


@pytest.mark.parametrize("persona, drops_off, profile", [
    ("classic_curve", True, "diver"),
    ("top_seller", False, "top_seller"),
    ("steady_average", False, "steady"),
    ("slow_starter", False, "slow_starter"),
    ("fader", True, "fader"),
    ("agree_all", False, "steady"),
])
def test_personas_get_the_expected_verdict_and_profile(questionnaire, persona, drops_off, profile):
    result = score(questionnaire, answers_for(questionnaire, persona))
    assert result.drops_off is drops_off
    assert result.profile == profile
    assert result.drop_off == result.phases["closing"] - result.phases["after_sale"]
    assert len(result.recommendations) == 3


def test_classic_curve_climbs_to_the_close_and_then_collapses(questionnaire):
    phases = score(questionnaire, answers_for(questionnaire, "classic_curve")).phases
    assert phases["first_contact"] < phases["proposal"] < phases["closing"] == 100
    assert phases["after_sale"] <= 30


def test_agreeing_with_everything_does_not_score_100(questionnaire):
    result = score(questionnaire, answers_for(questionnaire, "agree_all"))
    assert max(result.phases.values()) <= 70


def test_weakest_topics_are_recommended(questionnaire):
    answers = answers_for(questionnaire, "top_seller")
    referrals = [i for i, s in enumerate(questionnaire.statements) if s.topic == "referrals"]
    for index in referrals:
        answers[index] = 6 - answers[index]  # the worst answer on every referral statement
    assert score(questionnaire, answers).recommendations[0] == "referrals"


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_codes_round_trip(questionnaire, persona):
    answers = answers_for(questionnaire, persona)
    code = encode(questionnaire.version, answers)
    assert decode(code, questionnaire.version, len(answers)) == answers
    assert decode(code.lower(), questionnaire.version, len(answers)) == answers


@pytest.mark.parametrize("mangle, reason", [
    (lambda code: code[:-1], "damaged"),                       # truncated
    (lambda code: code[:-2] + ("3" if code[-2] == "2" else "2") + code[-1], "damaged"),  # one answer changed
    (lambda code: "99" + code[code.index("-"):], "version"),   # another questionnaire version
    (lambda code: "<img src=x onerror=alert(1)>", "foreign"),
    (lambda code: "", "foreign"),
])
def test_tampered_codes_are_rejected(questionnaire, mangle, reason):
    code = encode(questionnaire.version, answers_for(questionnaire, "fader"))
    with pytest.raises(CodeError) as caught:
        decode(mangle(code), questionnaire.version, len(questionnaire.statements))
    assert caught.value.reason == reason


def test_cli_check_reports_ok():
    result = quiz_cli("check")
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout


def test_cli_score_prints_the_result_of_a_share_link(questionnaire):
    code = encode(questionnaire.version, answers_for(questionnaire, "classic_curve"))
    result = quiz_cli("score", f"https://example.org/selbsttest/#code={code}")
    assert result.returncode == 0, result.stderr
    expected = score(questionnaire, answers_for(questionnaire, "classic_curve"))
    assert expected.headline["de"] in result.stdout
    assert "profile: diver" in result.stdout
    assert f"{expected.phases['after_sale']:>3} %" in result.stdout


def test_cli_score_rejects_a_damaged_code_in_one_line():
    result = quiz_cli("score", "1-ZZZ")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "damaged" in result.stderr


def test_cli_build_writes_page_and_model_for_another_generator(tmp_path):
    result = quiz_cli("build", str(tmp_path))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "selbsttest.md").read_text(encoding="utf-8")
    assert page.count("<fieldset") >= 24
    assert '"href":"../leitfaden/' in (tmp_path / "selbsttest" / "model.json").read_text(encoding="utf-8")


def test_engine_never_imports_mkdocs():
    code = "import sys, quiz, quiz.__main__, quiz.page; sys.exit('mkdocs' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
