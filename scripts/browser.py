"""Chromium for the tests and the benchmarks: where it is, how it starts here, and a log of every
request a page makes (to prove that nothing leaves the site)."""

from __future__ import annotations

import os
import shutil
from urllib.parse import urlsplit

# No background traffic: this machine's network is closed, and the privacy tests count requests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """The system Chromium where there is one; None lets Playwright use its own download."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


class RequestLog:
    """Every request a page makes, and every one that failed or went to another host."""

    def __init__(self, page, origin: str):
        self.origin = origin
        self.foreign: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._on_request)
        page.on("requestfailed", self._on_failed)
        page.on("response", self._on_response)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _on_request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign.append(request.url)

    def _on_failed(self, request):
        # ERR_ABORTED is the browser cancelling a load because the test moved on to another page.
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.url} ({request.failure})")

    def _on_response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def assert_clean(self):
        assert not self.foreign, f"requests to other hosts: {self.foreign}"
        assert not self.failed, f"failed requests: {self.failed}"
        assert not self.errors, f"script errors: {self.errors}"
