"""Team overview: the summary, the CSV and `python -m quiz team` (the page in the browser: tests/browser/test_team_page.py)."""

from __future__ import annotations

from csv import reader
from io import StringIO

import pytest

from quiz import encode, score
from quiz.model import PHASE_IDS, VERDICTS
from quiz.team import decimal, summarise, to_csv
from quiz.wording import fill, words

from conftest import quiz_cli
from personas import PERSONAS, answers_for
from team_pastes import OLDER

DE = words("widgets", "de")
EN = words("widgets", "en")


def test_each_version_is_summed_up_on_its_own(published, pasted):
    team = summarise(published, pasted)
    assert [summary.version for summary in team.summaries] == [max(published), 1]
    assert len(team.members) == len(PERSONAS) + len(OLDER)
    for summary in team.summaries:
        questionnaire = published[summary.version]
        results = [m.result for m in team.members if m.result.version == summary.version]
        assert summary.count == len(results)
        for phase in PHASE_IDS:
            assert abs(summary.averages[phase] / 10 - sum(r.phases[phase] for r in results) / len(results)) <= 0.05
        assert summary.verdicts["yes"] == sum(r.verdict == "yes" for r in results)
        assert sum(summary.verdicts.values()) == len(results)
        assert set(summary.verdicts) == ({"yes", "no"} if questionnaire.method == "phase_means" else set(VERDICTS))
    assert [(skip.line, skip.reason) for skip in team.skipped] == [
        (2, "foreign"),
        (5, "newer"),
        (11, "damaged"),
        (12, "duplicate"),
    ]
    assert team.skipped[-1].detail == 1 and team.skipped[1].detail == 7


def test_the_not_clear_yet_group_is_counted_on_its_own(published):
    latest = published[max(published)]
    unclear = [
        persona for persona in sorted(PERSONAS) if score(latest, answers_for(latest, persona)).verdict == "unclear"
    ]
    text = "\n".join(encode(latest, answers_for(latest, persona)) for persona in sorted(PERSONAS))
    assert summarise(published, text).summaries[0].verdicts["unclear"] == len(unclear)


def test_csv_opens_in_german_excel_and_says_the_version(published, pasted):
    csv = to_csv(published, summarise(published, pasted), "de", DE)
    assert csv.startswith(f"\ufeff{DE['teamName']};{DE['teamVersion']};Erstkontakt;")
    assert csv.endswith("\r\n") and "\n" not in csv.replace("\r\n", "")
    rows = list(reader(StringIO(csv[1:], newline=""), delimiter=";"))
    assert len(rows) == 1 + len(PERSONAS) + len(OLDER) + 2  # header, people, one average per version
    latest = str(max(published))
    assert rows[-2][:2] == [fill(DE["teamAverageVersion"], version=latest), latest]
    assert rows[-1][:2] == [fill(DE["teamAverageVersion"], version=1), "1"] and "," in rows[-1][2]
    assert sorted(row[1] for row in rows[1:-2]) == ["1"] * len(OLDER) + [latest] * len(PERSONAS)


def test_csv_defuses_names_that_excel_would_run_as_formulas(published, pasted):
    csv = to_csv(published, summarise(published, pasted), "de", DE, names=True)  # names only when the lead shows them
    rows = list(reader(StringIO(csv[1:], newline=""), delimiter=";"))
    names = [row[0] for row in rows[1:-2]]
    assert '\'=HYPERLINK("https://example.org","Details")' in names and "'+SUM(1;2)" in names  # readable, inert
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)
    drop_offs = [row[6] for row in rows[1:-2]]
    assert any(value.startswith("-") for value in drop_offs), "negative numbers stay numbers"


def test_cli_says_there_is_nothing_to_evaluate_in_an_empty_file(tmp_path):
    listing = tmp_path / "team.txt"
    listing.write_text("\n  \nkein Code\n", encoding="utf-8")
    result = quiz_cli("team", listing)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == fill(words("cli", "de")["nothingToEvaluate"], file=listing)


@pytest.mark.parametrize(
    "language, numbers",
    [("de", ("1.000.001", "1", "1.000.000", "20.000")), ("en", ("20,000", "20,001", "1,000,000", "20,000"))],
)
def test_cli_refuses_a_paste_beyond_the_limits_with_its_numbers(tmp_path, language, numbers):
    listing = tmp_path / "team.txt"
    listing.write_text(" " * 1_000_001 if language == "de" else "\n" * 20_000, encoding="utf-8")
    result = quiz_cli("--language", language, "team", listing)
    characters, lines, most, most_lines = numbers
    assert result.returncode == 1 and result.stdout == ""
    assert (
        result.stderr
        == f"{listing}: "
        + fill(
            words("widgets", language)["teamTooLarge"],
            characters=characters,
            lines=lines,
            maxCharacters=most,
            maxLines=most_lines,
        )
        + "\n"
    )


def test_lines_with_trailing_separators_or_only_separators_are_read_not_fatal(published):
    code = encode(published[max(published)], answers_for(published[max(published)], "fader"))
    team = summarise(published, f"Anna Berger;  {code};\n;;,\n– Ben –, {code.lower()},;\n")
    assert [(m.line, m.name, m.code) for m in team.members] == [(1, "Anna Berger", code)]
    assert [(s.line, s.reason) for s in team.skipped] == [(2, "foreign"), (3, "duplicate")]


def test_cli_prints_the_same_overview(published, pasted, tmp_path):
    listing = tmp_path / "team.txt"
    listing.write_text(pasted, encoding="utf-8")
    result = quiz_cli("team", listing)
    assert result.returncode == 0, result.stderr
    team = summarise(published, pasted)
    for summary in team.summaries:
        assert fill(DE["teamVersionHeading"], version=summary.version, count=summary.count) in result.stdout
        for phase in PHASE_IDS:
            assert f"{decimal(summary.averages[phase]):>6}" in result.stdout  # points, the unit in the heading
    assert result.stderr.splitlines() == [
        fill(DE["teamSkipped"], line=2, reason=DE["skipForeign"]),
        fill(DE["teamSkipped"], line=5, reason=fill(DE["skipNewer"], found=7, current=max(published))),
        fill(DE["teamSkipped"], line=11, reason=DE["skipDamaged"]),
        fill(DE["teamSkipped"], line=12, reason=fill(DE["skipDuplicate"], line=1)),
    ]
