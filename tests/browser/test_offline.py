"""Offline and installable (hooks/offline.py, issues 12 and 20), in a Chromium that allows service
workers: a visit stores nothing; once the reader saves the edition, it works with the test server
stopped (an emulated offline mode would not reach the worker's own requests); a new build replaces
the store; the German worker leaves /en/ alone; Chromium finds the site installable; the off switch
removes worker and stores. The weak networks are in test_weak_network.py.

Each test builds a copy of the sources into its own folder and serves it with its own server, so
it can stop the server, change text, rebuild and start the server again on the same port."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from quiz import encode, load_all, score
from quiz.wording import words
from scripts.browser import CHROMIUM_ARGS, chromium_path
from scripts.editions import EDITIONS, build_edition
from scripts.static_server import StaticServer

from axe import violations
from conftest import ROOT, SEARCHES, answer, ready, search
from personas import answers_for

pytestmark = pytest.mark.browser

SOURCES = ("docs", "docs-en", "includes", "overrides", "hooks", "quiz", "mkdocs.yml", "mkdocs.en.yml")
# Pages the tests never open before going offline, and a heading each must show.
UNVISITED = ("leitfaden/druck/", "werkzeuge/glossar/", "methode/")
CONTROLLED = "navigator.serviceWorker.controller !== null"
STORES = "caches.keys()"


class Deployment:
    """A copy of the sources, built into a folder that a server of its own serves at ``prefix``."""

    def __init__(self, folder: Path, prefix: str = "/"):
        self.project, self.site, self.prefix = folder / "project", folder / "site", prefix
        for name in SOURCES:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, self.project / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, self.project / name)
        self.site.mkdir()
        self.server = StaticServer(self.site, prefix).start()
        self.port = self.server.server_address[1]
        self.build()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def build(self):
        for config, folder in EDITIONS.values():  # German first: its build empties the folder
            result = build_edition(self.project / config, self.site / folder, self.url)
            assert result.returncode == 0, result.stderr

    def edit(self, path: str, old: str, new: str):
        file = self.project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{path} has no {old!r}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def start(self):
        self.server = StaticServer(self.site, self.prefix, port=self.port).start()


@pytest.fixture
def deployment(tmp_path):
    deployment = Deployment(tmp_path)
    yield deployment
    deployment.stop()


@pytest.fixture
def project_path_deployment(tmp_path):
    deployment = Deployment(tmp_path, "/after-sales/")
    yield deployment
    deployment.stop()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}, service_workers="allow")
    context.requests = []  # every request of the context, the service worker's included
    context.on("request", lambda request: context.requests.append(request))
    yield context
    context.close()


def language_of(url: str) -> str:
    return "en" if url.endswith("/en/") else "de"


def save(page, language: str):
    """Opts in with the save control on the page; the worker controls the page once its store is complete."""
    site = words("site", language)
    page.locator("[data-offline-save]").get_by_role("button", name=site["offlineSave"]).click()
    expect(page.locator(".offline-save__status")).to_have_text(site["offlineDone"])
    page.wait_for_function(CONTROLLED)


def install(context, url: str):
    """One visit to the edition's start page (``url``), saving the edition for offline use there."""
    page = context.new_page()
    page.goto(url)
    save(page, language_of(url))
    return page


def notice(page):
    """The status line of the offline notices (the save controls have status lines of their own)."""
    return page.locator(".offline-notice [role=status]")


def wait_until(page, condition: str, arg=None, timeout: int = 10_000):
    """Until the JavaScript function ``condition(arg)`` resolves to a true value (Playwright's
    wait_for_function takes the promise an async check returns for a true value)."""
    page.evaluate(
        """async ([source, arg, timeout]) => {
        const condition = eval(source), end = Date.now() + timeout;
        while (!(await condition(arg))) {
            if (Date.now() > end) throw new Error("still false after " + timeout + " ms: " + source);
            await new Promise(resolve => setTimeout(resolve, 50));
        }
    }""",
        [condition, arg, timeout],
    )


