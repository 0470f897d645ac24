"""Serve both editions at http://127.0.0.1:8000 (German at /, English at /en/) and rebuild on change.

MkDocs' own `mkdocs serve` serves one config at a time; this builds the German and the English
edition into one folder, serves it, and rebuilds when a source file changes (reload the page).
Run from the project root: python -m scripts.serve
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from scripts.editions import ROOT, build_editions, failure
from scripts.static_server import StaticServer

WATCHED = ["docs", "docs-en", "quiz", "sitekit", "hooks", "includes", "overrides", "mkdocs.yml", "mkdocs.en.yml"]
PORT = 8000


class Changed(FileSystemEventHandler):
    """Sets an event for any change except Python's byte-code caches."""

    def __init__(self, event: threading.Event):
        self.event = event

    def on_any_event(self, event):
        if "__pycache__" not in str(event.src_path) and event.event_type != "opened":
            self.event.set()


def rebuild(site: Path, url: str) -> None:
    problem = failure(build_editions(site, url))
    print(problem or f"built both editions: {url} and {url}en/", flush=True)


def main() -> int:
    changed = threading.Event()
    observer = Observer()
    for name in WATCHED:
        path = ROOT / name
        observer.schedule(Changed(changed), str(path if path.is_dir() else ROOT), recursive=path.is_dir())
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        server = StaticServer(site, "/", port=PORT).start()
        rebuild(site, server.url)
        observer.start()
        print(f"serving at {server.url} (Ctrl+C stops)", flush=True)
        try:
            while True:
                changed.wait()
                changed.clear()
                rebuild(site, server.url)
        except KeyboardInterrupt:
            observer.stop()
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
