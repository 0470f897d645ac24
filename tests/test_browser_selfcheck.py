"""The self-assessment in a real Chromium: answering, result, sharing, history, bad input, storage."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from conftest import CHROMIUM_ARGS, ROOT, RequestLog, chromium_path, ready
from personas import PERSONAS, answers_for
from quiz import encode, load, score
from quiz.wording import WORDING

RESULT = "[data-selfcheck-result]"
NOTICE = "[data-selfcheck-notice]"


@pytest.fixture(scope="module")
def questionnaire():
    return load(ROOT / "quiz" / "selbsttest.yml")


@pytest.fixture(scope="module")
def model(site_dir):
    return json.loads((site_dir / "selbsttest" / "model.json").read_text(encoding="utf-8"))


def open_assessment(page, edition_url, fragment=""):
    page.goto(edition_url + "selbsttest/" + fragment)
    ready(page)
    page.evaluate("window.__results = []; document.addEventListener('selfcheck:result', e => window.__results.push(e.detail))")


def answer_with_mouse(page, questionnaire, answers, language="de"):
    for statement, answer in zip(questionnaire.statements, answers):
        page.locator(f"fieldset[data-item='{statement.id}'] input[value='{answer}']").check()
    page.get_by_role("button", name=WORDING[language]["submit"]).click()


def answer_with_keyboard(page, questionnaire, answers, language="de"):
    first = questionnaire.statements[0].id
    for _ in range(80):  # Tab from the top of the page to the first answer
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == first:
            break
    else:
        pytest.fail("Tab never reached the first statement")
    for statement, answer in zip(questionnaire.statements, answers):
        assert page.evaluate("document.activeElement.name") == statement.id
        page.keyboard.press("Space")  # selects the focused first option: 1
        for _ in range(answer - 1):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == WORDING[language]["submit"]
    page.keyboard.press("Enter")


def expect_result(page, questionnaire, answers, language="de"):
    expected = score(questionnaire, answers)
    result = page.locator(RESULT)
    expect(result).to_be_visible()
    expect(result.locator("h2").first).to_have_text(expected.headline[language])
    expect(result.locator("h2").first).to_have_attribute("data-drops-off", str(expected.drops_off).lower())
    chart = result.locator("figure.effort-chart svg")
    expect(chart).to_be_visible()
    expect(chart.locator("circle")).to_have_count(4)
    for phase in questionnaire.phases:
        expect(result.locator(f"li[data-phase='{phase.id}']")).to_contain_text(f"{expected.phases[phase.id]} %")
    expect(result.locator("[data-profile]")).to_have_attribute("data-profile", expected.profile)
    topics = result.locator("li[data-topic]")
    assert topics.evaluate_all("items => items.map(li => li.dataset.topic)") == list(expected.recommendations)
    for href in topics.locator("a").evaluate_all("links => links.map(a => a.href)"):
        assert page.request.get(href).status == 200, href
    code = encode(questionnaire.version, answers)
    expect(result.locator("[data-selfcheck-code]")).to_have_text(code)
    events = page.evaluate("window.__results")
    assert events[-1] == expected.event_detail(code)
    return expected


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_persona_completes_with_the_mouse(page, edition, questionnaire, persona):
    open_assessment(page, edition.url)
    answers = answers_for(questionnaire, persona)
    answer_with_mouse(page, questionnaire, answers, edition.language)
    expect_result(page, questionnaire, answers, edition.language)
    page.requests.assert_clean()


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_persona_completes_with_the_keyboard_alone(page, edition, questionnaire, persona):
    open_assessment(page, edition.url)
    answers = answers_for(questionnaire, persona)
    answer_with_keyboard(page, questionnaire, answers, edition.language)
    expect_result(page, questionnaire, answers, edition.language)
    page.requests.assert_clean()


def test_browser_scores_exactly_like_python(page, base_url, questionnaire, model):
    open_assessment(page, base_url)
    vectors = [answers_for(questionnaire, persona) for persona in sorted(PERSONAS)]
    vectors += [[(i * 7 + seed) % 5 + 1 for i in range(len(questionnaire.statements))] for seed in range(20)]
    browser_results = page.evaluate("""async ([model, vectors]) => {
        const engine = await import(new URL("../assets/selbsttest/selbsttest.js", location.href))
        return vectors.map(answers => ({ result: engine.score(model, answers),
                                         code: engine.encode(model.version, answers),
                                         decoded: engine.decode(engine.encode(model.version, answers), model.version, answers.length) }))
    }""", [model, vectors])
    for answers, seen in zip(vectors, browser_results):
        expected = score(questionnaire, answers)
        assert seen["result"]["phases"] == expected.phases
        assert seen["result"]["dropOff"] == expected.drop_off
        assert seen["result"]["dropsOff"] == expected.drops_off
        assert seen["result"]["profile"] == expected.profile
        assert seen["result"]["recommendations"] == list(expected.recommendations)
        assert seen["result"]["headline"] == expected.headline["de"]
        assert seen["code"] == encode(questionnaire.version, answers)
        assert seen["decoded"]["answers"] == answers


def test_progress_and_reload_resume(page, base_url, questionnaire):
    open_assessment(page, base_url)
    total = len(questionnaire.statements)
    for statement in questionnaire.statements[:5]:
        page.locator(f"fieldset[data-item='{statement.id}'] input[value='4']").check()
    expect(page.locator("[data-selfcheck-count]")).to_have_text(f"5 von {total} Aussagen beantwortet")
    page.reload()
    ready(page)
    expect(page.locator("[data-selfcheck-count]")).to_have_text(f"5 von {total} Aussagen beantwortet")
    for statement in questionnaire.statements[:5]:
        expect(page.locator(f"fieldset[data-item='{statement.id}'] input[value='4']")).to_be_checked()
    page.get_by_role("button", name="Auswerten").click()
    expect(page.locator(NOTICE)).to_have_text(f"Es fehlen noch {total - 5} Antworten. Die erste offene Aussage ist markiert.")
    assert page.evaluate("document.activeElement.name") == questionnaire.statements[5].id
    for statement in questionnaire.statements[5:-1]:
        page.locator(f"fieldset[data-item='{statement.id}'] input[value='2']").check()
    page.get_by_role("button", name="Auswerten").click()
    expect(page.locator(NOTICE)).to_have_text("Es fehlt noch eine Antwort. Die offene Aussage ist markiert.")
    page.requests.assert_clean()


def test_share_link_reproduces_the_result_elsewhere(page, browser, base_url, questionnaire):
    open_assessment(page, base_url)
    answers = answers_for(questionnaire, "classic_curve")
    answer_with_mouse(page, questionnaire, answers)
    link = page.locator(".selfcheck__share input").input_value()
    assert link.endswith("#code=" + encode(questionnaire.version, answers))
    other = browser.new_context(locale="de-DE").new_page()  # no shared storage: like a colleague's phone
    other.requests = RequestLog(other, base_url.rstrip("/"))
    other.goto(link)
    ready(other)
    expect(other.locator(RESULT)).to_contain_text("Sie sehen ein Ergebnis aus einem geteilten Link.")
    expect(other.locator(RESULT + " h2").first).to_have_text(score(questionnaire, answers).headline["de"])
    other.requests.assert_clean()
    other.context.close()


def test_copy_button_copies_the_share_link(page, base_url, questionnaire):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_assessment(page, base_url)
    answer_with_mouse(page, questionnaire, answers_for(questionnaire, "top_seller"))
    page.get_by_role("button", name="Link kopieren").click()
    expect(page.locator(RESULT)).to_contain_text("Der Link ist kopiert.")
    assert page.evaluate("navigator.clipboard.readText()") == page.locator(".selfcheck__share input").input_value()


def test_history_keeps_results_and_compares_with_the_previous_attempt(page, base_url, questionnaire):
    open_assessment(page, base_url)
    first = answers_for(questionnaire, "classic_curve")
    answer_with_mouse(page, questionnaire, first)
    page.get_by_role("button", name="Test neu beginnen").click()
    second = answers_for(questionnaire, "top_seller")
    answer_with_mouse(page, questionnaire, second)
    before, after = score(questionnaire, first), score(questionnaire, second)
    compare = page.locator(".selfcheck__compare")
    expect(compare).to_be_visible()
    delta = after.phases["after_sale"] - before.phases["after_sale"]
    expect(compare).to_contain_text(f"{questionnaire.phases[-1].label['de']}: +{delta} Punkte")
    history = page.locator("[data-selfcheck-history] li")
    expect(history).to_have_count(2)
    expect(history.first).to_contain_text(f"nach dem Abschluss {after.phases['after_sale']} %")
    page.reload()
    expect(page.locator("[data-selfcheck-history] li")).to_have_count(2)
    page.requests.assert_clean()


def test_delete_button_removes_every_stored_answer_and_result(page, base_url, questionnaire):
    open_assessment(page, base_url)
    answer_with_mouse(page, questionnaire, answers_for(questionnaire, "fader"))
    page.get_by_role("button", name="Meine Daten löschen").click()
    expect(page.locator(NOTICE)).to_have_text("Ihre gespeicherten Antworten und Ergebnisse sind gelöscht.")
    assert page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('selbsttest.'))") == []
    expect(page.locator("[data-selfcheck-history]")).to_be_hidden()
    expect(page.locator("[data-selfcheck-form]")).to_be_visible()
    expect(page.locator("input:checked")).to_have_count(0)


@pytest.mark.parametrize("fragment, message", [
    ("#code=1-ZZZZ", "unvollständig oder beschädigt"),
    ("#code=%3Cimg%20src%3Dx%20onerror%3D%22document.title%3D'pwned'%22%3E", "kein Ergebnis dieses Selbsttests"),
    ("#code=%E0%A4%A", "kein Ergebnis dieses Selbsttests"),
    ("#code=7-ABCDEFGHJKLMNPQ", "Version 7 des Fragebogens"),
])
def test_tampered_share_links_show_a_message_and_a_fresh_questionnaire(page, base_url, fragment, message):
    open_assessment(page, base_url, fragment)
    expect(page.locator(NOTICE)).to_contain_text(message)
    expect(page.locator("[data-selfcheck-form]")).to_be_visible()
    expect(page.locator(RESULT)).to_be_hidden()
    assert page.locator("article img").count() == 0
    assert page.title() != "pwned"
    page.requests.assert_clean()


@pytest.mark.parametrize("stored", ['{"not json', '[{"code": "<b>x</b>", "date": "gestern"}]', '{"code": 1}'])
def test_tampered_stored_history_is_discarded_with_a_message(page, base_url, stored):
    page.goto(base_url)
    page.evaluate("value => localStorage.setItem('selbsttest.history', value)", stored)
    open_assessment(page, base_url)
    expect(page.locator(NOTICE)).to_contain_text("beschädigt und wurden verworfen")
    expect(page.locator("[data-selfcheck-form]")).to_be_visible()
    assert page.locator("article b").count() == 0
    page.requests.assert_clean()


def test_blocked_storage_still_works_without_script_errors(playwright, base_url, questionnaire, tmp_path):
    """A real Chromium profile that blocks all site data, as in strict privacy settings."""
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    (profile / "Default" / "Preferences").write_text(json.dumps(
        {"profile": {"default_content_setting_values": {"cookies": 2}}}), encoding="utf-8")
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path(), args=CHROMIUM_ARGS, locale="de-DE")
    page = context.new_page()
    requests = RequestLog(page, base_url.rstrip("/"))
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    assert not requests.errors, requests.errors
    assert page.evaluate("() => { try { localStorage.length; return false } catch { return true } }"), \
        "the profile should block localStorage"
    page.locator("[data-md-component='palette'] label:visible").click()  # Material stores the scheme
    page.locator("nav.md-nav--primary").get_by_role("link", name="Selbsttest").click()
    ready(page)
    expect(page.locator(NOTICE)).to_contain_text("erlaubt dieser Seite nicht, Daten zu speichern")
    page.evaluate("window.__results = []; document.addEventListener('selfcheck:result', e => window.__results.push(e.detail))")
    answers = answers_for(questionnaire, "slow_starter")
    answer_with_mouse(page, questionnaire, answers)
    expect_result(page, questionnaire, answers)
    requests.assert_clean()
    context.close()


def test_print_layout_shows_the_result_without_buttons(page, base_url, questionnaire):
    open_assessment(page, base_url)
    answer_with_mouse(page, questionnaire, answers_for(questionnaire, "steady_average"))
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
        expect(fieldset.locator("legend")).to_contain_text(statement.text["de"])
        values = fieldset.locator("input[type=radio]").evaluate_all("inputs => inputs.map(i => i.value)")
        assert values == ["1", "2", "3", "4", "5"]
        expect(fieldset.get_by_label("trifft voll zu")).to_have_value("5")
    expect(page.locator(RESULT)).to_have_attribute("aria-live", "polite")


def test_assessment_works_after_instant_navigation(page, base_url, questionnaire):
    page.goto(base_url + "leitfaden/")
    page.locator("nav.md-nav--primary").get_by_role("link", name="Selbsttest").click()
    ready(page)
    page.locator("nav.md-nav--primary").get_by_role("link", name="Glossar").click()
    page.locator("nav.md-nav--primary").get_by_role("link", name="Selbsttest").click()
    ready(page)
    page.evaluate("window.__results = []; document.addEventListener('selfcheck:result', e => window.__results.push(e.detail))")
    answers = answers_for(questionnaire, "top_seller")
    answer_with_mouse(page, questionnaire, answers)
    expect_result(page, questionnaire, answers)
    assert len(page.evaluate("window.__results")) == 1, "one result event, not one per visit"
    page.requests.assert_clean()
