"""Two rounds compared (quiz.team.compare) and names hidden by default, in the CSV and the CLI
(the page: tests/browser/test_team_rounds.py; Python and JS agree: tests/js/engine.test.mjs)."""

from __future__ import annotations

from csv import reader
from io import StringIO
from shutil import copytree

from team_rounds import different_versions, mixed_versions, same_version

from quiz.model import PHASE_IDS
from quiz.team import compare, decimal, signed, summarise, to_csv
from quiz.wording import fill, words

from conftest import ROOT, quiz_cli

DE = words("widgets", "de")


def test_two_rounds_on_one_version_change_by_group_and_by_name(published):
    before, now = (summarise(published, text) for text in same_version(published))
    rounds = compare(before, now)
    latest = max(published)
    (change,) = rounds.changes
    old, new = before.summaries[0], now.summaries[0]
    assert change.version == latest and rounds.only_before == rounds.only_now == ()
    assert change.averages == {key: new.averages[key] - old.averages[key] for key in [*PHASE_IDS, "drop_off"]}
    assert change.verdicts == {verdict: new.verdicts[verdict] - old.verdicts[verdict] for verdict in new.verdicts}
    assert (old.reserve, new.reserve) == (0, 2)  # Anna and Ben answered the extra pairs this time
    # Anna and Ben only: Clara left, Dana joined, and "Sam" stands twice now, so nobody knows which one.
    assert [(person.number, person.name) for person in rounds.people] == [(1, "Anna Berger"), (2, "Ben Kaya")]
    anna_before, anna_now = before.members[0].result, now.members[0].result
    assert rounds.people[0].phases == {phase: anna_now.phases[phase] - anna_before.phases[phase] for phase in PHASE_IDS}
    assert rounds.people[0].drop_off == anna_now.drop_off - anna_before.drop_off
    assert (rounds.people[0].before, rounds.people[0].now) == (anna_before.verdict, anna_now.verdict)
    # the same number for the same name; the others after the current round's five
    assert rounds.before_numbers == (1, 2, 6, 7)


def test_rounds_on_different_versions_stand_side_by_side_without_a_change(published):
    before, now = (summarise(published, text) for text in different_versions(published))
    rounds = compare(before, now)
    assert rounds.changes == () and rounds.people == ()  # the same names, but another version
    assert (rounds.only_before, rounds.only_now) == ((min(published),), (max(published),))
    assert rounds.before_numbers == (1, 2, 3)  # still the same people


def test_rounds_that_mix_versions_are_compared_version_by_version(published):
    before, now = (summarise(published, text) for text in mixed_versions(published))
    rounds = compare(before, now)
    assert [change.version for change in rounds.changes] == [max(published), min(published)]
    for change in rounds.changes:
        old = [m.result for m in before.members if m.result.version == change.version]
        new = [m.result for m in now.members if m.result.version == change.version]
        for phase in PHASE_IDS:  # only this version's people count, on each side
            expected = sum(r.phases[phase] for r in new) / len(new) - sum(r.phases[phase] for r in old) / len(old)
            assert abs(change.averages[phase] / 10 - expected) <= 0.1
    # Anna stayed on the current version, Ben on the oldest; Clara changed version and has no change.
    assert [(person.name, person.version) for person in rounds.people] == [
        ("Anna Berger", max(published)),
        ("Ben Kaya", min(published)),
    ]


def test_the_csv_hides_names_unless_they_are_shown(published):
    team = summarise(published, same_version(published)[1])
    hidden = list(reader(StringIO(to_csv(published, team, "de", DE)[1:], newline=""), delimiter=";"))
    shown = list(reader(StringIO(to_csv(published, team, "de", DE, names=True)[1:], newline=""), delimiter=";"))
    people = len(team.members)
    assert [row[0] for row in hidden[1 : 1 + people]] == [
        fill(DE["teamPerson"], number=n) for n in range(1, people + 1)
    ]
    assert [row[0] for row in shown[1 : 1 + people]] == [member.name for member in team.members]
    assert [row[1:] for row in hidden] == [row[1:] for row in shown]


def test_cli_compares_two_rounds_and_hides_names(published, tmp_path):
    before_text, now_text = same_version(published)
    (tmp_path / "then.txt").write_text(before_text, encoding="utf-8")
    (tmp_path / "now.txt").write_text(now_text, encoding="utf-8")
    result = quiz_cli("team", tmp_path / "now.txt", "--before", tmp_path / "then.txt")
    assert result.returncode == 0, result.stderr
    before, now = summarise(published, before_text), summarise(published, now_text)
    old, new = before.summaries[0], now.summaries[0]
    out = result.stdout
    assert fill(DE["teamReserve"], count=2, total=5) in out  # the reserve count per version
    assert fill(DE["teamRoundsVersionHeading"], version=new.version, before=old.count, now=new.count) in out
    for phase in PHASE_IDS:
        assert (
            f"{decimal(old.averages[phase]):>6} -> {decimal(new.averages[phase]):>6}  "
            f"({signed(new.averages[phase] - old.averages[phase])})" in out
        )
    assert f"{DE['teamReserveRow']}: 0 -> 2  (+2)" in out
    assert "Anna" not in out and "Sam" not in out
    assert fill(DE["teamPerson"], number=7) in out  # Sam of the earlier round, after the current round's five
    skipped = fill(DE["teamSkipped"], line=5, reason=DE["skipForeign"])
    assert result.stderr == f"{tmp_path / 'then.txt'}: {skipped}\n"
    named = quiz_cli("team", tmp_path / "now.txt", "--before", tmp_path / "then.txt", "--names")
    people = named.stdout.split(DE["teamPeopleHeading"])[1]
    assert "Anna Berger" in people and "Ben Kaya" in people and "Sam" not in people and "Dana" not in people


def test_cli_shows_rounds_on_different_versions_without_a_change(published, tmp_path):
    before_text, now_text = different_versions(published)
    (tmp_path / "then.txt").write_text(before_text, encoding="utf-8")
    (tmp_path / "now.txt").write_text(now_text, encoding="utf-8")
    result = quiz_cli("--language", "en", "team", tmp_path / "now.txt", "--before", tmp_path / "then.txt")
    en = words("widgets", "en")
    assert result.returncode == 0, result.stderr
    assert fill(en["teamOnlyBefore"], version=min(published), count=3) in result.stdout
    assert fill(en["teamOnlyNow"], version=max(published), count=3) in result.stdout
    assert en["teamNoChangeWhy"] in result.stdout and en["teamPeopleNone"] in result.stdout
    assert " -> " not in result.stdout


def test_cli_refuses_an_earlier_round_it_cannot_read(tmp_path, published):
    (tmp_path / "now.txt").write_text(same_version(published)[1], encoding="utf-8")
    result = quiz_cli("team", tmp_path / "now.txt", "--before", tmp_path / "missing.txt")
    assert result.returncode == 1 and result.stdout == ""
    assert str(tmp_path / "missing.txt") in result.stderr


def test_check_refuses_docs_without_the_kit_the_team_overview_links(tmp_path):
    docs = copytree(ROOT / "docs", tmp_path / "docs")
    assert quiz_cli("check", "--docs", docs).returncode == 0
    (docs / "werkzeuge" / "fuehrungskraefte.md").unlink()
    result = quiz_cli("check", "--docs", docs)
    assert result.returncode == 1
    missing = docs / "werkzeuge" / "fuehrungskraefte.md"
    assert result.stderr == f"{missing}: the team overview links to this page, but it is missing\n"
