"""The self-assessment engine: questionnaire definitions, scoring, result codes, team overview,
and the files it adds to a site (pages, model, browser scripts).

Every published version of the questionnaire stays in questionnaires/ with its scoring frozen,
so that older codes, links and histories keep their results; the highest version is current.
Pure Python; nothing here imports a site generator, so any of them can call it.
"""

import re
from importlib.resources import files
from pathlib import Path

from .codes import CodeError, decode, encode
from .model import LANGUAGES, DefinitionError, Questionnaire
from .paths import shown
from .scoring import Result, score
from .validate import load

QUESTIONNAIRES = Path(str(files(__package__) / "questionnaires"))


def definitions(folder: Path = QUESTIONNAIRES) -> list[Path]:
    """Every published definition (v1.yml, v2.yml, …), oldest first."""
    found = [path for path in folder.glob("v*.yml") if re.fullmatch(r"v[1-9][0-9]*\.yml", path.name)]
    return sorted(found, key=lambda path: int(path.stem[1:]))


DEFINITION = definitions()[-1]  # the current version, the one readers answer


def load_all(paths: list[Path] | None = None, *, latest: int | None = None) -> dict[int, Questionnaire]:
    """{version: questionnaire} for every published definition (up to ``latest`` when given).

    A file whose version does not match its name is a DefinitionError: v2.yml holds version 2.
    """
    questionnaires = {}
    for path in paths if paths is not None else definitions():
        questionnaire = load(path)
        expected = int(Path(path).stem[1:]) if re.fullmatch(r"v[1-9][0-9]*", Path(path).stem) else questionnaire.version
        if questionnaire.version != expected:
            raise DefinitionError(
                path, None, "version", f"is {questionnaire.version}, but the file name says {expected}"
            )
        if latest is None or questionnaire.version <= latest:
            questionnaires[questionnaire.version] = questionnaire
    return questionnaires


__all__ = [
    "DEFINITION",
    "QUESTIONNAIRES",
    "CodeError",
    "DefinitionError",
    "LANGUAGES",
    "Questionnaire",
    "Result",
    "decode",
    "definitions",
    "encode",
    "load",
    "load_all",
    "score",
    "shown",
]
