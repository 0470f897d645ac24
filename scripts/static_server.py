"""A small static file server that behaves like GitHub Pages where it matters for the tests:
the site can live under a path prefix, unknown paths get the site's 404.html with status 404,
and text is gzip-compressed for clients that accept it (for the benchmarks)."""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class StaticServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory: Path, prefix: str = "/", compress: bool = False, port: int = 0):
        self.directory, self.prefix, self.compress = Path(directory), prefix, compress
        super().__init__(("127.0.0.1", port), StaticHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{self.prefix}"

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser that stopped reading
            super().handle_error(request, client_address)

    def start(self) -> "StaticServer":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self


class StaticHandler(http.server.BaseHTTPRequestHandler):
    server: StaticServer

    def do_GET(self):
        self.respond(with_body=True)

    def do_HEAD(self):
        self.respond(with_body=False)

    def respond(self, with_body: bool):
        path = unquote(urlsplit(self.path).path)
        target = self.resolve(path)
        if target is not None and target.is_dir() and not path.endswith("/"):
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.end_headers()
            return
        if target is not None and target.is_dir():
            target = target / "index.html"
        status = 200
        if target is None or not target.is_file():
            status, target = 404, self.server.directory / "404.html"
        body = target.read_bytes() if target.is_file() else b"Not found"
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        if self.server.compress and kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def resolve(self, path: str) -> Path | None:
        if not path.startswith(self.server.prefix):
            return None
        relative = path[len(self.server.prefix):]
        target = (self.server.directory / relative).resolve()
        root = self.server.directory.resolve()
        return target if target == root or root in target.parents else None

    def log_message(self, *args):
        pass
