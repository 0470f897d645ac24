"""Version 3 of the self-assessment in a real Chromium (issue 17): the obvious answer patterns get
their verdict in both editions, the reserve step works by mouse and keyboard, axe finds nothing
in any of its states, and version-1 and version-2 codes, links, history and answers in progress
still show their own result."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from quiz import encode, load_all, score
from quiz.model import NOT_ASKED, SCALE_POINTS
from quiz.wording import fill, words

from conftest import ROOT, answer, ready

DE = words("widgets", "de")
RESULT = "[data-selfcheck-result]"
RESERVE = "form[data-selfcheck-reserve]"
NOTICE = "[data-selfcheck-notice]"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PUBLISHED = load_all()
V3 = PUBLISHED[3]


def pattern(
    closing: int, after: int, *, not_applicable: bool = False, lower: set | None = None, reserve: int | None = None
) -> list:
    """``closing`` steps before the close, ``after`` after it (keying undone); ``lower``: only
    these pairs change; "kam bei mir nicht vor" on every trigger when ``not_applicable``; the
    reserve NOT_ASKED unless ``reserve`` gives its after-sale step."""
    answers = []
    for statement in V3.statements:
        if statement.reserve and reserve is None:
            answers.append(NOT_ASKED)
        elif statement.trigger and not_applicable:
            answers.append(None)
        else:
            value = closing
            if statement.phase == "after_sale" and (lower is None or statement.pair in lower):
                value = reserve if statement.reserve else after
            answers.append(value if statement.keyed == "plus" else SCALE_POINTS + 1 - value)
    return answers


BASE_PAIRS = [V3.statements[closing].pair for closing, _ in V3.twins()]
OPEN = pattern(4, 3, lower=set(BASE_PAIRS[:9]))  # nine of twelve pairs one step lower: "not clear yet"
RESERVE_LOWER = {V3.statements[closing].pair for closing, _ in V3.twins(reserve=True)}


def open_assessment(page, url, fragment=""):
    page.goto(url + "selbsttest/" + fragment)
    ready(page)
    page.evaluate(
        "window.__results = []; document.addEventListener('selfcheck:result', e => window.__results.push(e.detail))"
    )


def violations(page) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    page.wait_for_function("document.getAnimations().every(animation => animation.playState !== 'running')")
    return page.evaluate(
        "tags => axe.run(document, { runOnly: { type: 'tag', values: tags } })"
        ".then(result => result.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))",
        WCAG_TAGS,
    )


def answer_reserve_by_mouse(page, answers):
    for statement, value in zip(V3.statements, answers, strict=False):
        if statement.reserve:
            page.locator(f"{RESERVE} fieldset[data-item='{statement.id}'] input[value='{value}']").check()
    page.locator(RESERVE).get_by_role("button").click()


# --- the obvious patterns, in both editions ----------------------------------------------------------

OBVIOUS = {
    "one step lower, high": (pattern(5, 4), "yes", "drop_mild"),
    "one step lower, middle, situations never came up": (pattern(3, 2, not_applicable=True), "yes", "drop_mild"),
    "one step lower, low": (pattern(2, 1), "yes", "drop_mild"),
    "two steps lower": (pattern(4, 2), "yes", "drop_sharp"),
    "identical, high": (pattern(5, 5), "no", "steady_high"),
    "identical, middle, situations never came up": (pattern(3, 3, not_applicable=True), "no", "steady"),
    "identical, low": (pattern(1, 1), "no", "steady_low"),
    "one step higher after the close": (pattern(3, 4), "no", "steady"),
    "half the twins one step lower": (pattern(4, 3, lower=set(BASE_PAIRS[::2])), "unclear", "unclear"),
}


@pytest.mark.parametrize("name", OBVIOUS)
def test_obvious_patterns_get_their_verdict(page, edition, name):
    answers, verdict, profile = OBVIOUS[name]
    assert (score(V3, answers).verdict, score(V3, answers).profile) == (verdict, profile)  # the engine agrees
    open_assessment(page, edition.url)
    answer(page, V3, answers, edition.language)
    heading = page.locator(RESULT + " h2").first
    expect(heading).to_have_attribute("data-verdict", verdict)
    expect(heading).to_have_attribute("data-version", "3")
    expect(heading).to_have_text(score(V3, answers).headline[edition.language])
    expect(page.locator(RESULT + " [data-profile]")).to_have_attribute("data-profile", profile)
    expect(page.locator(RESERVE)).to_be_visible() if verdict == "unclear" else expect(
        page.locator(RESERVE)
    ).to_be_hidden()
    page.requests.assert_clean()


# --- the reserve step -------------------------------------------------------------------------------


def test_the_reserve_by_mouse_narrows_the_range_and_updates_the_verdict(page, base_url):
    open_assessment(page, base_url)
    answer(page, V3, OPEN)
    before = score(V3, OPEN)
    heading = page.locator(RESULT + " h2").first
    expect(heading).to_have_attribute("data-verdict", "unclear")
    reserve = page.locator(RESERVE)
    expect(reserve).to_be_visible()
    expect(page.locator(RESULT)).to_be_visible()  # the result stays while the reserve is offered
    pairs = len(V3.twins(reserve=True))
    expect(reserve.locator("h2")).to_have_text(fill(DE["reserveHeading"], pairs=pairs))
    fieldsets = reserve.locator("fieldset[data-item][data-phase][data-facet][data-keyed]")
    expect(fieldsets).to_have_count(2 * pairs)
    # the result points to the reserve; its button takes the reader there without touching the address
    expect(page.locator(RESULT + " [data-reserve-offer]")).to_contain_text(fill(DE["reserveOffer"], pairs=pairs))
    page.get_by_role("button", name=DE["reserveGo"]).click()
    expect(fieldsets.first.locator("input").first).to_be_focused()
    assert page.evaluate("location.hash") == f"#code={encode(V3, OPEN)}"
    # never forced: submitting with open statements only marks them
    reserve.get_by_role("button").click()
    expect(page.locator(NOTICE)).to_have_text(fill(DE["missing"], count=2 * pairs))
    expect(heading).to_have_attribute("data-verdict", "unclear")

    full = pattern(4, 3, lower=set(BASE_PAIRS[:9]) | RESERVE_LOWER, reserve=3)
    answer_reserve_by_mouse(page, full)
    after = score(V3, full)
    assert after.verdict == "yes"
    expect(heading).to_have_attribute("data-verdict", "yes")
    expect(heading).to_have_text(after.headline["de"])
    expect(reserve).to_be_hidden()
    expect(page.locator(NOTICE)).to_be_hidden()
    expect(page.locator(RESULT + " li[data-range]")).to_have_attribute(
        "data-range", " ".join(map(str, after.drop_range))
    )
    assert after.drop_range[1] - after.drop_range[0] < before.drop_range[1] - before.drop_range[0]
    expect(page.locator(RESULT + " [data-reserve-pairs]")).to_have_text(fill(DE["reserveAnswered"], pairs=pairs))
    code = encode(V3, full)
    expect(page.locator(RESULT + " [data-selfcheck-code]")).to_have_text(code)
    assert page.evaluate("location.hash") == f"#code={code}"
    events = page.evaluate("window.__results")
    assert [event["code"] for event in events] == [encode(V3, OPEN), code]
    assert events[-1] == after.event_detail(code)
    # one attempt, one history entry: the reserve's code replaces the open one
    history = json.loads(page.evaluate("localStorage.getItem('selfcheck.history')"))
    assert [entry["code"] for entry in history] == [code]
    # the share link carries the reserve: elsewhere it shows the same result, and offers nothing
    page.goto(base_url + "404.html")
    page.evaluate("localStorage.clear()")
    open_assessment(page, base_url, f"#code={code}")
    expect(page.locator(RESULT + " h2").first).to_have_attribute("data-verdict", "yes")
    expect(page.locator(RESULT)).to_contain_text(DE["sharedNote"])
    expect(page.locator(RESERVE)).to_be_hidden()
    page.requests.assert_clean()


def test_the_reserve_by_keyboard(page, base_url):
    open_assessment(page, base_url)
    answer(page, V3, OPEN)
    expect(page.locator(RESERVE)).to_be_visible()
    reserve = [statement for statement in V3.statements if statement.reserve]
    full = pattern(4, 3, lower=set(BASE_PAIRS[:9]), reserve=4)  # the reserve shows no drop
    for _ in range(120):  # Tab on from the result to the first reserve statement
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == reserve[0].id:
            break
    else:
        pytest.fail("Tab never reached the reserve")
    values = dict(zip((s.id for s in V3.statements), full, strict=False))
    for statement in reserve:
        assert page.evaluate("document.activeElement.name") == statement.id
        page.keyboard.press("Space")
        for _ in range(values[statement.id] - 1):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == DE["reserveSubmit"]
    page.keyboard.press("Enter")
    expected = score(V3, full)
    heading = page.locator(RESULT + " h2").first
    expect(page.locator(RESULT + " [data-selfcheck-code]")).to_have_text(encode(V3, full))
    expect(heading).to_have_attribute("data-verdict", expected.verdict)
    assert expected.reserve == len(reserve) // 2
    assert page.evaluate("window.__results")[-1] == expected.event_detail(encode(V3, full))
    page.requests.assert_clean()


def test_the_reserve_is_offered_only_for_an_open_result(page, base_url):
    open_assessment(page, base_url)
    answer(page, V3, pattern(5, 4))
    expect(page.locator(RESULT + " h2").first).to_have_attribute("data-verdict", "yes")
    expect(page.locator(RESERVE)).to_be_hidden()
    page.get_by_role("button", name=DE["restart"]).click()
    expect(page.locator(RESERVE)).to_be_hidden()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_in_any_state_of_the_reserve(page, edition, scheme):
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    open_assessment(page, edition.url)
    answer(page, V3, OPEN, edition.language)
    expect(page.locator(RESERVE)).to_be_visible()
    problems = [f"reserve offered: {problem}" for problem in violations(page)]
    page.locator(RESERVE).get_by_role("button").click()
    expect(page.locator(NOTICE)).to_be_visible()
    problems += [f"reserve with open statements: {problem}" for problem in violations(page)]
    answer_reserve_by_mouse(page, pattern(4, 3, lower=set(BASE_PAIRS[:9]) | RESERVE_LOWER, reserve=3))
    expect(page.locator(RESERVE)).to_be_hidden()
    problems += [f"reserve answered: {problem}" for problem in violations(page)]
    assert not problems, "\n".join(problems)


# --- versions 1 and 2 after version 3 ships -----------------------------------------------------------


def store(page, url: str, values: dict):
    page.goto(url + "404.html")
    page.evaluate(
        "values => { localStorage.clear(); for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v) }",
        values,
    )


@pytest.mark.parametrize("older", [1, 2])
def test_older_codes_links_history_and_answers_keep_their_own_result(page, base_url, older):
    questionnaire = PUBLISHED[older]
    answers = [
        (4 if statement.phase != "after_sale" else 2)
        if statement.keyed == "plus"
        else (2 if statement.phase != "after_sale" else 4)
        for statement in questionnaire.statements
    ]
    code = encode(questionnaire, answers)
    current = encode(V3, pattern(5, 5))
    history = [
        {"code": code, "date": "2026-06-01T09:00:00.000Z"},
        {"code": current, "date": "2026-12-01T09:00:00.000Z"},
    ]
    progress = json.dumps({"version": older, "answers": {questionnaire.statements[0].id: 4}})
    store(page, base_url, {"selfcheck.history": json.dumps(history), "selfcheck.answers": progress})
    open_assessment(page, base_url)
    # answers in progress of the older version: explained and kept
    expect(page.locator(NOTICE)).to_have_text(fill(DE["answersFromOlder"], found=older))
    assert page.evaluate("localStorage.getItem('selfcheck.answers')") == progress
    # the history shows both versions
    items = page.locator("[data-selfcheck-history] li")
    expect(items).to_have_count(2)
    assert items.evaluate_all("items => items.map(li => li.dataset.version)") == ["3", str(older)]
    # the older link shows the older result, scored as it was then
    expected = score(questionnaire, answers)
    page.locator(f"[data-selfcheck-history] li[data-version='{older}'] a").click()
    heading = page.locator(RESULT + " h2").first
    expect(heading).to_have_attribute("data-version", str(older))
    expect(heading).to_have_attribute("data-verdict", expected.verdict)
    expect(heading).to_have_text(expected.headline["de"])
    expect(page.locator(".selfcheck__older")).to_have_text(fill(DE["olderResult"], version=older, current=3))
    expect(page.locator(RESERVE)).to_be_hidden()  # the reserve belongs to version 3 only
    assert page.evaluate("window.__results")[-1] == expected.event_detail(code)
    assert json.loads(page.evaluate("localStorage.getItem('selfcheck.history')")) == history
    page.requests.assert_clean()
