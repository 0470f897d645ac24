"""The self-assessment in a real Chromium: answering, result, sharing, history, bad input, storage."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from quiz import encode, estimate, load_all, score
from quiz.model import NOT_ASKED
from quiz.team import verdict_label
from quiz.wording import fill, words
from scripts.browser import CHROMIUM_ARGS, RequestLog, chromium_path

from conftest import answer, ready
from personas import PERSONAS, answers_for

DE = words("widgets", "de")

RESULT = "[data-selfcheck-result]"
NOTICE = "[data-selfcheck-notice]"


@pytest.fixture(scope="module")
def model(site_dir):
    return json.loads((site_dir / "assets" / "selfcheck" / "model.json").read_text(encoding="utf-8"))


def open_assessment(page, edition_url, fragment=""):
    page.goto(edition_url + "selbsttest/" + fragment)
    ready(page)
    page.evaluate(
        "window.__results = []; document.addEventListener('selfcheck:result', e => window.__results.push(e.detail))"
    )


def answer_with_keyboard(page, questionnaire, answers, language="de"):
    """The base test by keyboard (version 3's reserve is its own form, see test_selfcheck_v3.py)."""
    first = questionnaire.statements[0].id
    for _ in range(80):  # Tab from the top of the page to the first answer
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == first:
            break
    else:
        pytest.fail("Tab never reached the first statement")
    for statement, value in zip(questionnaire.statements, answers, strict=False):
        if statement.reserve:
            continue
        assert page.evaluate("document.activeElement.name") == statement.id
        page.keyboard.press("Space")  # selects the focused first option: 1
        for _ in range(value - 1):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == words("widgets", language)["submit"]
    page.keyboard.press("Enter")


def expect_result(page, questionnaire, answers, language="de"):
    expected = score(questionnaire, answers)
    result = page.locator(RESULT)
    expect(result).to_be_visible()
    expect(result.locator("h2").first).to_have_text(expected.headline[language])
    words = edition_words(language)
    heading = result.locator("h2").first
    expect(heading).to_have_attribute(
        "data-drops-off", {True: "true", False: "false", None: "null"}[expected.drops_off]
    )
    expect(heading).to_have_attribute("data-verdict", expected.verdict)
    chart = result.locator("figure.effort-chart svg")
    expect(chart).to_be_visible()
    expect(chart.locator("circle")).to_have_count(4)
    for phase in questionnaire.phases:
        expect(result.locator(f"li[data-phase='{phase.id}']")).to_contain_text(
            fill(words["percent"], value=expected.phases[phase.id])
        )
    low, high = expected.drop_range
    expect(result.locator("li[data-range]")).to_have_text(
        fill(words["rangeValue"], low=low, high=high, pairs=expected.pairs)
    )
    expect(result.locator("li[data-level]")).to_have_text(fill(words["levelValue"], level=expected.level))
    expect(result.locator("a[data-method-link]")).to_have_text(words["methodLink"])
    if expected.profile:
        expect(result.locator("[data-profile]")).to_have_attribute("data-profile", expected.profile)
    facets = result.locator("li[data-facet]")
    assert facets.evaluate_all("items => items.map(li => li.dataset.facet)") == list(expected.recommendations)
    for href in facets.locator("a").evaluate_all("links => links.map(a => a.href)"):
        assert page.request.get(href).status == 200, href
    code = encode(questionnaire, answers)
    expect(result.locator("[data-selfcheck-code]")).to_have_text(code)
    events = page.evaluate("window.__results")
    assert events[-1] == expected.event_detail(code)
    return expected


ANSWER_WITH = {"mouse": answer, "keyboard": answer_with_keyboard}


def edition_words(language: str) -> dict:
    return words("widgets", language)


@pytest.mark.parametrize("how", ANSWER_WITH)
@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_persona_completes_the_assessment(page, edition, questionnaire, persona, how):
    open_assessment(page, edition.url)
    answers = answers_for(questionnaire, persona)
    ANSWER_WITH[how](page, questionnaire, answers, edition.language)
    expect_result(page, questionnaire, answers, edition.language)
    page.requests.assert_clean()


def test_the_served_engine_scores_like_python(page, base_url, questionnaire, model):
    """A few end-to-end vectors through the files the site serves; tests/js/engine.test.mjs has thousands."""
    open_assessment(page, base_url)
    vectors = [answers_for(questionnaire, persona) for persona in sorted(PERSONAS)]
    vectors.append([None if statement.trigger else 2 for statement in questionnaire.statements])  # "kam nicht vor"
    browser_results = page.evaluate(
        """async ([model, vectors]) => {
        const engine = await import(new URL("../assets/selfcheck/selfcheck.js", location.href))
        const entry = engine.current(model)
        return vectors.map(answers => ({ result: engine.score(model, entry, answers), code: engine.encode(model, entry, answers),
                                         decoded: engine.decode(model, engine.encode(model, entry, answers)) }))
    }""",
        [model, vectors],
    )
    for answers, seen in zip(vectors, browser_results, strict=False):
        expected = score(questionnaire, answers)
        assert seen["result"]["phases"] == expected.phases
        assert seen["result"]["dropOff"] == expected.drop_off
        assert seen["result"]["dropOffRange"] == list(expected.drop_range)
        assert seen["result"]["verdict"] == expected.verdict and seen["result"]["level"] == expected.level
        assert seen["result"]["dropsOff"] == expected.drops_off
        assert seen["result"]["profile"] == expected.profile
        assert seen["result"]["recommendations"] == list(expected.recommendations)
        assert seen["result"]["headline"] == expected.headline["de"]
        assert seen["code"] == encode(questionnaire, answers)
        assert seen["decoded"]["answers"] == answers


def test_progress_and_reload_resume(page, base_url, questionnaire):
    open_assessment(page, base_url)
    base = [statement for statement in questionnaire.statements if not statement.reserve]
    total = len(base)
    for statement in questionnaire.statements[:5]:
        page.locator(f"fieldset[data-item='{statement.id}'] input[value='4']").check()
    expect(page.locator("[data-selfcheck-count]")).to_have_text(fill(DE["progress"], answered=5, total=total))
    page.reload()
    ready(page)
    expect(page.locator("[data-selfcheck-count]")).to_have_text(fill(DE["progress"], answered=5, total=total))
    for statement in questionnaire.statements[:5]:
        expect(page.locator(f"fieldset[data-item='{statement.id}'] input[value='4']")).to_be_checked()
    page.get_by_role("button", name=DE["submit"]).click()
    expect(page.locator(NOTICE)).to_have_text(fill(DE["missing"], count=total - 5))
    assert page.evaluate("document.activeElement.name") == questionnaire.statements[5].id
    for statement in base[5:-1]:
        page.locator(f"fieldset[data-item='{statement.id}'] input[value='2']").check()
    page.get_by_role("button", name=DE["submit"]).click()
    expect(page.locator(NOTICE)).to_have_text(DE["missingOne"])
    page.requests.assert_clean()


def test_share_link_reproduces_the_result_elsewhere(page, browser, base_url, questionnaire):
    open_assessment(page, base_url)
    answers = answers_for(questionnaire, "classic_curve")
    answer(page, questionnaire, answers)
    link = page.locator(".selfcheck__share input").input_value()
    assert link.endswith("#code=" + encode(questionnaire, answers))
    other = browser.new_context(
        locale="de-DE", service_workers="block"
    ).new_page()  # no shared storage: like a colleague's phone
    other.requests = RequestLog(other, base_url.rstrip("/"))
    other.goto(link)
    ready(other)
    expect(other.locator(RESULT)).to_contain_text(DE["sharedNote"])
    expect(other.locator(RESULT + " h2").first).to_have_text(score(questionnaire, answers).headline["de"])
    other.requests.assert_clean()
    other.context.close()


def test_copy_button_copies_the_share_link(page, base_url, questionnaire):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_assessment(page, base_url)
    answer(page, questionnaire, answers_for(questionnaire, "top_seller"))
    page.get_by_role("button", name=DE["copy"]).click()
    expect(page.locator(RESULT)).to_contain_text(DE["copied"])
    assert page.evaluate("navigator.clipboard.readText()") == page.locator(".selfcheck__share input").input_value()


def test_history_keeps_results_and_compares_with_the_previous_attempt(page, base_url, questionnaire):
    open_assessment(page, base_url)
    first = answers_for(questionnaire, "classic_curve")
    answer(page, questionnaire, first)
    page.get_by_role("button", name=DE["restart"]).click()
    second = answers_for(questionnaire, "top_seller")
    answer(page, questionnaire, second)
    before, after = score(questionnaire, first), score(questionnaire, second)
    compare = page.locator(".selfcheck__compare")
    expect(compare).to_be_visible()
    delta = after.phases["after_sale"] - before.phases["after_sale"]
    expect(compare).to_contain_text(f"{questionnaire.phases[-1].label['de']}: +{delta} Punkte")
    history = page.locator("[data-selfcheck-history] li")
    expect(history).to_have_count(2)
    expect(history.first).to_contain_text(
        fill(DE["historyEntryV2"], date="", verdict=verdict_label(DE, after.verdict), level=after.level).lstrip(": ")
    )
    page.reload()
    expect(page.locator("[data-selfcheck-history] li")).to_have_count(2)
    page.requests.assert_clean()


def test_delete_button_removes_every_stored_answer_and_result(page, base_url, questionnaire):
    open_assessment(page, base_url)
    answer(page, questionnaire, answers_for(questionnaire, "fader"))
    page.get_by_role("button", name=DE["delete"]).click()
    expect(page.locator(NOTICE)).to_have_text(DE["deleted"])
    assert page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('selfcheck.'))") == []
    expect(page.locator("[data-selfcheck-history]")).to_be_hidden()
    expect(page.locator("[data-selfcheck-form]")).to_be_visible()
    expect(page.locator("input:checked")).to_have_count(0)


