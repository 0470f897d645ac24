"""Shared fixtures: one strict build of the site, a local server for it, a Chromium, and the
questionnaire. Tests that use a browser are marked `browser` automatically, so
`pytest -m "not browser"` is the fast lane that needs no Chromium."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import quiz
from quiz.wording import words
from scripts.browser import CHROMIUM_ARGS, RequestLog, chromium_path
from scripts.editions import EDITIONS, build_editions, failure
from scripts.site_check import site_problems
from scripts.static_server import StaticServer

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
BROWSER_FIXTURES = {"playwright", "browser"}  # every Chromium page comes from these two
LANES = ("unit", "calibration", "site", "js", "browser", "stacks")  # the folder is the lane
SLOW_LANES = {"browser", "stacks"}  # outside the fast lane


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config):
    """`pytest tests/unit` is the quick loop: one process is faster there than starting workers."""
    paths = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    if paths and all(path.is_relative_to(TESTS / "unit") for path in paths):
        config.option.numprocesses = 0


def pytest_collection_modifyitems(items):
    """Mark each test with its folder's lane (`-m "not browser and not stacks"` is the fast lane),
    and refuse a test that sits in a folder its fixtures do not fit."""
    misfiled = []
    for item in items:
        lane = _lane(Path(str(item.path)))
        item.add_marker(getattr(pytest.mark, lane))
        uses_browser = bool(BROWSER_FIXTURES & set(_fixture_closure(item)))
        if uses_browser and lane not in SLOW_LANES:
            misfiled.append(f"{item.nodeid}: uses Chromium, so it belongs in tests/browser/")
    if misfiled:
        raise pytest.UsageError("\n".join(misfiled))


def pytest_sessionstart(session):
    session.config.tree_before = _tree_changes()


def pytest_sessionfinish(session, exitstatus):
    """No test writes into the working tree: what git sees as changed must be the same after the run."""
    before = getattr(session.config, "tree_before", None)
    if before is None or hasattr(session.config, "workerinput"):  # no git here, or an xdist worker
        return
    written = sorted(_tree_changes() - before)
    if written:
        session.config.get_terminal_writer().line(
            "\ntests wrote into the working tree: " + ", ".join(written), red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _tree_changes() -> set[str] | None:
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return set(result.stdout.splitlines()) if result.returncode == 0 else None


def _lane(path: Path) -> str:
    relative = path.resolve().relative_to(TESTS).parts
    if len(relative) < 2 or relative[0] not in LANES:
        raise pytest.UsageError(f"{path}: a test file belongs in one of tests/{{{','.join(LANES)}}}/")
    return relative[0]


def _fixture_closure(item) -> tuple[str, ...]:
    info = getattr(item, "_fixtureinfo", None)
    return tuple(info.names_closure) if info else tuple(getattr(item, "fixturenames", ()))


@dataclass(frozen=True)
class Edition:
    """One language edition of the built site, with the wording its pages use."""

    language: str
    url: str  # where the edition starts, e.g. http://127.0.0.1:PORT/en/
    words: dict  # the self-assessment's interface wording (quiz/wording.yml, group "widgets")
    start: str  # the start page's link to the self-assessment
    search: tuple  # a search word and the page it must find


SEARCHES = {"de": ("Empfehlung", "leitfaden/empfehlungen/"), "en": ("referral", "leitfaden/empfehlungen/")}
START_LINKS = {"de": "Zum Selbsttest", "en": "Take the self-assessment"}


@pytest.fixture(scope="session")
def questionnaire() -> quiz.Questionnaire:
    return quiz.load(quiz.DEFINITION)


@pytest.fixture(scope="session")
def published() -> dict:
    """Every published questionnaire version, {version: questionnaire}."""
    return quiz.load_all()


@pytest.fixture(scope="session")
def pasted(published) -> str:
    """A team paste with every persona, an older version, bad lines and a duplicate (team_pastes.py)."""
    from team_pastes import team_paste

    return team_paste(published)


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """Both editions, built for the address they are served at (so Material's sitemap matches)."""
    site = tmp_path_factory.mktemp("site")
    server = serve(site)
    outputs = build_editions(site, server.url)
    assert failure(outputs) is None, failure(outputs)
    problems = site_problems(site)  # what CI checks after every build (scripts/site_check.py)
    assert not problems, "\n".join(problems)
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
    return Edition(
        language,
        base_url + EDITIONS[language][1],
        words("widgets", language),
        START_LINKS[language],
        SEARCHES[language],
    )


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


def quiz_cli(*args: str) -> Run:
    """`python -m quiz ARGS` from the project root, run in this process (a new interpreter per call
    would cost half a second; test_quiz_engine.py runs the real module once)."""
    from quiz.__main__ import main

    out, err, before = io.StringIO(), io.StringIO(), os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(arg) for arg in args])
    finally:
        os.chdir(before)
    return Run(code, out.getvalue(), err.getvalue())


def load_hook(name: str):
    """A hook module from hooks/, loaded as MkDocs loads it, to call its functions directly."""
    spec = importlib.util.spec_from_file_location(f"{name}_hook", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def copy_project(target: Path) -> Path:
    """The sources of both editions in ``target``, to break one of them for a build."""
    for name in ("docs", "docs-en", "hooks", "quiz", "sitekit", "includes", "overrides"):
        shutil.copytree(ROOT / name, target / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    for config, _ in EDITIONS.values():
        shutil.copy(ROOT / config, target / config)
    return target


def serve(directory: Path, prefix: str = "/", compress: bool = False) -> StaticServer:
    return StaticServer(directory, prefix, compress).start()


PREFIX = "/after-sales/"  # a GitHub Pages project path


@pytest.fixture(scope="session")
def project_site(tmp_path_factory):
    """Both editions built and served under a GitHub Pages project path."""
    site = tmp_path_factory.mktemp("project-site")
    server = serve(site, PREFIX)  # the port must be known before the build
    problem = failure(build_editions(site, server.url))
    assert problem is None, problem
    yield server.url
    server.shutdown()


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright  # only the browser lane needs Playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser, base_url):
    # Service workers blocked: the ordinary tests see the network; tests/browser/test_offline.py opts in.
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    page.requests = RequestLog(page, base_url.rstrip("/"))
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


def answer(page, questionnaire, answers, language: str = "de"):
    """Tick one answer per statement with the mouse, then press the submit button."""
    for statement, value in zip(questionnaire.statements, answers, strict=False):
        if statement.reserve:
            continue  # version 3's reserve is offered with the result, not in this form
        choice = "na" if value is None else value  # "kam nicht vor"
        page.locator(f"fieldset[data-item='{statement.id}'] input[value='{choice}']").check()
    page.get_by_role("button", name=words("widgets", language)["submit"]).click()


def ready(page, widget: str = "[data-selfcheck]"):
    """Wait until the page script has set up the self-assessment (or "[data-teamview]")."""
    page.locator(f"{widget}[data-ready]").wait_for(state="attached")
