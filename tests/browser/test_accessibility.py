"""axe-core (WCAG 2.1 A and AA rules) finds nothing in the assessment's states, in light and dark mode;
focus stays visible and reduced motion is respected (every page: test_crawl.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from axe import prefer_scheme, violations
from conftest import answer, ready, search
from personas import answers_for


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_assessment_with_a_result_and_open_search_have_no_axe_violation(page, edition, scheme, questionnaire):
    prefer_scheme(page, scheme)
    page.goto(edition.url + "selbsttest/")
    ready(page)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    page.get_by_role("button", name=edition.words["submit"]).click()  # the "answers missing" notice
    problems = [f"with open questions: {problem}" for problem in violations(page)]
    answer(page, questionnaire, answers_for(questionnaire, "classic_curve"), edition.language)
    expect(page.locator("[data-selfcheck-result] h2").first).to_be_visible()
    settle(page)  # the result scrolls into view: let the "back to top" button finish fading in
    problems += [f"with a result: {problem}" for problem in violations(page)]
    # The pointer rests in the empty margin, so "back to top" does not appear under it and start a
    # hover transition after the wait below (its own hover state is checked further down).
    page.mouse.move(5, 450)
    page.mouse.wheel(0, 4000)  # scrolled down and a little up again: Material shows "back to top"
    page.mouse.wheel(0, -300)
    expect(page.locator(".md-top")).to_be_visible()
    settle(page)
    problems += [f"with a result, scrolled: {problem}" for problem in violations(page)]
    for control in [page.locator(".md-top"), *page.locator("[data-selfcheck-result] .md-button").all()]:
        control.hover()  # the pointer rests on a control while the reader scrolls past it
        settle(page)
        problems += [f"with the pointer on a control: {problem}" for problem in violations(page)]
    search(page, edition.search[0])
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    settle(page)  # let the overlay's fade-in finish before measuring contrast
    problems += [f"with the search open: {problem}" for problem in violations(page)]
    assert not problems, "\n".join(problems)


def settle(page):
    """Wait until no CSS transition or animation is running, so contrast is measured on final colours."""
    page.wait_for_function("document.getAnimations().every(animation => animation.playState !== 'running')")


def test_focus_is_always_visible_on_the_assessment(page, base_url):
    page.goto(base_url + "selbsttest/")
    ready(page)
    first = page.locator("fieldset[data-item] input").first
    for _ in range(80):
        page.keyboard.press("Tab")
        if first.evaluate("el => el === document.activeElement"):
            break
    outline = first.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth")
    assert not outline.startswith("none") and not outline.endswith(" 0px"), outline


def test_reduced_motion_switches_off_smooth_scrolling_and_transitions(page, base_url):
    page.emulate_media(reduced_motion="reduce")
    page.goto(base_url)
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    duration = page.evaluate("getComputedStyle(document.querySelector('.md-header')).transitionDuration")
    assert all(float(part.rstrip("s")) <= 0.00001 for part in duration.split(",")), duration
