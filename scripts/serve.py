"""Serve both editions at http://127.0.0.1:8000 (German at /, English at /en/) and rebuild on change.

MkDocs' own `mkdocs serve` serves one config at a time; this builds the German and the English
edition into one folder, serves it, and rebuilds when a source file changes (reload the page).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from editions import ROOT, build_editions, failure
from static_server import StaticServer

WATCHED = ["docs", "docs-en", "quiz", "hooks", "includes", "overrides", "mkdocs.yml", "mkdocs.en.yml"]
PORT = 8000


def snapshot() -> dict:
    files = {}
    for name in WATCHED:
        path = ROOT / name
        for file in [path] if path.is_file() else path.rglob("*"):
            if file.is_file() and "__pycache__" not in file.parts:
                files[file] = file.stat().st_mtime
    return files


def rebuild(site: Path, url: str) -> None:
    problem = failure(build_editions(site, url))
    print(problem or f"built both editions: {url} and {url}en/", flush=True)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        server = StaticServer(site, "/", port=PORT).start()
        rebuild(site, server.url)
        seen = snapshot()
        print(f"serving at {server.url} (Ctrl+C stops)", flush=True)
        try:
            while True:
                time.sleep(1)
                now = snapshot()
                if now != seen:
                    seen = now
                    rebuild(site, server.url)
        except KeyboardInterrupt:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
