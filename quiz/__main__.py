"""Command line for the self-assessment, without any site generator.

    python -m quiz check                 validate the questionnaire, the wording and the links into docs/
    python -m quiz score CODE_OR_LINK    print the result a code stands for
    python -m quiz team FILE             print the team overview of a file of codes or links
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
from .site_files import generate
from .team import MAX_CHARACTERS, MAX_LINES, TooLarge, decimal, summarise, verdict_label
from .text import code_in
from .wording import catalogue, fill, words

DEFAULT_DOCS = Path("docs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quiz", description="The after-sales self-assessment.")
    parser.add_argument("--definition", type=Path, action="append", help="a questionnaire YAML (repeatable; "
                        "default: every published version in quiz/questionnaires/)")
    parser.add_argument("--language", default=LANGUAGES[0], choices=LANGUAGES, help="language of everything printed")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the definition, the wording and the links")
    check.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="docs folder the links point into")
    commands.add_parser("score", help="print the result of a code or share link").add_argument("code")
    commands.add_parser("team", help="print the team overview of a file of codes or share links").add_argument("file", type=Path)
    commands.add_parser("build", help="write the pages, the model and the scripts into a folder").add_argument("outdir", type=Path)
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
    for questionnaire in questionnaires.values():
        print(fill(words("cli", args.language)["checkOk"], file=questionnaire.path, version=questionnaire.version,
                   statements=len(questionnaire.statements), facets=len(questionnaire.facets),
                   profiles=len(questionnaire.profiles)))
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
    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        print(fill(cli["cannotRead"], file=args.file, reason=_reason(error)), file=sys.stderr)
        return 1
    try:
        overview = summarise(questionnaires, text)
    except TooLarge as error:
        print(f"{shown(args.file)}: " + _too_large(widgets, error), file=sys.stderr)
        return 1
    for skip in overview.skipped:
        reason = problem_text(widgets, "line", skip.reason, skip.detail, max(questionnaires))
        print(fill(widgets["teamSkipped"], line=skip.line, reason=reason), file=sys.stderr)
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
            print(f"  {phase.label[language]:<26} {fill(widgets['percent'], value=f'{decimal_(summary.averages[phase.id]):>6}')}")
        if summary.averages["drop_off"] is not None:
            print(f"  {cli['dropOffLine']:<26} {decimal_(summary.averages['drop_off']):>6} {cli['points']}")
        for verdict, count in summary.verdicts.items():
            print(f"  {verdict_label(widgets, verdict)}: {count}")
        print(f"  {widgets['teamNeedsHeading']}:")
        for facet_id, count in summary.needs:
            print(f"    {questionnaire.facet(facet_id).title[language]}: {fill(widgets['teamNeed'], count=count, total=total)}")
    print(f"{widgets['teamTableHeading']}:")
    for index, member in enumerate(overview.members, start=1):
        result = member.result
        phases = " ".join(f"{result.phases[phase]:>3}" for phase in PHASE_IDS)
        name = member.name or fill(widgets["teamPerson"], number=index)
        drop = "" if result.drop_off is None else result.drop_off
        print(f"  {name:<24} v{result.version}  {phases}  {drop:>4}  {verdict_label(widgets, result.verdict)}")
    return 0


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
    return fill(widgets["teamTooLarge"], characters=number(error.characters), lines=number(error.lines),
                maxCharacters=number(MAX_CHARACTERS), maxLines=number(MAX_LINES))


if __name__ == "__main__":
    sys.exit(main())
