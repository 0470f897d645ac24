"""Command line for the self-assessment, without MkDocs.

    python -m quiz check                 validate quiz/selbsttest.yml and its links into docs/
    python -m quiz score CODE_OR_LINK    print the result a code stands for
    python -m quiz build OUTDIR          write the page and the model for another site generator
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from .codes import CodeError, decode, encode
from .definition import DefinitionError, load, unknown_links
from .page import MODEL_PATH, PAGE_PATH, PRIVACY_PATH, SCRIPT_PATH, STYLE_PATH, render_model, render_page
from .scoring import score

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
    score_command.add_argument("--language", default="de", choices=("de", "en"))
    build = commands.add_parser("build", help="write the page and the model into a folder")
    build.add_argument("outdir", type=Path)
    build.add_argument("--language", default="de", choices=("de", "en"))
    args = parser.parse_args(argv)
    try:
        questionnaire = load(args.definition)
    except DefinitionError as error:
        print(error, file=sys.stderr)
        return 1
    return {"check": _check, "score": _score, "build": _build}[args.command](questionnaire, args)


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


def _build(questionnaire, args) -> int:
    """Write the files with directory-style URLs (page.md -> page/), as most generators serve them."""
    page_url = _directory_url(PAGE_PATH)

    def relative(path: str) -> str:
        target, _, anchor = path.partition("#")
        href = os.path.relpath(_directory_url(target), page_url) + ("/" if target.endswith(".md") else "")
        return href + (f"#{anchor}" if anchor else "")

    (args.outdir / MODEL_PATH).parent.mkdir(parents=True, exist_ok=True)
    (args.outdir / MODEL_PATH).write_text(render_model(questionnaire, args.language, link=relative), encoding="utf-8")
    (args.outdir / PAGE_PATH).write_text(render_page(
        questionnaire, args.language, model_url=relative(MODEL_PATH), script_url=relative(SCRIPT_PATH),
        style_url=relative(STYLE_PATH), privacy_url=relative(PRIVACY_PATH)), encoding="utf-8")
    print(f"wrote {args.outdir / PAGE_PATH} and {args.outdir / MODEL_PATH}")
    return 0


def _directory_url(path: str) -> str:
    if path.endswith("index.md"):
        return path[: -len("index.md")] or "."
    return path[:-3] if path.endswith(".md") else path


if __name__ == "__main__":
    sys.exit(main())