@pytest.mark.parametrize(
    "fragment, message",
    [
        ("#code=1-ZZZZ", DE["linkDamaged"]),
        ("#code=%3Cimg%20src%3Dx%20onerror%3D%22document.title%3D'pwned'%22%3E", DE["linkForeign"]),
        ("#code=%E0%A4%A", DE["linkForeign"]),
        ("#code=7-ABCDEFGHJKLMNPQ", fill(DE["linkNewer"], found=7, current=max(load_all()))),
    ],
)
def test_tampered_share_links_show_a_message_and_a_fresh_questionnaire(page, base_url, fragment, message):
    open_assessment(page, base_url, fragment)
    expect(page.locator(NOTICE)).to_have_text(message)
    expect(page.locator("[data-selfcheck-form]")).to_be_visible()
    expect(page.locator(RESULT)).to_be_hidden()
    assert page.locator("article img").count() == 0
    assert page.title() != "pwned"
    page.requests.assert_clean()


@pytest.mark.parametrize(
    "stored, message",
    [
        ('{"not json', DE["historyDamaged"]),
        ('{"code": 1}', DE["historyDamaged"]),
        (
            '[{"code": "<b>x</b>", "date": "gestern"}]',
            DE["historyPartlyDropped"].replace("{dropped}", "1").replace("{kept}", "0"),
        ),
    ],
)
def test_tampered_stored_history_is_discarded_with_a_message(page, base_url, stored, message):
    page.goto(base_url)
    page.evaluate("value => localStorage.setItem('selfcheck.history', value)", stored)
    open_assessment(page, base_url)
    expect(page.locator(NOTICE)).to_have_text(message)
    expect(page.locator("[data-selfcheck-form]")).to_be_visible()
    assert page.locator("article b").count() == 0
    page.requests.assert_clean()


