"""The wording catalogue (quiz/wording.yml): both languages complete, placeholders alike, and a
mistake in it reported in one line, like a mistake in the questionnaire."""

from __future__ import annotations

import re

import pytest

from quiz.model import LANGUAGES, DefinitionError
from quiz.wording import CATALOGUE, GROUPS, catalogue, load

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("group", GROUPS)
def test_every_key_exists_in_both_languages_with_the_same_placeholders(group):
    texts = catalogue()[group]
    german, english = (texts[language] for language in LANGUAGES)
    assert german.keys() == english.keys()
    for key in german:
        assert set(PLACEHOLDER.findall(german[key])) == set(PLACEHOLDER.findall(english[key])), key
        assert german[key].strip() and english[key].strip(), key


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda text: text.replace('    en: "Show my result"\n', ""), "widgets.submit: missing the 'en' text"),
        (
            lambda text: text.replace("{answered} of {total}", "{answered} of {all}"),
            "widgets.progress: the languages use different placeholders",
        ),
        (lambda text: text.replace("  verdictYes:", "  yes:"), "widgets.True: a key must be a word"),
        (lambda text: text.replace("\ncli:", "\nclix:"), "top level: missing field 'cli'"),
        (lambda text: text.replace("  submit:\n", '  submit:\n    de: "Los"\n', 1), "field 'de': appears twice"),
    ],
)
def test_a_broken_catalogue_is_reported_in_one_line(tmp_path, change, problem):
    broken = tmp_path / "wording.yml"
    broken.write_text(change(CATALOGUE.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load(broken)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{broken}:") and problem in message, message
