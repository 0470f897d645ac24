"""MkDocs hook for the one follow-up cadence in includes/cadence.yml (and the A/B/C tiers of
includes/priorities.yml its calendar form offers): pages never write it out by
hand; a marker such as <!-- cadence: b2b --> puts it in, in the edition's language (sitekit.cadence
lists the markers). Bad data or an unknown marker fails the build with one line."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from quiz import shown
from sitekit import cached, cadence, edition_language, priorities, reported_as

one_line = reported_as(PluginError)


def _cadence(config) -> dict:
    return cached(cadence.load, Path(config.config_file_path).parent / "includes" / "cadence.yml")


def _priorities(config) -> dict:
    """The A/B/C tiers the calendar form offers, checked against the cadence beside them."""
    return cached(priorities.load, Path(config.config_file_path).parent / "includes" / "priorities.yml")


@one_line
def on_config(config):
    _cadence(config)
    _priorities(config)
    edition_language(config.theme["language"], os.path.basename(config.config_file_path))
    return config


@one_line
def on_page_markdown(markdown, *, page, config, files):
    where = shown(page.file.abs_src_path) if page.file.abs_src_path else page.file.src_uri
    return cadence.render_page(_cadence(config), markdown, config.theme["language"], where, _priorities(config))
