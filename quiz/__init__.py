"""The self-assessment: questionnaire definition, scoring, result codes and page generation.

Pure Python with PyYAML only; nothing here imports MkDocs, so any site generator can call it.
"""

from .codes import CodeError, decode, encode
from .definition import DefinitionError, Questionnaire, load
from .scoring import Result, score

__all__ = [
    "CodeError",
    "DefinitionError",
    "Questionnaire",
    "Result",
    "decode",
    "encode",
    "load",
    "score",
]
