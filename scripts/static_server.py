"""A small static file server that behaves like GitHub Pages where it matters for the tests and
benchmarks. Python's SimpleHTTPRequestHandler does the serving; what is the project's own is a
path prefix (the site under /REPO/), the site's 404.html with status 404, and gzip on request."""

from __future__ import annotations

import gzip
import http.server
import io
import sys
import threading
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "text/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
    "application/manifest+json",
)


class StaticServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory: Path, prefix: str = "/", compress: bool = False, port: int = 0):
        self.directory, self.prefix, self.compress = Path(directory), prefix, compress
        super().__init__(("127.0.0.1", port), partial(StaticHandler, directory=str(directory)))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{self.prefix}"

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser that stopped reading
            super().handle_error(request, client_address)

    def start(self) -> StaticServer:
        threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()  # quick shutdown
        return self


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    server: StaticServer

    def translate_path(self, path: str) -> str:
        """Only paths under the prefix exist; the rest maps to a name that is never a file."""
        plain = unquote(urlsplit(path).path)
        if not plain.startswith(self.server.prefix):
            return str(self.server.directory / "\0outside")
        return super().translate_path("/" + path[len(self.server.prefix) :])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and (path / "index.html").is_file() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not self.server.compress or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        kind = self.guess_type(str(path))
        if not kind.startswith(COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None):
        page = self.server.directory / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass
