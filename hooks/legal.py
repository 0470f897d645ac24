"""MkDocs hook for the legal side of the site: the legal notes from includes/legal.yml as boxes
in their pages, the imprint page from `extra.imprint`, and the controller on the privacy page.
The work is done by sitekit.legal and sitekit.imprint; every problem stops the build with one line."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from quiz import shown
from sitekit import cached, edition_language, imprint, legal, reported_as

one_line = reported_as(PluginError)


def _source(config) -> Path:
    return Path(config.config_file_path).parent / "includes" / "legal.yml"


def _imprint(config) -> dict:
    return imprint.load(
        config.extra.get("imprint"),
        os.path.basename(config.config_file_path),
        require=imprint.require_flag(os.environ.get("REQUIRE_IMPRINT", "")),
    )


def _where(file: File) -> str:
    return shown(file.abs_src_path) if file.abs_src_path else f"(generated) {file.src_uri}"


@one_line
def on_config(config):
    edition_language(config.theme["language"], os.path.basename(config.config_file_path))
    _imprint(config), cached(legal.load, _source(config))  # fail early, before any page is read
    return config


@one_line
def on_files(files, *, config):
    if files.get_file_from_path(imprint.PAGE) is not None:
        raise PluginError(f"{shown(config.docs_dir)}/{imprint.PAGE}: generated from extra.imprint; remove this file")
    page = imprint.render_page(_imprint(config), config.theme["language"])
    files.append(File.generated(config, imprint.PAGE, content=page))
    return files


@one_line
def on_nav(nav, *, config, files):
    pages = {file.src_uri: file for file in files.documentation_pages()}
    registry, source = cached(legal.load, _source(config)), shown(_source(config))
    legal.check_pages(registry, set(pages), source, shown(config.docs_dir))
    for path, file in pages.items():
        legal.check_markers(registry, file.content_string, path, _where(file), source)
        imprint.check_markers(file.content_string, _where(file))
    return nav


@one_line
def on_page_markdown(markdown, *, page, config, files):
    language, registry = config.theme["language"], cached(legal.load, _source(config))
    markdown = legal.render_page(registry, markdown, page.file.src_uri, language, _where(page.file))
    url = files.get_file_from_path(imprint.PAGE).url_relative_to(page.file)
    return imprint.render_markers(_imprint(config), markdown, language, url)