def expect_offline_reading(context, url: str, language: str):
    """Pages never visited load from the store, with the notice, and the search finds a page."""
    page = context.new_page()
    for path in UNVISITED:
        response = page.goto(url + path)
        assert response.from_service_worker, path
        expect(page.locator("article h1")).to_be_visible()
        expect(notice(page)).to_have_text(words("site", language)["offlineStored"])
    word, target = SEARCHES[language]
    search(page, word)
    expect(page.locator(f".md-search-result__item a[href^='{url + target}']").first).to_be_visible()
    return page


@pytest.mark.parametrize("language", list(EDITIONS))
def test_a_visit_stores_nothing_and_without_saving_nothing_is_readable_offline(context, deployment, language):
    url = deployment.url + EDITIONS[language][1]
    page = context.new_page()
    for path in ("", "leitfaden/", "selbsttest/"):
        page.goto(url + path)
        expect(page.locator("article h1")).to_be_visible()
    page.goto(url)
    expect(page.locator("[data-offline-save] button")).to_have_text(words("site", language)["offlineSave"])
    page.wait_for_load_state("load")  # when an earlier version registered its worker
    assert page.evaluate(STORES) == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(found => found.length)") == 0
    deployment.stop()
    with pytest.raises(Exception, match="ERR_CONNECTION_REFUSED"):
        page.goto(url + "leitfaden/")


@pytest.mark.parametrize("language", list(EDITIONS))
def test_once_saved_the_edition_works_with_the_server_stopped(context, deployment, language, questionnaire):
    url = deployment.url + EDITIONS[language][1]
    install(context, url)
    deployment.stop()
    page = expect_offline_reading(context, url, language)

    answers = answers_for(questionnaire, "classic_curve")
    page.goto(url + "selbsttest/")
    ready(page)
    answer(page, questionnaire, answers, language)
    expected = score(questionnaire, answers)
    expect(page.locator("[data-selfcheck-result] h2").first).to_have_text(expected.headline[language])
    page.goto(url + "team/")  # the team overview too
    ready(page, "[data-teamview]")
    first = load_all()[1]  # and a share link of the older version 1 shows its own result
    older = answers_for(first, "classic_curve")
    page.goto(url + "selbsttest/#code=" + encode(first, older))
    expect(page.locator("[data-selfcheck-result] h2").first).to_have_text(score(first, older).headline[language])

    # The store holds exactly the worker's list: nothing the reader entered or opened was added.
    listed = json.loads(
        re.search(
            r"const FILES = (\[.*?\]),", (deployment.site / EDITIONS[language][1] / "sw.js").read_text(encoding="utf-8")
        ).group(1)
    )
    stored = page.evaluate(
        "caches.keys().then(names => caches.open(names.find(name => name.startsWith("
        "navigator.serviceWorker.controller.scriptURL.replace(/sw\\.js$/, '') + ' '))))"
        ".then(store => store.keys()).then(requests => requests.map(request => request.url))"
    )
    assert sorted(stored) == sorted(url + path for path in listed)
    origin = deployment.url.split(deployment.prefix)[0]
    assert [request.url for request in context.requests if request.service_worker]  # the worker's are counted
    assert not [
        request.url for request in context.requests if not request.url.startswith((origin + "/", "data:", "blob:"))
    ]


def test_the_notices_tell_a_stored_copy_and_a_new_version(context, deployment):
    url = deployment.url
    install(context, url)
    deployment.stop()
    page = context.new_page()
    page.goto(url + "leitfaden/")
    status, site = notice(page), words("site", "de")
    expect(status).to_have_text(site["offlineStored"])
    assert not violations(page)
    deployment.edit("docs/leitfaden/index.md", "\n# ", "\n# Neu: ")
    deployment.build()
    deployment.start()
    context.set_offline(True)  # back online: the page asks for a newer worker
    context.set_offline(False)
    expect(status).to_have_text(site["offlineUpdate"])
    assert not violations(page)
    page.get_by_role("button", name=site["offlineReload"]).click()
    expect(page.locator("article h1")).to_contain_text("Neu: ")
    expect(status).to_be_empty()


