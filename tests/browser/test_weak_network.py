"""Weak networks and the reader's choice (issue 20), in Chromium with service workers allowed. One
build per project path (the root and /after-sales/), served by a server of its own; a test replaces
it, on the same port, by one that accepts connections and never answers, one that answers 500 to
everything, or one that sends every request to another origin (like a Wi-Fi login page). A saved
edition then shows its stored pages; a page from the network clears the notice again. The save
and delete controls work by mouse and keyboard, and axe finds nothing in any of their states."""

from __future__ import annotations

import http.server
import json
import re
import socket
import threading
import time
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect
from test_offline import CONTROLLED, Deployment, notice, save, wait_until

from quiz.wording import words
from scripts.editions import EDITIONS

from axe import violations

pytestmark = pytest.mark.browser

CASES = [(language, prefix) for prefix in ("/", "/after-sales/") for language in EDITIONS]
PAGE = "leitfaden/"  # never opened before the network turns bad
STORES, WORKERS = "caches.keys()", "navigator.serviceWorker.getRegistrations().then(found => found.length)"


class Silent:
    """Accepts connections and never answers; closing it drops them."""

    def __init__(self, port: int):
        self.listener, self.accepted, self.open = socket.create_server(("127.0.0.1", port)), [], True
        self.listener.settimeout(0.05)  # so that the accepting thread notices close()
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    def accept(self):
        while self.open:
            try:
                self.accepted.append(self.listener.accept()[0])
            except (TimeoutError, OSError):
                continue

    def close(self):
        self.open = False
        self.thread.join()  # a waiting accept() would keep the port taken
        for connection in self.accepted:
            connection.close()
        self.listener.close()


class Answering(http.server.ThreadingHTTPServer):
    """Gives every request the same answer: ``status``, ``headers`` and ``body``."""

    daemon_threads = True

    def __init__(self, port: int, status: int, headers: dict[str, str], body: bytes = b""):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(status)
                for name, value in {**headers, "Content-Length": str(len(body))}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", port), Handler)
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def close(self):
        self.shutdown()
        self.server_close()


@pytest.fixture(scope="module")
def login():
    """Another origin: a Wi-Fi login page."""
    server = Answering(
        0,
        200,
        {"Content-Type": "text/html; charset=utf-8"},
        b"<!doctype html><title>WLAN</title><h1>WLAN-Anmeldung</h1>",
    )
    yield server
    server.close()


