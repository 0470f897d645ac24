"""Command line for the self-assessment, without MkDocs.

    python -m quiz check                 validate quiz/selbsttest.yml and its links into docs/
    python -m quiz score CODE_OR_LINK    print the result a code stands for
    python -m quiz team FILE             print the team overview of a file of codes or links
    python -m quiz build OUTDIR          write the pages and the model for another site generator
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from .codes import CodeError, decode, encode
from .definition import LANGUAGES, PHASE_IDS, DefinitionError, load, unknown_links
from .page import generate
from .scoring import score
from .team import band_label, decimal, summarise
from .wording import WORDING

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEFINITION = Path(os.path.relpath(ROOT / "quiz" / "selbsttest.yml"))
DEFAULT_DOCS = Path(os.path.relpath(ROOT / "docs"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quiz", description="The after-sales self-assessment.")
    parser.add_argument("--definition", type=Path, default=DEFAULT_DEFINITION, help="questionnaire YAML")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the definition and its links")
    check.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="docs folder the links point into")
    score_command = commands.add_parser("score", help="print the result of a code or share link")
    score_command.add_argument("code")
    score_command.add_argument("--language", default="de", choices=LANGUAGES)
    team = commands.add_parser("team", help="print the team overview of a file of codes or share links")
    team.add_argument("file", type=Path)
    team.add_argument("--language", default="de", choices=LANGUAGES)
    build = commands.add_parser("build", help="write the pages and the model into a folder")
    build.add_argument("outdir", type=Path)
    build.add_argument("--language", default="de", choices=LANGUAGES)
    args = parser.parse_args(argv)
    try:
        questionnaire = load(args.definition)
    except DefinitionError as error:
        print(error, file=sys.stderr)
        return 1
    return {"check": _check, "score": _score, "team": _team, "build": _build}[args.command](questionnaire, args)


def _check(questionnaire, args) -> int:
    pages = {path.relative_to(args.docs).as_posix() for path in args.docs.rglob("*.md")}
    problems = unknown_links(questionnaire, pages)
    if problems:
        print(problems[0], file=sys.stderr)
        return 1
    print(f"{questionnaire.path}: OK, version {questionnaire.version}: {len(questionnaire.statements)} statements, "
          f"{len(questionnaire.topics)} topics, {len(questionnaire.profiles)} profiles")
    return 0


def _score(questionnaire, args) -> int:
    found = re.search(r"code=([^&\s]+)", args.code)
    code = found.group(1) if found else args.code
    try:
        answers = decode(code, questionnaire.version, len(questionnaire.statements))
    except CodeError as error:
        print(f"{code}: {error}", file=sys.stderr)
        return 1
    language = args.language
    result = score(questionnaire, answers)
    profile = next(profile for profile in questionnaire.profiles if profile.id == result.profile)
    print(result.headline[language])
    for phase in questionnaire.phases:
        print(f"  {phase.label[language]:<26} {result.phases[phase.id]:>3} %")
    print(f"  {'drop-off':<26} {result.drop_off:>3} points ({'drops off' if result.drops_off else 'holds'})")
    print(f"profile: {profile.id} ({profile.title[language]})")
    for topic_id in result.recommendations:
        topic = questionnaire.topic(topic_id)
        print(f"read: {topic.title[language]} -> {topic.link}")
    print(f"code: {encode(questionnaire.version, answers)}")
    return 0


def _team(questionnaire, args) -> int:
    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.file}: cannot be read ({getattr(error, 'strerror', None) or error})", file=sys.stderr)
        return 1
    language, words = args.language, WORDING[args.language]
    overview = summarise(questionnaire, text)

    def decimal_(tenths: int) -> str:
        return decimal(tenths, words["decimalSeparator"])

    total = len(overview.members)
    print(f"{words['teamTitle']}: {total}")
    for phase in questionnaire.phases:
        print(f"  {phase.label[language]:<26} {decimal_(overview.averages[phase.id]):>6} %")
    print(words["teamDropSummary"].format(dropping=overview.dropping, total=total,
                                          drop=decimal_(overview.averages["drop_off"])))
    for band, count in zip(questionnaire.verdict, overview.bands):
        print(f"  {band_label(words, band)}: {count}")
    print(f"{words['teamNeedsHeading']}:")
    for topic_id, count in overview.needs:
        print(f"  {questionnaire.topic(topic_id).title[language]}: {words['teamNeed'].format(count=count, total=total)}")
    print(f"{words['teamTableHeading']}:")
    profiles = {profile.id: profile.title[language] for profile in questionnaire.profiles}
    for index, member in enumerate(overview.members, start=1):
        phases = " ".join(f"{member.result.phases[phase]:>3}" for phase in PHASE_IDS)
        name = member.name or words["teamPerson"].format(number=index)
        print(f"  {name:<24} {phases}  {member.result.drop_off:>4}  {profiles[member.result.profile]}")
    reasons = {"foreign": "skipForeign", "damaged": "skipDamaged", "version": "skipVersion", "duplicate": "skipDuplicate"}
    for skip in overview.skipped:
        reason = words[reasons[skip.reason]].format(found=skip.detail, current=questionnaire.version, line=skip.detail)
        print(words["teamSkipped"].format(line=skip.line, reason=reason), file=sys.stderr)
    return 0


def _build(questionnaire, args) -> int:
    outputs = generate(questionnaire, args.language, url=_directory_url)
    for path, content in outputs.items():
        (args.outdir / path).parent.mkdir(parents=True, exist_ok=True)
        (args.outdir / path).write_text(content, encoding="utf-8")
    print("wrote " + ", ".join(str(args.outdir / path) for path in outputs))
    return 0


def _directory_url(path: str) -> str:
    """Where a docs path is served by generators with directory URLs: page.md -> page/."""
    if path == "index.md" or path.endswith("/index.md"):
        return path[: -len("index.md")]
    return path[:-3] + "/" if path.endswith(".md") else path


if __name__ == "__main__":
    sys.exit(main())