@pytest.mark.parametrize("language", list(EDITIONS))
def test_a_new_build_shows_its_text_and_replaces_the_old_store(context, deployment, language):
    url = deployment.url + EDITIONS[language][1]
    page = install(context, url)
    old = page.evaluate(STORES)
    assert len(old) == 1
    source = ("docs" if language == "de" else "docs-en") + "/index.md"
    text = (deployment.project / source).read_text(encoding="utf-8")
    heading = re.search(r"^# (.+?)(?: \{#[^}]*\})?$", text, re.M).group(1)
    expect(page.locator("article h1")).to_contain_text(heading)
    deployment.stop()
    deployment.edit(source, f"# {heading}", f"# {heading} (neu)")
    deployment.build()
    deployment.start()
    page.reload()
    expect(page.locator("article h1")).to_contain_text(f"{heading} (neu)")
    wait_until(page, "old => caches.keys().then(keys => keys.length === 1 && keys[0] !== old)", old[0])
    deployment.stop()  # and the new store holds the new text
    page.goto(url + "leitfaden/")
    page.goto(url)
    expect(page.locator("article h1")).to_contain_text(f"{heading} (neu)")


def test_under_a_project_path_it_works_offline_and_the_german_worker_leaves_en_alone(context, project_path_deployment):
    deployment = project_path_deployment
    german = install(context, deployment.url)
    assert german.evaluate("navigator.serviceWorker.ready.then(r => r.scope)") == deployment.url
    english = context.new_page()
    responses = []
    english.on("response", lambda response: responses.append(response))
    english.goto(deployment.url + "en/leitfaden/")
    english.wait_for_load_state("load")
    english_edition = [response for response in responses if response.url.startswith(deployment.url + "en/")]
    assert len(english_edition) > 5
    assert not [response.url for response in english_edition if response.from_service_worker]
    again = context.new_page()  # a German page, for comparison, does come from the worker
    assert again.goto(deployment.url + "werkzeuge/").from_service_worker
    english_stores = "url => caches.keys().then(names => names.filter(name => name.startsWith(url + ' ')))"
    assert english.evaluate(english_stores, deployment.url + "en/") == []  # nothing saved for English yet
    english.goto(deployment.url + "en/")  # the English edition is saved on its own
    save(english, "en")
    deployment.stop()
    for language in EDITIONS:
        expect_offline_reading(context, deployment.url + EDITIONS[language][1], language)


@pytest.mark.parametrize("language", list(EDITIONS))
def test_chromium_finds_no_installability_error_before_and_after_saving(playwright, deployment, language, tmp_path):
    # A profile of its own: Chromium never offers to install from an incognito window, and every
    # context Playwright opens in a running browser is one.
    context = playwright.chromium.launch_persistent_context(
        tmp_path / "profile", executable_path=chromium_path(), args=CHROMIUM_ARGS, service_workers="allow"
    )
    url = deployment.url + EDITIONS[language][1]
    page = context.new_page()
    page.goto(url)  # a first visit: no worker registered, nothing stored
    expect(page.locator("[data-offline-save] button")).to_be_visible()
    session = context.new_cdp_session(page)
    manifest = session.send("Page.getAppManifest")
    assert not manifest["errors"], manifest["errors"]
    before = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    registrations = page.evaluate("navigator.serviceWorker.getRegistrations().then(found => found.length)")
    save(page, language)
    after = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    context.close()
    assert (registrations, before, after) == (0, [], [])


@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_off_switch_removes_the_worker_and_its_stores(context, deployment, language):
    url = deployment.url + EDITIONS[language][1]
    page = install(context, url)
    assert page.evaluate(STORES)
    deployment.edit("mkdocs.yml", "  offline: true\n", "  offline: false\n")
    deployment.build()
    page.reload()
    wait_until(page, "() => navigator.serviceWorker.getRegistrations().then(found => found.length === 0)")
    wait_until(page, "() => caches.keys().then(keys => keys.length === 0)")
    expect(page.locator("script[data-worker]")).to_have_count(0)  # the pages no longer register one
    page.close()  # the last page it controlled: the worker is gone for good
    page = context.new_page()
    page.goto(url + "leitfaden/")
    assert page.evaluate("navigator.serviceWorker.controller") is None
    deployment.stop()  # and nothing is kept for offline reading
    with pytest.raises(Exception, match="ERR_CONNECTION_REFUSED"):
        page.goto(url + "werkzeuge/")
