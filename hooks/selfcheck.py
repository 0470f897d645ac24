"""MkDocs adapter for the self-assessment engine in quiz/.

The engine validates the definition and renders the page and its scoring model; this hook only
hands them to MkDocs as generated files, resolves links to pages, and turns every definition
error into a failed build with one clear line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz import DefinitionError, load  # noqa: E402  (needs the project root on sys.path)
from quiz.definition import unknown_links  # noqa: E402
from quiz.page import MODEL_PATH, PAGE_PATH, PRIVACY_PATH, SCRIPT_PATH, STYLE_PATH, render_model, render_page  # noqa: E402

DEFINITION = ROOT / "quiz" / "selbsttest.yml"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    try:
        questionnaire = load(os.path.relpath(DEFINITION))
    except DefinitionError as error:
        raise PluginError(str(error)) from None
    pages = {file.src_uri for file in files.documentation_pages()}
    problems = unknown_links(questionnaire, pages)
    if problems:
        raise PluginError(problems[0])
    for required in (PRIVACY_PATH, SCRIPT_PATH, STYLE_PATH):
        if files.get_file_from_path(required) is None:
            raise PluginError(f"{config.docs_dir}/{required}: the self-assessment needs this file, but it is missing")

    language = config.theme["language"]
    page_url = File(PAGE_PATH, "", "", config.use_directory_urls).url

    def relative(path: str) -> str:
        target, _, anchor = path.partition("#")
        file = files.get_file_from_path(target) or File(target, "", "", config.use_directory_urls)
        return get_relative_url(file.url, page_url) + (f"#{anchor}" if anchor else "")

    files.append(File.generated(config, MODEL_PATH, content=render_model(questionnaire, language, link=relative)))
    files.append(File.generated(config, PAGE_PATH, content=render_page(
        questionnaire, language,
        model_url=relative(MODEL_PATH), script_url=relative(SCRIPT_PATH),
        style_url=relative(STYLE_PATH), privacy_url=relative(PRIVACY_PATH))))
    return files


def on_serve(server, *, config: MkDocsConfig, builder):
    server.watch(str(DEFINITION.parent))
    return server
