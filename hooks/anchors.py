"""Heading anchors that keep their letters: "Klar abschließen" becomes #klar-abschliessen.

Python-Markdown's own slug drops "ß" and turns "ä" into "a" (#klar-abschlieen, #gesprach). This
hook gives the `toc` extension a slug that first transliterates the German letters the usual way
(ä→ae, ö→oe, ü→ue, ß→ss) and reads a dash between words or numbers as a hyphen ("Tag 1–2" →
#tag-1-2). Explicit `{#id}` attributes still win; the English pages use them to keep the German ids.
"""

from __future__ import annotations

from pathlib import Path

from markdown.extensions.toc import slugify as markdown_slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

TRANSLITERATION = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ẞ": "SS",
        "–": "-",
        "—": "-",
    }
)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "toc" not in config.markdown_extensions:
        raise PluginError(
            f"{Path(config.config_file_path or 'mkdocs.yml').name}: markdown_extensions: "
            "hooks/anchors.py needs the 'toc' extension, but it is missing"
        )
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    return config


def slugify(value: str, separator: str) -> str:
    """The heading text as an anchor: transliterated, lower case, words joined by ``separator``."""
    return markdown_slugify(value.translate(TRANSLITERATION), separator)
