"""The wording catalogue (wording.yml): every fixed sentence around the questionnaire, both
languages side by side, checked so that no language lacks a key or a placeholder."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from . import yaml_lines
from .model import LANGUAGES, DefinitionError
from .validate import Checker

CATALOGUE = Path(str(files(__package__) / "wording.yml"))
GROUPS = ("widgets", "site", "cli")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_KEY = re.compile(r"^[a-z][A-Za-z0-9]*$")


def load(path: Path | str = CATALOGUE) -> dict:
    """{group: {language: {key: text}}}, or DefinitionError naming the file, line, key and problem."""
    path = Path(path)
    checker = Checker(path)
    data = yaml_lines.read(path)
    checker.fields(data, "top level", required=GROUPS)
    catalogue = {}
    for group in GROUPS:
        entries = data[group]
        if not isinstance(entries, dict) or not entries:
            checker.fail(data, f"group '{group}'", "must be a non-empty mapping of keys to texts")
        by_language = {language: {} for language in LANGUAGES}
        for key, value in entries.items():
            item = f"{group}.{key}"
            if not isinstance(key, str) or not _KEY.match(key):
                checker.fail(
                    entries, item, "a key must be a word like 'submitLabel' (YAML reads yes/no/on/off as true/false)"
                )
            texts = checker.text_value(value, entries, item)
            placeholders = {language: sorted(set(_PLACEHOLDER.findall(texts[language]))) for language in LANGUAGES}
            if len({tuple(names) for names in placeholders.values()}) > 1:
                found = "; ".join(
                    f"{language}: {', '.join('{' + n + '}' for n in names) or 'none'}"
                    for language, names in placeholders.items()
                )
                checker.fail(value, item, f"the languages use different placeholders ({found})")
            for language in LANGUAGES:
                by_language[language][key] = texts[language]
        catalogue[group] = by_language
    return catalogue


@cache
def catalogue() -> dict:
    """The packaged catalogue, read once per process."""
    return load()


def words(group: str, language: str) -> dict:
    """One group's texts in one language, e.g. words("widgets", "de")["submit"]."""
    return catalogue()[group][language]


def fill(text: str, **values) -> str:
    """Put values into ``{name}`` placeholders, as the page scripts do; unknown names stay as they are."""
    return _PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)


__all__ = ["CATALOGUE", "DefinitionError", "catalogue", "fill", "load", "words"]