def test_blocked_storage_still_works_without_script_errors(playwright, base_url, questionnaire, tmp_path):
    """A real Chromium profile that blocks all site data, as in strict privacy settings."""
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    (profile / "Default" / "Preferences").write_text(
        json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}}), encoding="utf-8"
    )
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path(), args=CHROMIUM_ARGS, locale="de-DE"
    )
    page = context.new_page()
    requests = RequestLog(page, base_url.rstrip("/"))
    page.goto(base_url)
    page.wait_for_load_state("load")  # the page's scripts have run
    assert not requests.errors, requests.errors
    assert page.evaluate("() => { try { localStorage.length; return false } catch { return true } }"), (
        "the profile should block localStorage"
    )
    page.locator("[data-md-component='palette'] label:visible").click()  # Material stores the scheme
    page.locator("nav.md-nav--primary").get_by_role("link", name="Selbsttest", exact=True).click()
    ready(page)
    expect(page.locator(NOTICE)).to_contain_text("erlaubt dieser Seite nicht, Daten zu speichern")
    page.evaluate(
        "window.__results = []; document.addEventListener('selfcheck:result', e => window.__results.push(e.detail))"
    )
    answers = answers_for(questionnaire, "slow_starter")
    answer(page, questionnaire, answers)
    expect_result(page, questionnaire, answers)
    requests.assert_clean()
    context.close()


