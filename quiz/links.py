"""Check that every recommendation links to a page that exists in the docs."""

from __future__ import annotations

from .model import Questionnaire


def unknown_links(questionnaire: Questionnaire, pages: set[str]) -> list[str]:
    """One message per recommendation link whose page is not in ``pages`` (docs-relative paths)."""
    return [
        f"{questionnaire.path}:{topic.line}: topic '{topic.id}': link '{topic.link}' points to no page in the docs"
        for topic in questionnaire.topics
        if topic.link.split("#")[0] not in pages
    ]
