"""MkDocs hook for the one follow-up cadence in includes/cadence.yml: pages never write it out by
hand; a marker such as <!-- cadence: b2b --> puts it in, in the edition's language (sitekit.cadence
lists the markers). Bad data or an unknown marker fails the build with one line."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from quiz import LANGUAGES, shown
from sitekit import ERRORS, cached, cadence


def _cadence(config) -> dict:
    return cached(cadence.load, Path(config.config_file_path).parent / "includes" / "cadence.yml")


def on_config(config):
    try:
        _cadence(config)
    except ERRORS as error:
        raise PluginError(str(error)) from None
    if config.theme["language"] not in LANGUAGES:
        raise PluginError(f"includes/cadence.yml: no texts for the edition language '{config.theme['language']}'")
    return config


def on_page_markdown(markdown, *, page, config, files):
    where = shown(page.file.abs_src_path) if page.file.abs_src_path else page.file.src_uri
    try:
        return cadence.render_page(_cadence(config), markdown, config.theme["language"], where)
    except ERRORS as error:
        raise PluginError(str(error)) from None
