"""Generate the assessment page (Markdown with an HTML form) and the scoring model (JSON).

Both take the URLs they need from the caller, so any site generator can place the files.
"""

from __future__ import annotations

import json
import posixpath
from html import escape
from typing import Callable

from .definition import RECOMMENDATION_COUNT, Questionnaire
from .wording import WORDING

PAGE_PATH = "selbsttest.md"
MODEL_PATH = "selbsttest/model.json"
SCRIPT_PATH = "assets/selbsttest/selbsttest.js"
STYLE_PATH = "assets/selbsttest/selbsttest.css"
PRIVACY_PATH = "datenschutz.md"
TEAM_PAGE_PATH = "team.md"
TEAM_SCRIPT_PATH = "assets/selbsttest/team.js"


def generate(questionnaire: Questionnaire, language: str, *, url: Callable[[str], str]) -> dict[str, str]:
    """Every generated file (model, assessment page, team page), keyed by its docs path.

    ``url`` tells where a docs path ends up on the site, e.g. ``leitfaden/druck.md`` ->
    ``leitfaden/druck/``; the files link to each other and to the guidance relatively.
    """
    def relative_to(page_path: str) -> Callable[[str], str]:
        def relative(path: str) -> str:
            target, _, anchor = path.partition("#")
            return _relative_url(url(target), url(page_path)) + (f"#{anchor}" if anchor else "")
        return relative

    for_page, for_team = relative_to(PAGE_PATH), relative_to(TEAM_PAGE_PATH)
    return {
        MODEL_PATH: render_model(questionnaire, language, link=for_page),
        PAGE_PATH: render_page(questionnaire, language, model_url=for_page(MODEL_PATH),
                               script_url=for_page(SCRIPT_PATH), style_url=for_page(STYLE_PATH),
                               privacy_url=for_page(PRIVACY_PATH), team_url=for_page(TEAM_PAGE_PATH)),
        TEAM_PAGE_PATH: render_team_page(questionnaire, language, model_url=for_team(MODEL_PATH),
                                         script_url=for_team(TEAM_SCRIPT_PATH), style_url=for_team(STYLE_PATH),
                                         privacy_url=for_team(PRIVACY_PATH)),
    }


def _relative_url(target: str, page: str) -> str:
    """``target`` as seen from ``page`` (both site URLs without a leading slash)."""
    base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
    relative = posixpath.relpath("/" + target, "/" + base)
    return relative + "/" if target.endswith("/") and not relative.endswith("/") else relative


def build_model(questionnaire: Questionnaire, language: str, *, link: Callable[[str], str]) -> dict:
    """Everything the page script needs to score and explain a result, in one language.

    ``link`` turns a definition link such as ``leitfaden/druck.md#grenze`` into an href.
    """
    return {
        "version": questionnaire.version,
        "language": language,
        "recommendationCount": RECOMMENDATION_COUNT,
        "phases": [{"id": phase.id, "label": phase.label[language]} for phase in questionnaire.phases],
        "statements": [{"id": statement.id, "phase": statement.phase, "topic": statement.topic,
                        "keyed": statement.keyed} for statement in questionnaire.statements],
        "topics": [{"id": topic.id, "title": topic.title[language], "text": topic.text[language],
                    "href": link(topic.link)} for topic in questionnaire.topics],
        "verdict": [{"from": band.low, "to": band.high, "dropsOff": band.drops_off,
                     "headline": band.headline[language]} for band in questionnaire.verdict],
        "profiles": [{"id": profile.id, "title": profile.title[language], "text": profile.text[language],
                      "when": {metric: list(bounds) for metric, bounds in profile.when.items()}}
                     for profile in questionnaire.profiles],
        "wording": WORDING[language],
    }


def render_model(questionnaire: Questionnaire, language: str, *, link: Callable[[str], str]) -> str:
    return json.dumps(build_model(questionnaire, language, link=link), ensure_ascii=False, separators=(",", ":"))


