"""The engine without MkDocs: scoring of the personas, result codes, and the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from quiz import CodeError, decode, encode, load_all, score
from quiz.site_files import ASSETS, asset
from quiz.wording import fill, words

from conftest import ROOT, quiz_cli
from personas import PERSONAS, answers_for


def test_python_dash_m_quiz_runs_the_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "--language", "en", "score", "1-ZZZ"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1 and result.stderr == f"1-ZZZ: {words('widgets', 'en')['linkDamaged']}\n"


@pytest.fixture(scope="module")
def published():
    return load_all()


@pytest.fixture(scope="module")
def v1(published):
    return published[1]


@pytest.mark.parametrize(
    "persona, drops_off, profile",
    [
        ("classic_curve", True, "diver"),
        ("top_seller", False, "top_seller"),
        ("steady_average", False, "steady"),
        ("slow_starter", False, "slow_starter"),
        ("fader", True, "fader"),
        ("agree_all", False, "steady"),
    ],
)
def test_version_1_keeps_its_frozen_scoring(v1, persona, drops_off, profile):
    result = score(v1, answers_for(v1, persona))
    assert result.version == 1 and result.drop_range is None
    assert result.drops_off is drops_off
    assert result.profile == profile
    assert result.drop_off == result.phases["closing"] - result.phases["after_sale"]
    assert len(result.recommendations) == 3


def test_classic_curve_climbs_to_the_close_and_then_collapses(questionnaire):
    phases = score(questionnaire, answers_for(questionnaire, "classic_curve")).phases
    assert phases["first_contact"] < phases["proposal"] < phases["closing"] == 100
    assert phases["after_sale"] <= 30


def test_agreeing_with_everything_cancels_out_in_the_pairs(questionnaire):
    result = score(questionnaire, answers_for(questionnaire, "agree_all"))
    assert result.drop_off == 0 and result.drops_off is not True
    assert max(result.phases.values()) <= 70


def test_weakest_facets_are_recommended(questionnaire):
    answers = answers_for(questionnaire, "top_seller")
    facet = questionnaire.facets[-1].id
    for index, statement in enumerate(questionnaire.statements):
        if statement.facet == facet and not statement.reserve:
            answers[index] = 6 - answers[index]  # the worst answer on every statement of one facet
    assert score(questionnaire, answers).recommendations[0] == facet


@pytest.mark.parametrize("persona", sorted(PERSONAS))
@pytest.mark.parametrize("version", [1, 2])
def test_codes_round_trip(published, version, persona):
    questionnaire = published[version]
    answers = answers_for(questionnaire, persona)
    code = encode(questionnaire, answers)
    assert code.startswith(f"{version}-")
    assert decode(code, published) == (questionnaire, answers)
    assert decode(code.lower(), published) == (questionnaire, answers)


def test_version_2_codes_carry_never_came_up(questionnaire, published):
    answers = [None if statement.trigger else 3 for statement in questionnaire.statements]
    assert decode(encode(questionnaire, answers), published)[1] == answers


@pytest.mark.parametrize(
    "mangle, reason",
    [
        (lambda code: code[:-1], "damaged"),  # truncated
        (lambda code: code[:-2] + ("3" if code[-2] == "2" else "2") + code[-1], "damaged"),  # one answer changed
        (lambda code: "99" + code[code.index("-") :], "newer"),  # a version newer than this site
        (lambda code: "<img src=x onerror=alert(1)>", "foreign"),
        (lambda code: "", "foreign"),
    ],
)
@pytest.mark.parametrize("version", [1, 2])
def test_tampered_codes_are_rejected(published, version, mangle, reason):
    code = encode(published[version], answers_for(published[version], "fader"))
    with pytest.raises(CodeError) as caught:
        decode(mangle(code), published)
    assert caught.value.reason == reason


def test_never_came_up_only_where_a_statement_offers_it(questionnaire, published):
    answers = [None] * len(questionnaire.statements)
    with pytest.raises(CodeError) as caught:
        decode(encode(questionnaire, answers), published)
    assert caught.value.reason == "damaged"


def test_a_current_code_on_a_site_that_knows_only_version_1(questionnaire, published):
    code = encode(questionnaire, answers_for(questionnaire, "fader"))
    with pytest.raises(CodeError) as caught:
        decode(code, {1: published[1]})
    assert (caught.value.reason, caught.value.version) == ("newer", questionnaire.version)


def test_cli_check_reports_every_published_version(published):
    result = quiz_cli("--language", "en", "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        fill(
            words("cli", "en")["checkOk"],
            file=f"quiz/questionnaires/v{version}.yml",
            version=version,
            statements=len(q.statements),
            facets=len(q.facets),
            profiles=len(q.profiles),
        )
        for version, q in sorted(published.items())
    ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_cli_score_prints_the_result_of_a_share_link(questionnaire, language):
    code = encode(questionnaire, answers_for(questionnaire, "classic_curve"))
    result = quiz_cli("score", f"https://example.org/selbsttest/#code={code}", "--language", language)
    assert result.returncode == 0, result.stderr
    expected = score(questionnaire, answers_for(questionnaire, "classic_curve"))
    cli = words("cli", language)
    assert expected.headline[language] in result.stdout
    assert (
        f"{cli['profile']}: {expected.profile} ({questionnaire.profile(expected.profile).title[language]})"
        in result.stdout
    )
    assert fill(words("widgets", language)["percent"], value=f"{expected.phases['after_sale']:>3}") in result.stdout
    assert fill(cli["version"], version=questionnaire.version, current=questionnaire.version) in result.stdout
    assert fill(cli["range"], low=expected.drop_range[0], high=expected.drop_range[1]) in result.stdout


def test_cli_score_reads_an_older_version_1_link(published):
    answers = answers_for(published[1], "fader")
    result = quiz_cli("score", encode(published[1], answers))
    assert result.returncode == 0, result.stderr
    assert score(published[1], answers).headline["de"] in result.stdout
    assert fill(words("cli", "de")["version"], version=1, current=max(published)) in result.stdout


@pytest.mark.parametrize("language", ["de", "en"])
def test_cli_score_rejects_a_damaged_code_in_one_line(language):
    result = quiz_cli("--language", language, "score", "1-ZZZ")
    assert result.returncode == 1
    assert result.stderr == f"1-ZZZ: {words('widgets', language)['linkDamaged']}\n"


@pytest.mark.parametrize(
    "link, found",
    [
        ("  https://example.org/selbsttest/#code={code}&utm=1 ", True),  # the team overview's rule: up to '&', trimmed
        ("{lower}", True),
        ("#code= {code}\u00a0", True),
        ("x" * 5000 + "#code={code}", False),
    ],
)  # too long: not a code
def test_cli_score_reads_links_by_the_one_rule(questionnaire, link, found):
    code = encode(questionnaire, answers_for(questionnaire, "fader"))
    result = quiz_cli("score", link.format(code=code, lower=code.lower()))
    assert (result.returncode == 0) is found, result.stderr
    if not found:
        assert result.stderr.endswith(f": {words('widgets', 'de')['linkForeign']}\n")


def test_cli_build_writes_everything_another_generator_needs(tmp_path):
    result = quiz_cli("build", str(tmp_path))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "selbsttest.md").read_text(encoding="utf-8")
    assert page.count("<fieldset") >= 24
    assert '"href":"../../leitfaden/' in (tmp_path / "assets" / "selfcheck" / "model.json").read_text(encoding="utf-8")
    for name in ASSETS:
        assert (tmp_path / "assets" / "selfcheck" / name).read_text(encoding="utf-8") == asset(name)


def test_cli_build_into_a_folder_that_cannot_be_made_says_so_in_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = quiz_cli("--language", "en", "build", str(blocker / "site"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(str(blocker / "site")) and "cannot be written" in result.stderr


def test_engine_never_imports_mkdocs():
    code = "import sys, quiz, quiz.__main__, quiz.site_files; sys.exit('mkdocs' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
