"""The assessment page as Markdown: front matter, title, intro, then the form as raw HTML.

Each statement is a ``fieldset[data-item][data-phase][data-keyed]`` with one radio per scale
point, valued 1 to N; assets/selfcheck.js brings it to life.
"""

from __future__ import annotations

from html import escape

from .model import Questionnaire, Statement
from .page_parts import opening, privacy_and_noscript
from .wording import fill
from .wording import words as widget_words


def render_page(questionnaire: Questionnaire, language: str, *, model_url: str, script_url: str,
                style_url: str, privacy_url: str, team_url: str, method_url: str) -> str:
    """The assessment page as Markdown: front matter, title, intro, then the form as raw HTML."""
    words = widget_words("widgets", language)
    scale = [label[language] for label in questionnaire.scale]
    not_applicable = questionnaire.not_applicable[language] if questionnaire.not_applicable else None
    total = len(questionnaire.statements)
    sections = []
    number = 0
    for phase in questionnaire.phases:
        items = []
        for statement in (s for s in questionnaire.statements if s.phase == phase.id):
            number += 1
            items.append(fieldset(number, statement, language, scale, not_applicable))
        sections.append(
            f'<section class="selfcheck__phase" aria-labelledby="phase-{phase.id}">'
            f'<h2 id="phase-{phase.id}">{escape(phase.label[language])}</h2>\n' + "\n".join(items) + "\n</section>")
    return "\n".join([
        *opening(questionnaire.title[language], words["description"], style_url),
        f'<div class="selfcheck" data-selfcheck data-model="{escape(model_url)}" data-method="{escape(method_url)}" '
        f'data-failed="{escape(words["modelFailed"])}">',
        f'<p class="selfcheck__intro">{escape(questionnaire.intro[language])} '
        f'<a href="{escape(method_url)}">{escape(words["methodLink"])}</a></p>',
        *privacy_and_noscript(words, privacy_url),
        '<p class="selfcheck__notice" data-selfcheck-notice role="alert" hidden></p>',
        '<section class="selfcheck__result" data-selfcheck-result aria-live="polite" tabindex="-1" hidden></section>',
        '<form class="selfcheck__form" data-selfcheck-form novalidate>',
        '<div class="selfcheck__progress">',
        f'<progress data-selfcheck-progress max="{total}" value="0" aria-label="{escape(words["progressLabel"])}"></progress>',
        f'<span data-selfcheck-count>{escape(fill(words["progress"], answered=0, total=total))}</span>',
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


NOT_APPLICABLE = "na"  # the radio value of "kam bei mir nicht vor": not a point on the scale


def fieldset(number: int, statement: Statement, language: str, scale: list[str], not_applicable: str | None) -> str:
    """One statement: a radio per scale point valued 1 to N, and "kam nicht vor" where it has a trigger."""
    choices = list(enumerate(scale, start=1))
    if statement.trigger:
        choices.append((NOT_APPLICABLE, not_applicable))
    options = "".join(
        f'<label class="selfcheck__option{" selfcheck__option--na" if value == NOT_APPLICABLE else ""}">'
        f'<input type="radio" name="{statement.id}" value="{value}"><span>{escape(label)}</span></label>'
        for value, label in choices)
    return (f'<fieldset class="selfcheck__item" data-item="{statement.id}" data-phase="{statement.phase}" '
            f'data-facet="{statement.facet}" data-keyed="{statement.keyed}"><legend><span class="selfcheck__number">'
            f'{number}.</span> {escape(statement.text[language])}</legend><div class="selfcheck__scale">{options}</div>'
            "</fieldset>")

