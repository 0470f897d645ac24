"""The team overview page as Markdown: a form to paste codes; assets/team.js does the rest."""

from __future__ import annotations

from html import escape

from .model import Questionnaire
from .page_parts import opening, privacy_and_noscript
from .wording import words as widget_words


def render_team_page(
    questionnaire: Questionnaire,
    language: str,
    *,
    model_url: str,
    script_url: str,
    style_url: str,
    privacy_url: str,
    kit_url: str,
) -> str:
    """The team overview: paste codes (and an earlier round's), see the team. All work happens in the
    page script. Names stay hidden unless the lead ticks "Namen zeigen"."""
    words = widget_words("widgets", language)
    return "\n".join(
        [
            *opening(words["teamTitle"], words["teamDescription"], style_url),
            f'<div class="selfcheck teamview" data-teamview data-model="{escape(model_url)}" data-failed="{escape(words["modelFailed"])}">',
            f'<p class="selfcheck__intro">{escape(words["teamIntro"])}</p>',
            *privacy_and_noscript(words, privacy_url),
            '<form class="teamview__form" data-team-form>',
            f'<label for="team-input">{escape(words["teamInputLabel"])}</label>',
            '<textarea id="team-input" rows="8" spellcheck="false" autocomplete="off" data-team-input></textarea>',
            f'<label for="team-before">{escape(words["teamBeforeLabel"])}</label>',
            '<textarea id="team-before" rows="4" spellcheck="false" autocomplete="off" data-team-before></textarea>',
            '<p><label><input type="checkbox" data-team-names aria-describedby="team-names-hint"> '
            f"{escape(words['teamNames'])}</label>"
            f'<br><span id="team-names-hint">{escape(words["teamNamesHint"])}</span></p>',
            f'<p><label><input type="checkbox" data-team-keep> {escape(words["teamKeep"])}</label></p>',
            '<p class="selfcheck__actions">'
            f'<button type="submit" class="md-button md-button--primary">{escape(words["teamShow"])}</button> '
            f'<button type="button" class="md-button" data-team-clear>{escape(words["teamClear"])}</button></p>',
            "</form>",
            '<p class="selfcheck__notice" data-selfcheck-notice role="status" hidden></p>',
            '<section class="teamview__result" data-team-result aria-live="polite" hidden></section>',
            f"<p data-team-kit>{escape(words['teamKitText'])} "
            f'<a href="{escape(kit_url)}">{escape(words["teamKitLink"])}</a></p>',
            "</div>",
            f'<script type="module" src="{escape(script_url)}"></script>',
            "",
        ]
    )
