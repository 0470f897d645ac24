"""Makes each edition installable and readable without a connection (issues 12 and 20): after the
build, sitekit.offline writes the web app manifest, the icons, the store's size (offline.json) and
the service worker into the edition's folder. The pages link the manifest and load
assets/offline.js (overrides/main.html), which registers the worker only when the reader saves the
edition. The switch is `extra.offline` in mkdocs.yml (true or false, default true); switched off,
the pages register no worker and sw.js unregisters an earlier one."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitekit import offline, reported_as

one_line = reported_as(PluginError)


@one_line
def on_config(config):
    where = os.path.basename(getattr(config, "config_file_path", None) or "mkdocs.yml")
    config.extra["offline"] = offline.switch(config.extra.get("offline"), where)  # the templates read it
    return config


@one_line
def on_post_build(*, config):
    docs = Path(config.config_file_path).parent / "docs"  # both editions share docs/assets/
    offline.write(
        Path(config.site_dir),
        on=config.extra["offline"],
        name=config.site_name,
        description=config.site_description,
        language=config.theme["language"],
        alternates=config.extra.get("alternate"),
        assets=docs / "assets",
    )
