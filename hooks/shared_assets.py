"""The English edition uses the German edition's site assets (stylesheet, scripts, icon).

Both editions share docs/assets/; instead of a symlink (which Windows checkouts break), this
hook adds every file there that an edition's own docs folder does not have.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

SHARED = Path(__file__).resolve().parent.parent / "docs"
FOLDER = "assets"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if Path(config.docs_dir).resolve() == SHARED:
        return files
    for source in sorted((SHARED / FOLDER).rglob("*")):
        path = source.relative_to(SHARED).as_posix()
        if source.is_file() and files.get_file_from_path(path) is None:
            files.append(File(path, str(SHARED), config.site_dir, config.use_directory_urls))
    return files


def on_serve(server, *, config: MkDocsConfig, builder):
    server.watch(str(SHARED / FOLDER))
    return server
