"""The edition's words from the catalogue (quiz/wording.yml, group "site"), so every visible
sentence has one home: the theme templates (footer, 404 page, loading bar) read them as
``config.extra.wording[language].key``; the heading links get their title in the edition's
language; a page's <!-- wording: NAME --> marker becomes catalogue text (sitekit.wording)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from quiz import shown
from quiz.wording import catalogue
from sitekit import reported_as, wording

one_line = reported_as(PluginError)


@one_line
def on_config(config):
    config.extra["wording"] = catalogue()["site"]
    if "toc" in config.markdown_extensions:
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = wording.permalink_title(config.theme["language"])
    return config


@one_line
def on_page_markdown(markdown, *, page, config, files):
    where = shown(page.file.abs_src_path) if page.file.abs_src_path else page.file.src_uri
    return wording.render_page(markdown, config.theme["language"], where)
