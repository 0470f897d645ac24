"""Shared fixtures: one strict build of the site, a local server for it, and a Chromium."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]  # the engine, and the build and server helpers

from editions import EDITIONS, build_editions, failure  # noqa: E402
from quiz.wording import WORDING  # noqa: E402
from static_server import StaticServer  # noqa: E402

@dataclass(frozen=True)
class Edition:
    """One language edition of the built site, with the wording its pages use."""

    language: str
    url: str  # where the edition starts, e.g. http://127.0.0.1:PORT/en/
    words: dict  # the self-assessment's interface wording (quiz/wording.py)
    start: str  # the start page's link to the self-assessment
    search: tuple  # a search word and the page it must find


SEARCHES = {"de": ("Empfehlung", "leitfaden/empfehlungen/"), "en": ("referral", "leitfaden/empfehlungen/")}
START_LINKS = {"de": "Zum Selbsttest", "en": "Take the self-assessment"}


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """Both editions, built for the address they are served at (so Material's sitemap matches)."""
    site = tmp_path_factory.mktemp("site")
    server = serve(site)
    outputs = build_editions(site, server.url)
    assert failure(outputs) is None, failure(outputs)
    yield site, outputs, server.url
    server.shutdown()


@pytest.fixture(scope="session")
def site_dir(build) -> Path:
    return build[0]


@pytest.fixture(scope="session")
def base_url(build) -> str:
    return build[2]


@pytest.fixture(params=list(EDITIONS))
def edition(request, base_url) -> Edition:
    language = request.param
    return Edition(language, base_url + EDITIONS[language][1], WORDING[language], START_LINKS[language],
                   SEARCHES[language])


def serve(directory: Path, prefix: str = "/", compress: bool = False) -> StaticServer:
    return StaticServer(directory, prefix, compress).start()


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


def ready(page, widget: str = "[data-selfcheck]"):
    """Wait until the page script has set up the self-assessment (or "[data-teamview]")."""
    page.locator(f"{widget}[data-ready]").wait_for(state="attached")