def test_print_layout_shows_the_result_without_buttons(page, base_url, questionnaire):
    open_assessment(page, base_url)
    answer(page, questionnaire, answers_for(questionnaire, "steady_average"))
    page.emulate_media(media="print")
    expect(page.locator(RESULT + " h2").first).to_be_visible()
    expect(page.locator(RESULT + " figure svg")).to_be_visible()
    for button in page.locator(".selfcheck button").all():
        expect(button).to_be_hidden()


def test_assessment_contract_for_integrators(page, base_url, questionnaire):
    open_assessment(page, base_url)
    fieldsets = page.locator("fieldset[data-item]")
    expect(fieldsets).to_have_count(len(questionnaire.statements))
    for index, statement in enumerate(questionnaire.statements):
        fieldset = fieldsets.nth(index)
        expect(fieldset).to_have_attribute("data-item", statement.id)
        expect(fieldset).to_have_attribute("data-phase", statement.phase)
        expect(fieldset).to_have_attribute("data-keyed", statement.keyed)
        expect(fieldset).to_have_attribute("data-facet", statement.facet)
        expect(fieldset.locator("legend")).to_contain_text(statement.text["de"])
        values = fieldset.locator("input[type=radio]").evaluate_all("inputs => inputs.map(i => i.value)")
        assert values == ["1", "2", "3", "4", "5"] + (["na"] if statement.trigger else [])
        expect(fieldset.get_by_label(questionnaire.scale[-1]["de"], exact=True)).to_have_value("5")
    expect(page.locator(RESULT)).to_have_attribute("aria-live", "polite")


def test_assessment_works_after_instant_navigation(page, base_url, questionnaire):
    page.goto(base_url + "leitfaden/")
    page.locator("nav.md-nav--primary").get_by_role("link", name="Selbsttest", exact=True).click()
    ready(page)
    page.locator("nav.md-nav--primary").get_by_role("link", name="Glossar").click()
    page.locator("nav.md-nav--primary").get_by_role("link", name="Selbsttest", exact=True).click()
    ready(page)
    page.evaluate(
        "window.__results = []; document.addEventListener('selfcheck:result', e => window.__results.push(e.detail))"
    )
    answers = answers_for(questionnaire, "top_seller")
    answer(page, questionnaire, answers)
    expect_result(page, questionnaire, answers)
    assert len(page.evaluate("window.__results")) == 1, "one result event, not one per visit"
    page.requests.assert_clean()


