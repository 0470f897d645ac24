"""Shared fixtures: one strict build of the site, a local server for it, and a Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from static_server import StaticServer

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build_site(config: Path, site_dir: Path, site_url: str = "") -> subprocess.CompletedProcess:
    # Material's end-of-life banner is news for humans, not build output to check.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    return subprocess.run([*MKDOCS, "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
                          cwd=config.parent, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    result = build_site(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site, result


@pytest.fixture(scope="session")
def site_dir(build) -> Path:
    return build[0]


def serve(directory: Path, prefix: str = "/", compress: bool = False) -> StaticServer:
    return StaticServer(directory, prefix, compress).start()


@pytest.fixture(scope="session")
def base_url(site_dir):
    server = serve(site_dir)
    yield server.url
    server.shutdown()


def chromium_path() -> str | None:
    """The system Chromium where there is one; None lets Playwright use its own download."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


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


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    origin = base_url.rstrip("/")
    page.requests = RequestLog(page, origin)
    yield page
    context.close()


def search(page, text: str):
    """Type into Material's search, opening it first where a narrow screen hides it behind a button."""
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():
        button.click()
    field = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    for _ in range(10):  # the search index loads in a worker: type again until it answers
        field.fill("")
        field.press_sequentially(text, delay=20)
        try:
            results.first.wait_for(state="visible", timeout=1500)
            return
        except Exception:
            continue
