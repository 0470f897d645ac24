"""Spelling: cspell (cspell.json) over both editions and the texts kept as data, each in its language.

German pages are checked with the German and Austrian dictionaries, English pages with the British
one. The questionnaires (quiz/questionnaires/*.yml), the interface wording (quiz/wording.yml) and the texts the build inserts into pages
(includes/*.yml: legal notes, follow-up plan) keep both languages side by side, so their texts are
first written to one file per language (names ending in .de.txt / .en.txt pick the language in
cspell.json). Trade terms and names belong in cspell-words.txt; real typos get fixed in the text.
One cspell run checks the real texts and two copies with planted typos, so the check stays fast.
"""

from __future__ import annotations

import re
import subprocess

import yaml

import quiz
import quiz.wording

from conftest import ROOT

DATA = [*quiz.definitions(), quiz.wording.CATALOGUE, *sorted((ROOT / "includes").glob("*.yml"))]
ISSUE = re.compile(r"^(?P<file>.+?):\d+:\d+ - Unknown word \((?P<word>[^)]+)\)", re.M)
CHECKED = re.compile(r"Files checked: (\d+)")
# Copies of a page with a planted sentence: a misspelt German word; in the English copy a misspelt
# word, a German word and an American spelling, which only pass if the wrong dictionary is used.
PLANTED = {
    "druck.de.md": ("docs/leitfaden/druck.md", "Der Kunde unterschreibt den Vertarg.", {"Vertarg"}),
    "druck.en.md": (
        "docs-en/leitfaden/druck.md",
        "The custommer chose a color; the Kunde agreed.",
        {"custommer", "color", "Kunde"},
    ),
}


def texts(node, language: str) -> list[str]:
    """Every text of one language in a data file: the values of mappings with 'de' and 'en'."""
    if isinstance(node, dict):
        if isinstance(node.get("de"), str) and isinstance(node.get("en"), str):
            return [node[language]]
        return [text for value in node.values() for text in texts(value, language)]
    if isinstance(node, list):
        return [text for value in node for text in texts(value, language)]
    return []


def spelling():
    """Files checked, the number cspell reports, and the unknown words by file (quiz texts by language)."""
    pages = sorted(
        path.relative_to(ROOT).as_posix()
        for folder in ("docs", "docs-en")
        for path in (ROOT / folder).rglob("*.md")
        if "assets" not in path.parts
    )
    # Inside the project: cspell leaves files outside its root unchecked. A fixed folder and cspell's
    # content-keyed cache make a second run take about 2 s instead of 8 (the dictionaries stay unloaded).
    scratch = ROOT / ".spelling"  # one test uses it (below), so two workers never write it at once
    scratch.mkdir(exist_ok=True)
    names = {}
    for data in DATA:
        definition = yaml.safe_load(data.read_text(encoding="utf-8"))
        for language in ("de", "en"):
            name = f"{data.parent.name}-{data.stem}.{language}.txt"
            (scratch / name).write_text("\n".join(texts(definition, language)) + "\n", encoding="utf-8")
            names[name] = f"{data.relative_to(ROOT).as_posix()} ({language})"
    for name, (source, sentence, _) in PLANTED.items():
        text = (ROOT / source).read_text(encoding="utf-8")
        (scratch / name).write_text(f"{text}\n{sentence}\n", encoding="utf-8")
        names[name] = name
    folder = scratch.relative_to(ROOT).as_posix()
    files = pages + [f"{folder}/{name}" for name in names]
    result = subprocess.run(
        [
            "npx",
            "--no-install",
            "cspell",
            "--no-progress",
            "--no-color",
            "--config",
            "cspell.json",
            "--cache",
            "--cache-strategy",
            "content",
            "--cache-location",
            "node_modules/.cache/cspell",
            *files,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    checked = CHECKED.search(result.stderr + result.stdout)
    assert checked, f"cspell did not run:\n{result.stderr}{result.stdout}"
    unknown: dict[str, set[str]] = {}
    for match in ISSUE.finditer(result.stdout):
        file = match["file"]
        if file.startswith(folder + "/"):
            file = names[file.rsplit("/", 1)[1]]
        unknown.setdefault(file, set()).add(match["word"])
    return len(files), int(checked.group(1)), unknown


def test_both_editions_and_the_questionnaire_are_spelled_correctly_and_a_planted_typo_fails():
    files, checked, unknown = spelling()
    assert checked == files, f"cspell checked {checked} of {files} files"
    real = {file: words for file, words in unknown.items() if file not in PLANTED}
    assert not real, "unknown words (fix the typo, or add a trade term or name to cspell-words.txt):\n" + "\n".join(
        f"{file}: {', '.join(sorted(words))}" for file, words in sorted(real.items())
    )
    for name, (_, _, typos) in PLANTED.items():
        assert unknown.get(name) == typos, name
