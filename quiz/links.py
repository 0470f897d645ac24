"""Check that every recommendation links to a page that exists in the docs."""

from __future__ import annotations

from .model import Questionnaire


def unknown_links(questionnaire: Questionnaire, pages: set[str]) -> list[str]:
    """One message per recommendation link whose page is not in ``pages`` (docs-relative paths)."""
    kind = "facet" if questionnaire.method == "pairs" else "topic"  # as the version's YAML calls it
    return [
        f"{questionnaire.path}:{facet.line}: {kind} '{facet.id}': link '{facet.link}' points to no page in the docs"
        for facet in questionnaire.facets
        if facet.link.split("#")[0] not in pages
    ]
