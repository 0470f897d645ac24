"""The MkDocs hook stays thin: it generates the pages per edition and makes `mkdocs serve` watch quiz/."""

from __future__ import annotations

from html import escape

from conftest import ROOT, load_hook


def test_serve_watches_the_questionnaire_folder():
    watched = []

    class Server:
        def watch(self, path):
            watched.append(path)

    load_hook("selfcheck").on_serve(Server(), config=None, builder=None)
    assert watched == [str(ROOT / "quiz")]


def test_the_generated_pages_follow_the_edition_language(site_dir, questionnaire):
    german = (site_dir / "selbsttest" / "index.html").read_text(encoding="utf-8")
    english = (site_dir / "en" / "selbsttest" / "index.html").read_text(encoding="utf-8")
    for page, language in ((german, "de"), (english, "en")):
        assert escape(questionnaire.title[language]) in page
        assert (
            escape(questionnaire.scale[-1][language]) in page and escape(questionnaire.not_applicable[language]) in page
        )
    assert (site_dir / "team" / "index.html").exists() and (site_dir / "en" / "team" / "index.html").exists()