@pytest.mark.parametrize("persona, verdict", [("classic_curve", "yes"), ("slow_starter", "no"), ("fader", "unclear")])
def test_each_verdict_shows_its_range_level_and_what_would_make_it_clear(
    page, base_url, questionnaire, persona, verdict
):
    answers = answers_for(questionnaire, persona)
    expected = score(questionnaire, answers)
    assert expected.verdict == verdict, "the persona no longer gives this verdict: pick another"
    open_assessment(page, base_url)
    answer(page, questionnaire, answers)
    expect_result(page, questionnaire, answers)
    clarity = page.locator("[data-clarity]")
    if verdict == "unclear":
        low, high = expected.drop_range
        rules = estimate.RULES[questionnaire.estimator]
        text = (
            fill(DE["unclearYes"], low=low, threshold=rules.yes_from)
            if expected.clarity.side == "yes"
            else fill(DE["unclearNo"], high=high, threshold=rules.no_up_to)
        )
        expect(clarity).to_have_text(text)
    else:
        expect(clarity).to_have_count(0)
    page.requests.assert_clean()


def test_never_came_up_is_offered_only_where_it_fits_and_travels_in_the_code(page, base_url, questionnaire):
    open_assessment(page, base_url)
    triggers = [statement.id for statement in questionnaire.statements if statement.trigger]
    offered = page.locator("fieldset[data-item]:has(input[value='na'])").evaluate_all(
        "sets => sets.map(f => f.dataset.item)"
    )
    assert offered == triggers
    answers = [
        NOT_ASKED if statement.reserve else None if statement.trigger else 4 for statement in questionnaire.statements
    ]
    answer(page, questionnaire, answers)
    expect_result(page, questionnaire, answers)
    page.requests.assert_clean()


def test_copy_without_a_clipboard_says_it_could_not_copy(page, base_url, questionnaire):
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', { value: undefined })")  # as on plain http
    open_assessment(page, base_url)
    answer(page, questionnaire, answers_for(questionnaire, "top_seller"))
    page.get_by_role("button", name=DE["copy"]).click()
    expect(page.locator(RESULT)).to_contain_text(DE["copyFailed"])
    page.requests.assert_clean()


def test_a_fault_while_setting_up_says_so_instead_of_leaving_a_dead_page(page, base_url):
    page.route("**/assets/selfcheck/model.json", lambda route: route.fulfill(json={"versions": [], "wording": {}}))
    page.goto(base_url + "selbsttest/")
    expect(page.locator(NOTICE)).to_have_text(DE["modelFailed"])
    assert page.requests.errors == [], "the fault is caught and reported on the page"


def test_too_few_answered_pairs_say_so_and_give_no_verdict(page, base_url, questionnaire, model):
    """No published version lets a reader fall below the minimum (the validator keeps enough pairs
    without a trigger), so this runs the page on a model that asks for more pairs than there are."""
    minimum = len(questionnaire.twins()) + 1
    strict = {
        **model,
        "rules": {**model["rules"], "minPairs": minimum},
        "versions": [
            {**entry, "estimate": entry["estimate"] and {**entry["estimate"], "minPairs": minimum}}
            for entry in model["versions"]
        ],
    }
    page.route("**/assets/selfcheck/model.json", lambda route: route.fulfill(json=strict))
    open_assessment(page, base_url)
    answer(page, questionnaire, answers_for(questionnaire, "classic_curve"))
    heading = page.locator(RESULT + " h2").first
    expect(heading).to_have_attribute("data-verdict", "too_few")
    expect(heading).to_have_attribute("data-drops-off", "null")
    expect(heading).to_have_text(questionnaire.headlines["too_few"]["de"])
    pairs = len(questionnaire.twins())
    expect(page.locator("[data-clarity='too_few']")).to_have_text(fill(DE["tooFew"], pairs=pairs, min=pairs + 1))
    expect(page.locator(RESULT + " [data-profile]")).to_have_count(0)
    assert page.evaluate("window.__results")[-1]["dropsOff"] is None
    page.requests.assert_clean()
