"""The sales lead's kit (werkzeuge/fuehrungskraefte.md): coaching questions for every profile of every
published questionnaire version, in both editions. A new version (quiz/questionnaires/vN.yml) makes this
fail until its profiles are added to a pattern's heading (data-profiles="N:profile_id")."""

from __future__ import annotations

import re

import pytest

import quiz

from site_html import text_of

PAGE = {"de": "werkzeuge/fuehrungskraefte/index.html", "en": "en/werkzeuge/fuehrungskraefte/index.html"}


def covered(html: str) -> dict[str, str]:
    """'version:profile' -> the text of the section whose heading names it in data-profiles."""
    sections = re.split(r"(?=<h[23] )", html[html.index("<article") : html.index("</article>")])
    found = {}
    for section in sections:
        heading = re.match(r'<h3 [^>]*data-profiles="([^"]+)"', section)
        for key in heading.group(1).split() if heading else ():
            assert key not in found, f"profile {key} is covered twice"
            found[key] = text_of(section)
    return found


@pytest.mark.parametrize("language", PAGE)
def test_every_profile_of_every_published_version_has_coaching_questions(site_dir, language):
    sections = covered((site_dir / PAGE[language]).read_text(encoding="utf-8"))
    published = {
        f"{version}:{profile.id}": profile
        for version, questionnaire in quiz.load_all().items()
        for profile in questionnaire.profiles
    }
    missing = sorted(set(published) - set(sections))
    assert not missing, f"add these profiles to a pattern on werkzeuge/fuehrungskraefte.md (both editions): {missing}"
    assert not set(sections) - set(published), "the page names a profile that no version has"
    for key, profile in published.items():
        section = sections[key]
        assert profile.title[language] in section, (key, "the section names the profile as readers see it")
        assert section.count("?") >= 3, (key, "at least three questions")
