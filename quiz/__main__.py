"""Command line for the self-assessment, without any site generator.

    python -m quiz check                 validate the questionnaire, the wording and the links into docs/
    python -m quiz score CODE_OR_LINK    print the result a code stands for
    python -m quiz team FILE             print the team overview of a file of codes or links
    python -m quiz team NOW --before THEN   ... and its change since an earlier round (one version at a time)
    python -m quiz build OUTDIR          write the pages, the model and the scripts for another generator

Everything it prints comes from the wording catalogue, in the language chosen with --language.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import LANGUAGES, definitions, load_all, shown
from .codes import CodeError, decode, encode
from .links import unknown_links
from .model import PHASE_IDS, DefinitionError
from .problems import problem_text
from .scoring import score
from .site_files import KIT_PATH, generate
from .team import MAX_CHARACTERS, MAX_LINES, TooLarge, compare, decimal, shown_name, signed, summarise, verdict_label
from .text import code_in
from .wording import catalogue, fill, words

DEFAULT_DOCS = Path("docs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quiz", description="The after-sales self-assessment.")
    parser.add_argument(
        "--definition",
        type=Path,
        action="append",
        help="a questionnaire YAML (repeatable; default: every published version in quiz/questionnaires/)",
    )
    parser.add_argument("--language", default=LANGUAGES[0], choices=LANGUAGES, help="language of everything printed")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the definition, the wording and the links")
    check.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="docs folder the links point into")
    commands.add_parser("score", help="print the result of a code or share link").add_argument("code")
    team = commands.add_parser("team", help="print the team overview of a file of codes or share links")
    team.add_argument("file", type=Path)
    team.add_argument("--before", type=Path, help="a file of an earlier round: print the change, version by version")
    team.add_argument("--names", action="store_true", help="print names (default: Person 1, Person 2, ...)")
    commands.add_parser("build", help="write the pages, the model and the scripts into a folder").add_argument(
        "outdir", type=Path
    )
    # --language is accepted after the command too: python -m quiz score CODE --language en
    for command in commands.choices.values():
        command.add_argument("--language", default=argparse.SUPPRESS, choices=LANGUAGES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        catalogue()
        questionnaires = load_all([Path(shown(path)) for path in args.definition or definitions()])
    except DefinitionError as error:
        print(error, file=sys.stderr)
        return 1
    return {"check": _check, "score": _score, "team": _team, "build": _build}[args.command](questionnaires, args)


def _check(questionnaires, args) -> int:
    pages = {path.relative_to(args.docs).as_posix() for path in args.docs.rglob("*.md")}
    for questionnaire in questionnaires.values():
        problems = unknown_links(questionnaire, pages)
        if problems:
            print(problems[0], file=sys.stderr)
            return 1
    if KIT_PATH not in pages:  # the team overview links the kit for sales leads
        print(f"{args.docs / KIT_PATH}: the team overview links to this page, but it is missing", file=sys.stderr)
        return 1
    for questionnaire in questionnaires.values():
        print(
            fill(
                words("cli", args.language)["checkOk"],
                file=questionnaire.path,
                version=questionnaire.version,
                statements=len(questionnaire.statements),
                facets=len(questionnaire.facets),
                profiles=len(questionnaire.profiles),
            )
        )
    return 0


def _score(questionnaires, args) -> int:
    language, cli, widgets = args.language, words("cli", args.language), words("widgets", args.language)
    code = code_in(args.code)  # the same rule as the team overview and the assessment page
    try:
        questionnaire, answers = decode(code, questionnaires)
    except CodeError as error:
        message = problem_text(widgets, "link", error.reason, error.version, max(questionnaires))
        print(f"{code or args.code[:80]}: {message}", file=sys.stderr)
        return 1
    result = score(questionnaire, answers)
    print(fill(cli["version"], version=result.version, current=max(questionnaires)))
    print(result.headline[language])
    for phase in questionnaire.phases:
        print(f"  {phase.label[language]:<26} {fill(widgets['percent'], value=f'{result.phases[phase.id]:>3}')}")
    if result.drop_off is not None:
        spread = fill(cli["range"], low=result.drop_range[0], high=result.drop_range[1]) if result.drop_range else ""
        print(f"  {cli['dropOffLine']:<26} {result.drop_off:>3} {cli['points']} {spread}".rstrip())
    print(f"  {cli['verdict']:<26} {verdict_label(widgets, result.verdict)}")
    print(f"  {cli['level']:<26} {fill(widgets['percent'], value=f'{result.level:>3}')}")
    if result.profile:
        print(f"{cli['profile']}: {result.profile} ({questionnaire.profile(result.profile).title[language]})")
    for facet_id in result.recommendations:
        facet = questionnaire.facet(facet_id)
        print(f"{cli['read']}: {facet.title[language]} -> {facet.link}")
    print(f"{widgets['codeLabel']}: {encode(questionnaire, answers)}")
    return 0


def _team(questionnaires, args) -> int:
    language, cli, widgets = args.language, words("cli", args.language), words("widgets", args.language)
    overview = _read_round(questionnaires, args.file, cli, widgets)
    before = None if args.before is None else _read_round(questionnaires, args.before, cli, widgets, earlier=True)
    if overview is None or (args.before is not None and before is None):
        return 1
    if not overview.members:
        print(fill(cli["nothingToEvaluate"], file=args.file), file=sys.stderr)
        return 1

    def decimal_(tenths: int) -> str:
        return decimal(tenths, widgets["decimalSeparator"])

    print(f"{widgets['teamTitle']}: {len(overview.members)}")
    for summary in overview.summaries:
        questionnaire, total = questionnaires[summary.version], summary.count
        print(fill(widgets["teamVersionHeading"], version=summary.version, count=total))
        for phase in questionnaire.phases:
            print(
                f"  {phase.label[language]:<26} {fill(widgets['percent'], value=f'{decimal_(summary.averages[phase.id]):>6}')}"
            )
        if summary.averages["drop_off"] is not None:
            print(f"  {cli['dropOffLine']:<26} {decimal_(summary.averages['drop_off']):>6} {cli['points']}")
        for verdict, count in summary.verdicts.items():
            print(f"  {verdict_label(widgets, verdict)}: {count}")
        if summary.reserve is not None:
            print(f"  {fill(widgets['teamReserve'], count=summary.reserve, total=total)}")
        print(f"  {widgets['teamNeedsHeading']}:")
        for facet_id, count in summary.needs:
            need = fill(widgets["teamNeed"], count=count, total=total)
            print(f"    {questionnaire.facet(facet_id).title[language]}: {need}")
    print(f"{widgets['teamTableHeading']}:")
    for index, member in enumerate(overview.members, start=1):
        _print_member(widgets, member, index, args.names)
    if before is not None:
        _print_rounds(questionnaires, before, overview, args, widgets)
    return 0


def _read_round(questionnaires, path: Path, cli: dict, widgets: dict, earlier: bool = False):
    """The team in a file, its skipped lines on stderr (the earlier round's with its file name);
    None, after saying why, when the file cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        print(fill(cli["cannotRead"], file=path, reason=_reason(error)), file=sys.stderr)
        return None
    try:
        overview = summarise(questionnaires, text)
    except TooLarge as error:
        print(f"{shown(path)}: " + _too_large(widgets, error), file=sys.stderr)
        return None
    for skip in overview.skipped:
        reason = problem_text(widgets, "line", skip.reason, skip.detail, max(questionnaires))
        where = f"{shown(path)}: " if earlier else ""
        print(where + fill(widgets["teamSkipped"], line=skip.line, reason=reason), file=sys.stderr)
    return overview


def _print_member(widgets: dict, member, number: int, names: bool) -> None:
    result = member.result
    phases = " ".join(f"{result.phases[phase]:>3}" for phase in PHASE_IDS)
    drop = "" if result.drop_off is None else result.drop_off
    name = shown_name(widgets, member, number, names)
    print(f"  {name:<24} v{result.version}  {phases}  {drop:>4}  {verdict_label(widgets, result.verdict)}")


def _print_rounds(questionnaires, before, now, args, widgets: dict) -> None:
    """The earlier round's people, then the change: only within one version, per person only by name."""
    language, separator = args.language, widgets["decimalSeparator"]
    rounds = compare(before, now)
    print(f"{widgets['teamTableBefore']}:")
    for member, number in zip(before.members, rounds.before_numbers, strict=True):
        _print_member(widgets, member, number, args.names)
    earlier = {summary.version: summary for summary in before.summaries}
    later = {summary.version: summary for summary in now.summaries}
    for change in rounds.changes:
        old, new = earlier[change.version], later[change.version]
        print(fill(widgets["teamRoundsVersionHeading"], version=change.version, before=old.count, now=new.count))
        labels = [(phase.id, phase.label[language]) for phase in questionnaires[change.version].phases]
        for key, label in [*labels, ("drop_off", widgets["teamDropOff"])]:
            if change.averages[key] is not None:
                then, now_ = decimal(old.averages[key], separator), decimal(new.averages[key], separator)
                print(f"  {label:<26} {then:>6} -> {now_:>6}  ({signed(change.averages[key], separator)})")
        for verdict, difference in change.verdicts.items():
            label = verdict_label(widgets, verdict)
            print(f"  {label}: {old.verdicts[verdict]} -> {new.verdicts[verdict]}  ({difference:+d})")
        if new.reserve is not None:
            print(f"  {widgets['teamReserveRow']}: {old.reserve} -> {new.reserve}  ({new.reserve - old.reserve:+d})")
    for version in rounds.only_before:
        print(fill(widgets["teamOnlyBefore"], version=version, count=earlier[version].count))
    for version in rounds.only_now:
        print(fill(widgets["teamOnlyNow"], version=version, count=later[version].count))
    if rounds.only_before or rounds.only_now:
        print(f"  {widgets['teamNoChangeWhy']}")
    print(f"{widgets['teamPeopleHeading']}:")
    print(f"  {widgets['teamPeopleNote']}")
    if not rounds.people:
        print(f"  {widgets['teamPeopleNone']}")
    by_number = {index: member for index, member in enumerate(now.members, start=1)}
    for person in rounds.people:
        phases = " ".join(f"{person.phases[phase]:>+4d}" for phase in PHASE_IDS)
        drop = "" if person.drop_off is None else f"{person.drop_off:+d}"
        name = shown_name(widgets, by_number[person.number], person.number, args.names)
        print(
            f"  {name:<24} v{person.version}  {phases}  {drop:>4}  "
            f"{verdict_label(widgets, person.before)} -> {verdict_label(widgets, person.now)}"
        )


def _build(questionnaires, args) -> int:
    cli = words("cli", args.language)
    outputs = generate(questionnaires, args.language, url=_directory_url)
    for path, content in outputs.items():
        target = args.outdir / path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        except OSError as error:
            print(fill(cli["cannotWrite"], path=target, reason=_reason(error)), file=sys.stderr)
            return 1
    print(fill(cli["wrote"], count=len(outputs), folder=args.outdir))
    return 0


def _directory_url(path: str) -> str:
    """Where a docs path is served by generators with directory URLs: page.md -> page/."""
    if path == "index.md" or path.endswith("/index.md"):
        return path[: -len("index.md")]
    return path[:-3] + "/" if path.endswith(".md") else path


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or type(error).__name__


def _too_large(widgets: dict, error: TooLarge) -> str:
    def number(value: int) -> str:
        return f"{value:,}".replace(",", widgets["thousandsSeparator"])

    return fill(
        widgets["teamTooLarge"],
        characters=number(error.characters),
        lines=number(error.lines),
        maxCharacters=number(MAX_CHARACTERS),
        maxLines=number(MAX_LINES),
    )


if __name__ == "__main__":
    sys.exit(main())
