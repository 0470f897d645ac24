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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz import DefinitionError, load  # noqa: E402  (needs the project root on sys.path)
from quiz.definition import unknown_links  # noqa: E402
from quiz.page import PRIVACY_PATH, SCRIPT_PATH, STYLE_PATH, TEAM_SCRIPT_PATH, generate  # noqa: E402

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
    for required in (PRIVACY_PATH, SCRIPT_PATH, STYLE_PATH, TEAM_SCRIPT_PATH):
        if files.get_file_from_path(required) is None:
            raise PluginError(f"{config.docs_dir}/{required}: the self-assessment needs this file, but it is missing")

    def url_of(path: str) -> str:
        return (files.get_file_from_path(path) or File(path, "", "", config.use_directory_urls)).url

    for path, content in generate(questionnaire, config.theme["language"], url=url_of).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_serve(server, *, config: MkDocsConfig, builder):
    server.watch(str(DEFINITION.parent))
    return server
