"""The assessment page as Markdown: front matter, title, intro, then the form as raw HTML.

Each statement is a ``fieldset[data-item][data-phase][data-keyed]`` with one radio per scale
point, valued 1 to N; assets/selfcheck.js brings it to life. Version 3's reserve statements are a
second form, hidden until a result stays "not clear yet" (``reserve_form``).
"""

from __future__ import annotations

from html import escape

from .model import Questionnaire, Statement
from .page_parts import opening, privacy_and_noscript
from .wording import fill
from .wording import words as widget_words


def render_page(
    questionnaire: Questionnaire,
    language: str,
    *,
    model_url: str,
    script_url: str,
    style_url: str,
    privacy_url: str,
    team_url: str,
    method_url: str,
    style: str | None = None,
) -> str:
    """The assessment page as Markdown: front matter, title, intro, then the form as raw HTML.

    For the first paint: the stylesheet's text, when given as ``style``, is inlined, and the model
    is preloaded, so its request starts with the page's and not only once the script has run."""
    words = widget_words("widgets", language)
    scale = [label[language] for label in questionnaire.scale]
    not_applicable = questionnaire.not_applicable[language] if questionnaire.not_applicable else None
    total = sum(not statement.reserve for statement in questionnaire.statements)
    sections = []
    number = 0
    for phase in questionnaire.phases:
        items = []
        for statement in (s for s in questionnaire.statements if s.phase == phase.id and not s.reserve):
            number += 1
            items.append(fieldset(number, statement, language, scale, not_applicable))
        sections.append(
            f'<section class="selfcheck__phase" aria-labelledby="phase-{phase.id}">'
            f'<h2 id="phase-{phase.id}">{escape(phase.label[language])}</h2>\n' + "\n".join(items) + "\n</section>"
        )
    return "\n".join(
        [
            *opening(questionnaire.title[language], words["description"], style_url, style),
            f'<div class="selfcheck" data-selfcheck data-model="{escape(model_url)}" data-method="{escape(method_url)}" '
            f'data-failed="{escape(words["modelFailed"])}">',
            # Inside the div, as raw HTML (not a paragraph). crossorigin: the mode of the script's fetch()
            # (cors, same-origin credentials), without which the preload would go unused.
            f'<link rel="preload" href="{escape(model_url)}" as="fetch" crossorigin>',
            f'<p class="selfcheck__intro">{escape(questionnaire.intro[language])} '
            f'<a href="{escape(method_url)}">{escape(words["methodLink"])}</a></p>',
            *privacy_and_noscript(words, privacy_url),
            '<p class="selfcheck__notice" data-selfcheck-notice role="alert" hidden></p>',
            '<section class="selfcheck__result" data-selfcheck-result aria-live="polite" tabindex="-1" hidden></section>',
            '<form class="selfcheck__form" data-selfcheck-form novalidate>',
            '<div class="selfcheck__progress">',
            f'<progress data-selfcheck-progress max="{total}" value="0" aria-label="{escape(words["progressLabel"])}"></progress>',
            f"<span data-selfcheck-count>{escape(fill(words['progress'], answered=0, total=total))}</span>",
            "</div>",
            *sections,
            '<div class="selfcheck__actions">',
            f'<button type="submit" class="md-button md-button--primary">{escape(words["submit"])}</button>',
            "</div>",
            "</form>",
            *reserve_form(questionnaire, language, words, scale, not_applicable, first=total + 1),
            '<section class="selfcheck__history" data-selfcheck-history hidden></section>',
            '<p class="selfcheck__actions selfcheck__delete">'
            f'<button type="button" class="md-button" data-selfcheck-delete>{escape(words["delete"])}</button></p>',
            f'<p class="selfcheck__team">{escape(words["teamLinkText"])} <a href="{escape(team_url)}">{escape(words["teamLink"])}</a></p>',
            "</div>",
            f'<script type="module" src="{escape(script_url)}"></script>',
            "",
        ]
    )


def reserve_form(
    questionnaire: Questionnaire, language: str, words: dict, scale: list[str], not_applicable: str | None, first: int
) -> list[str]:
    """Version 3: the reserve pairs as their own form, offered below an open result."""
    reserve = [statement for statement in questionnaire.statements if statement.reserve]
    if not reserve:
        return []
    pairs = len(reserve) // 2
    items = [
        fieldset(first + index, statement, language, scale, not_applicable) for index, statement in enumerate(reserve)
    ]
    return [
        '<form class="selfcheck__reserve" data-selfcheck-reserve novalidate hidden aria-labelledby="selfcheck-reserve-heading">',
        f'<h2 id="selfcheck-reserve-heading">{escape(fill(words["reserveHeading"], pairs=pairs))}</h2>',
        f"<p>{escape(fill(words['reserveIntro'], pairs=pairs, count=len(reserve)))}</p>",
        *items,
        '<div class="selfcheck__actions">',
        f'<button type="submit" class="md-button md-button--primary">{escape(words["reserveSubmit"])}</button>',
        "</div>",
        "</form>",
    ]


NOT_APPLICABLE = "na"  # the radio value of "kam bei mir nicht vor": not a point on the scale


def fieldset(number: int, statement: Statement, language: str, scale: list[str], not_applicable: str | None) -> str:
    """One statement: a radio per scale point valued 1 to N, and "kam nicht vor" where it has a trigger."""
    choices = list(enumerate(scale, start=1))
    if statement.trigger:
        choices.append((NOT_APPLICABLE, not_applicable))
    options = "".join(
        f'<label class="selfcheck__option{" selfcheck__option--na" if value == NOT_APPLICABLE else ""}">'
        f'<input type="radio" name="{statement.id}" value="{value}"><span>{escape(label)}</span></label>'
        for value, label in choices
    )
    reserve = ' data-reserve=""' if statement.reserve else ""
    return (
        f'<fieldset class="selfcheck__item" data-item="{statement.id}" data-phase="{statement.phase}" '
        f'data-facet="{statement.facet}" data-keyed="{statement.keyed}"{reserve}><legend><span class="selfcheck__number">'
        f'{number}.</span> {escape(statement.text[language])}</legend><div class="selfcheck__scale">{options}</div>'
        "</fieldset>"
    )
