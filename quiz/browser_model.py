"""The model handed to the browser (JSON): every published version of the questionnaire in one
language, the widgets' wording, and every rule the JavaScript engine (assets/engine.js) needs,
so that it hard-codes none."""

from __future__ import annotations

import json
from collections.abc import Callable

from . import estimate
from .codes import ALPHABET, code_format
from .model import POINTS_PER_STEP, RECOMMENDATION_COUNT, SCALE_POINTS, TEAM_NEEDS_COUNT, Questionnaire
from .problems import problem_texts
from .team import FORMULA_START, MAX_CHARACTERS, MAX_LINES
from .text import BLANKS, LINK_LIMIT, NAME_EDGES, SEPARATORS
from .wording import words


def build_model(questionnaires: dict[int, Questionnaire], language: str, *, link: Callable[[str], str]) -> dict:
    """Everything the page scripts need to score and explain a result of any published version.

    ``link`` turns a definition link such as ``leitfaden/druck.md#grenze`` into an href.
    """
    return {
        "current": max(questionnaires),
        "language": language,
        "rules": {
            "scalePoints": SCALE_POINTS,
            "pointsPerStep": POINTS_PER_STEP,
            "recommendationCount": RECOMMENDATION_COUNT,
            "teamNeedsCount": TEAM_NEEDS_COUNT,
            "codeAlphabet": ALPHABET,
            "blanks": BLANKS,
            "separators": SEPARATORS,
            "nameEdges": NAME_EDGES,
            "linkLimit": LINK_LIMIT,
            "teamMaxCharacters": MAX_CHARACTERS,
            "teamMaxLines": MAX_LINES,
            "formulaStart": "".join(FORMULA_START),
            "minPairs": estimate.MIN_PAIRS,
            "sdFloor": estimate.SD_FLOOR,
            "yesFrom": estimate.YES_FROM,
            "noUpTo": estimate.NO_UP_TO,
            "tTable": list(estimate.T_TABLE),
            "morePairsCap": estimate.MORE_PAIRS_CAP,
            "levelBands": [list(band) for band in estimate.LEVEL_BANDS],
        },
        "versions": [
            version_model(questionnaire, language, link) for _, questionnaire in sorted(questionnaires.items())
        ],
        "wording": words("widgets", language),
        "codeProblems": problem_texts(words("widgets", language)),
    }


def estimate_model(questionnaire: Questionnaire) -> dict | None:
    """The estimator and verdict rules a pairs version reads its differences with (estimate.RULES),
    and its pairs: [closing position, after-sale position, reserve] in scoring order."""
    if questionnaire.method != "pairs":
        return None
    rules = estimate.RULES[questionnaire.estimator]
    return {
        "kind": rules.kind,
        "tTable": list(rules.table),
        "yesFrom": rules.yes_from,
        "noUpTo": rules.no_up_to,
        "minPairs": rules.min_pairs,
        "sdFloor": rules.sd_floor,
        "priorSpread": rules.prior_spread,
        "priorDf": rules.prior_df,
        "pairs": [
            [closing, after, questionnaire.statements[closing].reserve]
            for closing, after in questionnaire.twins(reserve=None)
        ],
        "reserve": questionnaire.has_reserve,
    }


def version_model(questionnaire: Questionnaire, language: str, link: Callable[[str], str]) -> dict:
    return {
        "version": questionnaire.version,
        "method": questionnaire.method,
        "estimate": estimate_model(questionnaire),
        "code": code_format(questionnaire),
        "phases": [{"id": phase.id, "label": phase.label[language]} for phase in questionnaire.phases],
        "statements": [
            {
                "id": statement.id,
                "phase": statement.phase,
                "facet": statement.facet,
                "keyed": statement.keyed,
                "trigger": statement.trigger,
                "reserve": statement.reserve,
            }
            for statement in questionnaire.statements
        ],
        "facets": [
            {"id": facet.id, "title": facet.title[language], "text": facet.text[language], "href": link(facet.link)}
            for facet in questionnaire.facets
        ],
        "verdict": [
            {"from": band.low, "to": band.high, "dropsOff": band.drops_off, "headline": band.headline[language]}
            for band in questionnaire.verdict
        ],
        "headlines": {name: text[language] for name, text in (questionnaire.headlines or {}).items()},
        "levels": {name: text[language] for name, text in (questionnaire.levels or {}).items()},
        "profiles": [
            {
                "id": profile.id,
                "title": profile.title[language],
                "text": profile.text[language],
                "when": {metric: list(bounds) for metric, bounds in profile.when.items()},
            }
            for profile in questionnaire.profiles
        ],
    }


def render_model(questionnaires: dict[int, Questionnaire], language: str, *, link: Callable[[str], str]) -> str:
    return json.dumps(build_model(questionnaires, language, link=link), ensure_ascii=False, separators=(",", ":"))
