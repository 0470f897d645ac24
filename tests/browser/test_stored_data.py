"""Nothing a reader stored is lost: data under the keys earlier versions used moves to today's
keys, and a damaged value (here: Material's colour-scheme choice) is treated as absent."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from quiz import encode, load_all, score
from quiz.wording import fill, words
from scripts.editions import EDITIONS, build_edition

from conftest import ROOT, ready, serve
from personas import answers_for

DE = words("widgets", "de")


def store(page, url: str, values: dict):
    """Put values into the site's localStorage before its scripts run on the next page."""
    page.goto(url + "404.html")
    page.evaluate(
        "values => { localStorage.clear(); for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v) }",
        values,
    )


def test_data_under_the_old_keys_moves_to_the_new_ones_and_is_kept(page, base_url, questionnaire):
    codes = [encode(questionnaire, answers_for(questionnaire, persona)) for persona in ("fader", "top_seller")]
    history = [
        {"code": codes[0], "date": "2026-10-01T09:00:00.000Z"},
        {"code": codes[1], "date": "2026-11-02T09:00:00.000Z"},
    ]
    first, second = questionnaire.statements[:2]
    store(
        page,
        base_url,
        {
            "selbsttest.answers": json.dumps(
                {"version": questionnaire.version, "answers": {first.id: 4, second.id: 2}}
            ),
            "selbsttest.history": json.dumps(history),
            "selbsttest.team": json.dumps({"text": f"Anna: {codes[0]}"}),
        },
    )
    page.goto(base_url + "selbsttest/")
    ready(page)
    expect(page.locator(f"input[name='{first.id}'][value='4']")).to_be_checked()
    expect(page.locator(f"input[name='{second.id}'][value='2']")).to_be_checked()
    expect(page.locator("[data-selfcheck-history] li")).to_have_count(2)
    expect(page.locator("[data-selfcheck-notice]")).to_be_hidden()
    stored = page.evaluate("Object.fromEntries(Object.entries(localStorage))")
    assert not [key for key in stored if key.startswith("selbsttest.")]
    assert json.loads(stored["selfcheck.history"]) == history
    page.goto(base_url + "team/")
    ready(page, "[data-teamview]")
    expect(page.locator("[data-team-input]")).to_have_value(f"Anna: {codes[0]}")
    expect(page.locator("[data-team-result] tbody tr")).to_have_count(1)
    page.requests.assert_clean()


def test_where_old_and_new_keys_both_hold_a_history_both_are_kept(page, base_url, questionnaire):
    codes = [encode(questionnaire, answers_for(questionnaire, persona)) for persona in ("fader", "top_seller")]
    old = [{"code": codes[0], "date": "2026-10-01T09:00:00.000Z"}]
    new = [{"code": codes[1], "date": "2026-11-02T09:00:00.000Z"}]
    store(page, base_url, {"selbsttest.history": json.dumps(old), "selfcheck.history": json.dumps(new)})
    page.goto(base_url + "selbsttest/")
    ready(page)
    expect(page.locator("[data-selfcheck-history] li")).to_have_count(2)
    assert json.loads(page.evaluate("localStorage.getItem('selfcheck.history')")) == old + new
    page.requests.assert_clean()


@pytest.mark.parametrize(
    "damaged",
    ['{"index":"x"}', '{"index":7,"color":{}}', '{"index":0,"color":{"scheme":5}}', '"slate"', "{broken", "null", "[]"],
)
def test_a_damaged_colour_scheme_choice_is_ignored_and_the_toggle_works(page, edition, damaged):
    scope = edition.url.split("//", 1)[1].split("/", 1)[1]  # Material keys its storage by the site's path
    store(page, edition.url, {f"/{scope}.__palette": damaged})
    page.goto(edition.url)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.requests.assert_clean()


def test_the_version_2_site_keeps_version_1_history_answers_and_links(page, base_url, questionnaire):
    older = load_all()[1]
    old_codes = [encode(older, answers_for(older, persona)) for persona in ("fader", "classic_curve")]
    history = [
        {"code": code, "date": f"2026-0{month}-01T09:00:00.000Z"}
        for month, code in zip((3, 6), old_codes, strict=False)
    ]
    answers = json.dumps({"version": 1, "answers": {older.statements[0].id: 4}})
    store(page, base_url, {"selfcheck.history": json.dumps(history), "selfcheck.answers": answers})
    page.goto(base_url + "selbsttest/")
    ready(page)
    # the older answers in progress are explained and kept, never called damaged
    expect(page.locator("[data-selfcheck-notice]")).to_have_text(fill(DE["answersFromOlder"], found=1))
    assert page.evaluate("localStorage.getItem('selfcheck.answers')") == answers
    # the version-1 history is shown as such
    items = page.locator("[data-selfcheck-history] li")
    expect(items).to_have_count(2)
    for item in items.all():
        expect(item).to_have_attribute("data-version", "1")
        expect(item).to_contain_text(fill(DE["historyVersion"], version=1))
    # a version-1 link shows its version-1 result, marked as the older test
    page.goto(base_url + f"selbsttest/#code={old_codes[0]}")
    page.reload()
    ready(page)
    heading = page.locator("[data-selfcheck-result] h2").first
    expect(heading).to_have_text(score(older, answers_for(older, "fader")).headline["de"])
    expect(heading).to_have_attribute("data-version", "1")
    expect(page.locator(".selfcheck__older")).to_have_text(
        fill(DE["olderResult"], version=1, current=questionnaire.version)
    )
    assert json.loads(page.evaluate("localStorage.getItem('selfcheck.history')")) == history
    page.requests.assert_clean()


@pytest.fixture(scope="module")
def version_1_site(tmp_path_factory):
    """The site as it was before version 2: built with the newest published version held back.

    The held-back config lives in a temporary folder beside links to the project's own files, so
    that its relative paths (INHERIT, docs, hooks) resolve as in the project and nothing is written
    into the working tree."""
    folder = tmp_path_factory.mktemp("older-site")
    project = folder / "project"
    project.mkdir()
    for entry in ROOT.iterdir():
        if not entry.name.startswith(".") and entry.name not in ("site", "node_modules"):
            (project / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    for language, (config, subfolder) in EDITIONS.items():  # German first: its build empties the folder
        older = project / f"older-{language}.yml"
        older.write_text(f"INHERIT: {config}\nextra:\n  selfcheck_latest_version: 1\n", encoding="utf-8")
        result = build_edition(older, folder / "site" / subfolder)
        assert result.returncode == 0, result.stderr
    server = serve(folder / "site")
    yield server.url
    server.shutdown()


def test_a_version_2_code_on_a_version_1_page_gets_its_own_message(page, version_1_site, questionnaire):
    code = encode(questionnaire, answers_for(questionnaire, "fader"))
    page.requests.origin = version_1_site.rstrip("/")
    page.goto(version_1_site + f"selbsttest/#code={code}")
    ready(page)
    expect(page.locator("[data-selfcheck-notice]")).to_have_text(
        fill(DE["linkNewer"], found=questionnaire.version, current=1)
    )
    expect(page.locator("[data-selfcheck-form]")).to_be_visible()
    expect(page.locator("fieldset[data-item]")).to_have_count(len(load_all()[1].statements))
    page.requests.assert_clean()
