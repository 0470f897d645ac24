"""MkDocs adapter for the self-assessment engine (the `quiz` package).

The engine validates the questionnaire and renders the pages, the model and the scripts; this
hook only hands them to MkDocs as generated files, resolves links to pages, and turns every
definition error into a failed build with one line. A page's <!-- selfcheck: statements --> marker
becomes the current questionnaire's number of statements (sitekit.selfcheck).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import quiz
from quiz.links import unknown_links
from quiz.site_files import KIT_PATH, METHOD_PATH, PRIVACY_PATH, generate
from sitekit import ERRORS, selfcheck


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    latest = config.extra.get("selfcheck_latest_version")  # set only to build a site as an older copy was
    try:
        questionnaires = quiz.load_all([quiz.shown(path) for path in quiz.definitions()], latest=latest)
    except quiz.DefinitionError as error:
        raise PluginError(str(error)) from None
    pages = {file.src_uri for file in files.documentation_pages()}
    for questionnaire in questionnaires.values():
        problems = unknown_links(questionnaire, pages)
        if problems:
            raise PluginError(problems[0])
    for required in (PRIVACY_PATH, METHOD_PATH, KIT_PATH):
        if required not in pages:
            raise PluginError(
                f"{config.docs_dir}/{required}: the self-assessment links to this page, but it is missing"
            )

    def url_of(path: str) -> str:
        return (files.get_file_from_path(path) or File(path, "", "", config.use_directory_urls)).url

    for path, content in generate(questionnaires, config.theme["language"], url=url_of).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, *, page, config, files):
    """<!-- selfcheck: statements --> becomes the current questionnaire's number of statements."""
    where = quiz.shown(page.file.abs_src_path) if page.file.abs_src_path else page.file.src_uri
    try:
        return selfcheck.render_page(markdown, where, latest=config.extra.get("selfcheck_latest_version"))
    except ERRORS as error:
        raise PluginError(str(error)) from None


def on_serve(server, *, config: MkDocsConfig, builder):
    server.watch(str(quiz.QUESTIONNAIRES.parent))
    return server