SERVERS = {
    "never answers": lambda port, login: Silent(port),
    "answers 500": lambda port, login: Answering(port, 500, {"Content-Type": "text/html"}, b"<h1>500</h1>"),
    "redirects elsewhere": lambda port, login: Answering(port, 302, {"Location": login.url + "login"}),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The deployment at a project path, built once for this file."""
    made = {}

    def get(prefix: str) -> Deployment:
        if prefix not in made:
            made[prefix] = Deployment(tmp_path_factory.mktemp("weak"), prefix)
        return made[prefix]

    yield get
    for deployment in made.values():
        deployment.stop()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="de-DE", service_workers="allow")
    yield context
    context.close()


@contextmanager
def replaced(deployment: Deployment, kind: str, login):
    """The site's server swapped for a bad one on the same port, and back."""
    deployment.stop()
    server = SERVERS[kind](deployment.port, login)
    try:
        yield server
    finally:
        server.close()
        deployment.start()


def heading(deployment: Deployment, language: str, path: str) -> str:
    """The first words of a built page's heading."""
    html = (deployment.site / EDITIONS[language][1] / path / "index.html").read_text(encoding="utf-8")
    return re.search(r"<h1[^>]*>([^<]+)", html).group(1).strip()


def saved_edition(context, deployment: Deployment, language: str):
    """A reader who opened the start page and saved the edition."""
    url = deployment.url + EDITIONS[language][1]
    page = context.new_page()
    page.goto(url)
    save(page, language)
    return url, page


@pytest.mark.parametrize(("language", "prefix"), CASES)
@pytest.mark.parametrize("kind", list(SERVERS))
def test_a_saved_edition_shows_its_stored_page_and_the_notice_clears_online(
    context, built, login, kind, language, prefix
):
    deployment, site = built(prefix), words("site", language)
    url, page = saved_edition(context, deployment, language)
    expected = heading(deployment, language, PAGE)
    with replaced(deployment, kind, login):
        if kind != "never answers":  # the bad server does answer so
            answer = context.request.get(url + PAGE, max_redirects=0)
            assert answer.status == (500 if kind == "answers 500" else 302)
        started = time.monotonic()
        page.goto(url + PAGE, wait_until="commit", timeout=5000)
        left = 5000 - (time.monotonic() - started) * 1000
        expect(page.locator("article h1")).to_contain_text(expected, timeout=max(left, 1))
        assert page.url == url + PAGE  # never the login page of another origin
        expect(notice(page)).to_have_text(site["offlineStored"])
    # Online again: the next page comes from the network (Material's instant navigation keeps the
    # document), and the notice clears.
    page.evaluate("window.sameDocument = true")
    following = page.locator("a.md-footer__link--next")
    target = following.evaluate("link => link.href").removeprefix(url)
    following.click()
    expect(page.locator("article h1")).to_contain_text(heading(deployment, language, target))
    expect(notice(page)).to_be_empty()
    assert page.evaluate("window.sameDocument") is True


@pytest.mark.parametrize("language", list(EDITIONS))
def test_a_reader_who_did_not_save_gets_the_login_page_and_the_notice_can_delete(context, built, login, language):
    deployment = built("/")
    url = deployment.url + EDITIONS[language][1]
    page = context.new_page()
    page.goto(url)
    expect(page.locator("[data-offline-save] button")).to_be_visible()
    with replaced(deployment, "redirects elsewhere", login):
        page.goto(url + PAGE)
        expect(page.locator("h1")).to_have_text("WLAN-Anmeldung")  # as on any website
    assert page.evaluate(STORES) == []
    # A reader who saved: the notice of a stored copy offers to delete it.
    site = words("site", language)
    url, page = saved_edition(context, deployment, language)
    with replaced(deployment, "answers 500", login):
        page.goto(url + PAGE)
        expect(notice(page)).to_have_text(site["offlineStored"])
        assert not violations(page)
        page.locator(".offline-notice").get_by_role("button", name=site["offlineDelete"]).click()
        expect(notice(page)).to_have_text(site["offlineDeleted"])
        expect(page.locator(".offline-notice button")).to_have_count(0)
        assert page.evaluate(STORES) == [] and page.evaluate(WORKERS) == 0


def size_text(deployment: Deployment, language: str) -> str:
    """The store's size as the control states it: megabytes with one decimal, in the reader's language."""
    found = json.loads((deployment.site / EDITIONS[language][1] / "offline.json").read_text(encoding="utf-8"))["bytes"]
    number = f"{found / 1e6:.1f}"
    return (number.replace(".", ",") if language == "de" else number) + " MB"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_save_control_by_keyboard_and_mouse_in_every_state(browser, built, language, scheme):
    deployment, site = built("/"), words("site", language)
    context = browser.new_context(locale="de-DE", service_workers="allow", color_scheme=scheme)
    page = context.new_page()
    url = deployment.url + EDITIONS[language][1]
    page.goto(url)
    control = page.locator("[data-offline-save]")
    button, status, text = control.get_by_role("button"), control.get_by_role("status"), control.locator("p").first
    # First the size, then the offer; nothing stored yet.
    expect(text).to_have_text(site["offlineIntro"].replace("{size}", size_text(deployment, language)))
    expect(button).to_have_text(site["offlineSave"])
    assert page.evaluate(STORES) == [] and page.evaluate(WORKERS) == 0
    assert not violations(page), "unsaved"

    button.focus()  # by keyboard: Enter saves, and the focus stays on the button
    page.keyboard.press("Enter")
    expect(status).to_have_text(site["offlineDone"])
    expect(button).to_have_text(site["offlineDelete"])
    expect(text).to_have_text(site["offlineSaved"].replace("{size}", size_text(deployment, language)))
    assert page.evaluate("document.activeElement.textContent") == site["offlineDelete"]
    page.wait_for_function(CONTROLLED)
    assert len(page.evaluate(STORES)) == 1
    assert not violations(page), "saved"

    button.click()  # by mouse: the store and the worker go
    expect(status).to_have_text(site["offlineDeleted"])
    expect(button).to_have_text(site["offlineSave"])
    assert page.evaluate(STORES) == [] and page.evaluate(WORKERS) == 0
    assert not violations(page), "deleted"

    deployment.stop()  # a network that never answers: saving waits, then fails without a trace
    silent = Silent(deployment.port)
    try:
        page.keyboard.press("Space")
        expect(status).to_have_text(site["offlineSaving"])
        expect(button).to_have_attribute("aria-disabled", "true")
        assert not violations(page), "saving"
    finally:
        silent.close()
    expect(status).to_have_text(site["offlineFailed"])
    expect(button).to_have_text(site["offlineSave"])
    assert page.evaluate(STORES) == [] and page.evaluate(WORKERS) == 0
    assert not violations(page), "failed"
    deployment.start()
    context.close()


def test_a_store_an_earlier_build_made_unasked_is_deleted_with_its_worker(context, built):
    deployment = built("/")
    page = context.new_page()
    page.goto(deployment.url)
    # What an earlier build left: its worker registered and a store named "<scope> <hash>".
    page.evaluate("""async () => {
        const registration = await navigator.serviceWorker.register("sw.js");
        const worker = registration.installing || registration.waiting || registration.active;
        while (worker.state !== "activated") {  // its activate step deletes unknown stores of the edition
            await new Promise(resolve => worker.addEventListener("statechange", resolve, { once: true }));
        }
        await (await caches.open(location.origin + "/ 0123456789abcdef")).put("/x", new Response("x"));
    }""")
    assert page.evaluate(WORKERS) == 1 and len(page.evaluate(STORES)) == 1
    page.goto(deployment.url + PAGE)
    wait_until(page, "() => caches.keys().then(names => names.length === 0)")
    wait_until(page, "() => navigator.serviceWorker.getRegistrations().then(found => found.length === 0)")
