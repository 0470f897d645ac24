"""The theme templates (footer, 404 page, loading bar) take their words from the engine's
wording catalogue (quiz/wording.yml, group "site"), so every visible sentence has one home.
Templates read them as ``config.extra.wording[language].key``."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from quiz import DefinitionError
from quiz.wording import catalogue


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        config.extra["wording"] = catalogue()["site"]
    except DefinitionError as error:
        raise PluginError(str(error)) from None
    return config
