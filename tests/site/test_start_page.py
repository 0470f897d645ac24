"""The start page states the self-assessment's length as the current questionnaire has it
(<!-- selfcheck: statements -->), in both editions."""

from __future__ import annotations

import re

import pytest

from scripts.editions import EDITIONS

from site_html import text_of

WORD = {"de": "Aussagen", "en": "statements"}


@pytest.mark.parametrize("language", EDITIONS)
def test_the_start_page_counts_the_current_questionnaires_statements(site_dir, questionnaire, language):
    html = (site_dir / EDITIONS[language][1] / "index.html").read_text(encoding="utf-8")
    counts = re.findall(rf"(\d+) {WORD[language]}\b", text_of(html))
    assert counts == [str(len(questionnaire.statements))], counts
    assert "selfcheck:" not in html