def render_page(questionnaire: Questionnaire, language: str, *, model_url: str, script_url: str,
                style_url: str, privacy_url: str, team_url: str) -> str:
    """The assessment page as Markdown: front matter, title, intro, then the form as raw HTML."""
    words = WORDING[language]
    scale = [label[language] for label in questionnaire.scale]
    total = len(questionnaire.statements)
    sections = []
    number = 0
    for phase in questionnaire.phases:
        items = []
        for statement in (s for s in questionnaire.statements if s.phase == phase.id):
            number += 1
            items.append(_fieldset(number, statement, language, scale))
        sections.append(
            f'<section class="selfcheck__phase" aria-labelledby="phase-{phase.id}">'
            f'<h2 id="phase-{phase.id}">{escape(phase.label[language])}</h2>\n' + "\n".join(items) + "\n</section>")
    return "\n".join([
        *_opening(questionnaire.title[language], words["description"], style_url),
        f'<div class="selfcheck" data-selfcheck data-model="{escape(model_url)}" data-failed="{escape(words["modelFailed"])}">',
        f'<p class="selfcheck__intro">{escape(questionnaire.intro[language])}</p>',
        *_privacy_and_noscript(words, privacy_url),
        '<p class="selfcheck__notice" data-selfcheck-notice role="alert" hidden></p>',
        '<section class="selfcheck__result" data-selfcheck-result aria-live="polite" tabindex="-1" hidden></section>',
        '<form class="selfcheck__form" data-selfcheck-form novalidate>',
        '<div class="selfcheck__progress">',
        f'<progress data-selfcheck-progress max="{total}" value="0" aria-label="{escape(words["progressLabel"])}"></progress>',
        f'<span data-selfcheck-count>{escape(words["progress"].format(answered=0, total=total))}</span>',
        "</div>",
        *sections,
        '<div class="selfcheck__actions">',
        f'<button type="submit" class="md-button md-button--primary">{escape(words["submit"])}</button>',
        "</div>",
        "</form>",
        '<section class="selfcheck__history" data-selfcheck-history hidden></section>',
        '<p class="selfcheck__actions selfcheck__delete">'
        f'<button type="button" class="md-button" data-selfcheck-delete>{escape(words["delete"])}</button></p>',
        f'<p class="selfcheck__team">{escape(words["teamLinkText"])} <a href="{escape(team_url)}">{escape(words["teamLink"])}</a></p>',
        "</div>",
        f'<script type="module" src="{escape(script_url)}"></script>',
        "",
    ])


def render_team_page(questionnaire: Questionnaire, language: str, *, model_url: str, script_url: str,
                     style_url: str, privacy_url: str) -> str:
    """The team overview: paste codes, see the team. All work happens in the page script."""
    words = WORDING[language]
    return "\n".join([
        *_opening(words["teamTitle"], words["teamDescription"], style_url),
        f'<div class="selfcheck teamview" data-teamview data-model="{escape(model_url)}" data-failed="{escape(words["modelFailed"])}">',
        f'<p class="selfcheck__intro">{escape(words["teamIntro"])}</p>',
        *_privacy_and_noscript(words, privacy_url),
        '<form class="teamview__form" data-team-form>',
        f'<label for="team-input">{escape(words["teamInputLabel"])}</label>',
        '<textarea id="team-input" rows="8" spellcheck="false" autocomplete="off" data-team-input></textarea>',
        f'<p><label><input type="checkbox" data-team-keep> {escape(words["teamKeep"])}</label></p>',
        '<p class="selfcheck__actions">'
        f'<button type="submit" class="md-button md-button--primary">{escape(words["teamShow"])}</button> '
        f'<button type="button" class="md-button" data-team-clear>{escape(words["teamClear"])}</button></p>',
        "</form>",
        '<p class="selfcheck__notice" data-selfcheck-notice role="status" hidden></p>',
        '<section class="teamview__result" data-team-result aria-live="polite" hidden></section>',
        "</div>",
        f'<script type="module" src="{escape(script_url)}"></script>',
        "",
    ])


def _opening(title: str, description: str, style_url: str) -> list[str]:
    return [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"description: {json.dumps(description, ensure_ascii=False)}",
        "hide:",
        "  - toc",
        "---",
        "",
        f"# {escape(title)}",
        "",
        f'<link rel="stylesheet" href="{escape(style_url)}">',
    ]


def _privacy_and_noscript(words: dict, privacy_url: str) -> list[str]:
    return [
        f'<p class="selfcheck__privacy">{escape(words["privacy"])} '
        f'<a href="{escape(privacy_url)}">{escape(words["privacyLink"])}</a></p>',
        f'<noscript><p class="selfcheck__notice">{escape(words["noscript"])}</p></noscript>',
    ]


def _fieldset(number: int, statement, language: str, scale: list[str]) -> str:
    options = "".join(
        f'<label class="selfcheck__option"><input type="radio" name="{statement.id}" value="{value}">'
        f"<span>{escape(label)}</span></label>"
        for value, label in enumerate(scale, start=1))
    return (f'<fieldset class="selfcheck__item" data-item="{statement.id}" data-phase="{statement.phase}" '
            f'data-keyed="{statement.keyed}"><legend><span class="selfcheck__number">{number}.</span> '
            f'{escape(statement.text[language])}</legend><div class="selfcheck__scale">{options}</div></fieldset>')

