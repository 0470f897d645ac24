"""The team overview for the works council, in the browser: names hidden by default (page and CSV),
two rounds compared version by version, the kept rounds, a phone, the keyboard, and axe in both
colour schemes on every new state."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from team_rounds import different_versions, mixed_versions, same_version

from quiz.model import PHASE_IDS
from quiz.team import compare, decimal, signed, summarise, to_csv, verdict_label
from quiz.wording import fill, words

from axe import prefer_scheme, violations
from conftest import ready

DE = words("widgets", "de")
EN = words("widgets", "en")


def settle(page):
    """Wait until no transition runs (a button fading out of its focus colour), so axe measures final colours."""
    page.wait_for_function("document.getAnimations().every(animation => animation.playState !== 'running')")


def whole(value: int) -> str:
    return f"{value:+d}" if value else "0"


def paste(page, before: str, now: str, words_=DE):
    page.get_by_label(words_["teamInputLabel"]).fill(now)
    page.get_by_label(words_["teamBeforeLabel"]).fill(before)
    page.get_by_role("button", name=words_["teamShow"]).click()
    expect(page.locator("[data-team-result]")).to_be_visible()


def test_names_are_hidden_until_the_lead_shows_them_and_the_csv_follows(page, base_url, published):
    now = same_version(published)[1]
    page.goto(base_url + "team/")
    ready(page, "[data-teamview]")
    expect(page.get_by_label(DE["teamNames"])).not_to_be_checked()
    paste(page, "", now)
    result, team = page.locator("[data-team-result]"), summarise(published, now)
    names = result.locator("tbody td:first-child")
    expect(names).to_have_text([fill(DE["teamPerson"], number=n) for n in range(1, len(team.members) + 1)])
    expect(result).not_to_contain_text("Anna")
    with page.expect_download() as download:
        result.get_by_role("button", name=DE["teamCsv"]).click()
    assert open(download.value.path(), encoding="utf-8", newline="").read() == to_csv(published, team, "de", DE)
    page.get_by_label(DE["teamNames"]).check()
    expect(names).to_have_text([member.name for member in team.members])
    with page.expect_download() as download:
        result.get_by_role("button", name=DE["teamCsv"]).click()
    downloaded = open(download.value.path(), encoding="utf-8", newline="").read()
    assert downloaded == to_csv(published, team, "de", DE, names=True)
    headings = page.locator("[data-teamview] h2, [data-teamview] h3")
    expect(headings).not_to_contain_text(["Wer nach dem Abschluss nachlässt"])
    page.requests.assert_clean()


def test_two_rounds_on_one_version_show_both_curves_and_each_change(page, base_url, published):
    before_text, now_text = same_version(published)
    before, now = summarise(published, before_text), summarise(published, now_text)
    rounds = compare(before, now)
    old, new = before.summaries[0], now.summaries[0]
    page.goto(base_url + "team/")
    ready(page, "[data-teamview]")
    paste(page, before_text, now_text)
    section = page.locator(f"[data-team-change='{new.version}']")
    expect(section.locator("h2")).to_have_text(
        fill(DE["teamRoundsVersionHeading"], version=new.version, before=old.count, now=new.count)
    )
    expect(section.locator(".teamview__rounds svg title")).to_have_text(
        [
            fill(DE["teamChartTitleRound"], round=DE["teamRoundBefore"]),
            fill(DE["teamChartTitleRound"], round=DE["teamRoundNow"]),
        ]
    )
    rows = section.locator("[data-team-change-averages] tbody tr")
    expect(rows).to_have_count(len(PHASE_IDS) + 1)
    for index, key in enumerate([*PHASE_IDS, "drop_off"]):
        expect(rows.nth(index).locator("td")).to_have_text(
            [decimal(old.averages[key]), decimal(new.averages[key]), signed(new.averages[key] - old.averages[key])]
        )
    verdicts = section.locator("[data-team-change-verdicts] tbody tr")
    # the reserve answers, counted per round
    expect(verdicts.last.locator("th, td")).to_have_text([DE["teamReserveRow"], "0", "2", "+2"])
    people = page.locator("[data-team-people] tbody tr")
    expect(people).to_have_count(len(rounds.people))
    expect(people.locator("th")).to_have_text([fill(DE["teamPerson"], number=p.number) for p in rounds.people])
    anna = rounds.people[0]
    expect(people.first.locator("td")).to_have_text(
        [
            *(whole(anna.phases[phase]) for phase in PHASE_IDS),
            whole(anna.drop_off),
            verdict_label(DE, anna.before),
            verdict_label(DE, anna.now),
        ]
    )
    page.locator("[data-team-before-table] summary").click()  # folded until opened
    earlier = page.get_by_role("region", name=DE["teamTableBefore"]).locator("tbody td:first-child")
    expect(earlier).to_have_text([fill(DE["teamPerson"], number=n) for n in rounds.before_numbers])
    expect(page.locator("[data-team-skipped='before'] li")).to_have_text(
        [fill(DE["teamSkipped"], line=5, reason=DE["skipForeign"])]
    )
    page.get_by_label(DE["teamNames"]).check()
    expect(people.locator("th")).to_have_text(["Anna Berger", "Ben Kaya"])
    page.requests.assert_clean()


def test_rounds_on_different_versions_stand_side_by_side_and_say_why(page, base_url, published):
    before_text, now_text = different_versions(published)
    page.goto(base_url + "en/team/")
    ready(page, "[data-teamview]")
    paste(page, before_text, now_text, EN)
    result = page.locator("[data-team-result]")
    expect(result.locator("[data-team-change]")).to_have_count(0)
    expect(result.locator("[data-team-round='now'] h2")).to_have_text(
        fill(EN["teamOnlyNow"], version=max(published), count=3)
    )
    expect(result.locator("[data-team-round='before'] h2")).to_have_text(
        fill(EN["teamOnlyBefore"], version=min(published), count=3)
    )
    expect(result.locator("[data-team-round] > p")).to_have_text([EN["teamNoChangeWhy"]] * 2)
    expect(result.locator("[data-team-people]")).to_contain_text(EN["teamPeopleNone"])
    page.requests.assert_clean()


def test_rounds_that_mix_versions_compare_each_version_on_its_own(page, base_url, published):
    before_text, now_text = mixed_versions(published)
    page.goto(base_url + "team/")
    ready(page, "[data-teamview]")
    paste(page, before_text, now_text)
    rounds = compare(summarise(published, before_text), summarise(published, now_text))
    expect(page.locator("[data-team-change]")).to_have_count(len(rounds.changes))
    expect(page.locator("[data-team-round]")).to_have_count(0)
    expect(page.locator("[data-team-people] tbody tr")).to_have_count(len(rounds.people))
    page.requests.assert_clean()


def test_both_rounds_and_the_choice_of_names_are_kept_only_when_asked_and_cleared_together(page, base_url, published):
    before_text, now_text = same_version(published)
    page.goto(base_url + "team/")
    ready(page, "[data-teamview]")
    page.get_by_label(DE["teamNames"]).check()
    page.get_by_label(DE["teamKeep"]).check()
    too_long = "\n".join(["x"] * 20_001)  # set at once: typing 20,001 lines would take the test's whole time
    page.get_by_label(DE["teamBeforeLabel"]).evaluate("(area, text) => { area.value = text }", too_long)
    page.get_by_label(DE["teamInputLabel"]).fill(now_text)
    page.get_by_role("button", name=DE["teamShow"]).click()
    expect(page.locator("[data-selfcheck-notice]")).to_contain_text("20.001")
    assert page.evaluate("localStorage.getItem('selfcheck.team')") is None
    paste(page, before_text, now_text)
    page.reload()
    ready(page, "[data-teamview]")
    expect(page.get_by_label(DE["teamBeforeLabel"])).to_have_value(before_text)
    expect(page.get_by_label(DE["teamNames"])).to_be_checked()
    expect(page.locator("[data-team-people] tbody th").first).to_have_text("Anna Berger")
    page.get_by_role("button", name=DE["teamClear"]).click()
    expect(page.get_by_label(DE["teamBeforeLabel"])).to_have_value("")
    expect(page.get_by_label(DE["teamNames"])).not_to_be_checked()
    assert page.evaluate("localStorage.getItem('selfcheck.team')") is None
    page.requests.assert_clean()


def test_a_list_kept_before_there_were_two_rounds_is_still_read(page, base_url, published):
    now_text = same_version(published)[1]
    page.goto(base_url + "team/")
    page.evaluate("text => localStorage.setItem('selfcheck.team', JSON.stringify({ text }))", now_text)
    page.reload()
    ready(page, "[data-teamview]")
    expect(page.locator("[data-team-result] tbody tr")).to_have_count(len(summarise(published, now_text).members))
    expect(page.get_by_label(DE["teamNames"])).not_to_be_checked()
    page.requests.assert_clean()


def test_the_team_page_links_the_kit_for_sales_leads(page, base_url):
    for prefix, words_ in (("", DE), ("en/", EN)):
        page.goto(base_url + prefix + "team/")
        page.get_by_role("link", name=words_["teamKitLink"]).click()
        expect(page).to_have_url(base_url + prefix + "werkzeuge/fuehrungskraefte/")
    page.requests.assert_clean()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_new_state_has_no_axe_violation_by_keyboard_on_a_phone(browser, base_url, published, scheme):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, locale="de-DE", service_workers="block"
    )
    page = context.new_page()
    try:
        prefer_scheme(page, scheme)
        problems = []
        states = (
            ("same", same_version(published)),
            ("different", different_versions(published)),
            ("mixed", mixed_versions(published)),
        )
        for name, (before_text, now_text) in states:
            page.goto(base_url + "team/")
            ready(page, "[data-teamview]")
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
            page.get_by_label(DE["teamInputLabel"]).fill(now_text)
            page.get_by_label(DE["teamBeforeLabel"]).fill(before_text)
            page.get_by_label(DE["teamBeforeLabel"]).press("Tab")  # to "Namen zeigen", ticked with the space bar
            page.keyboard.press("Space")
            expect(page.get_by_label(DE["teamNames"])).to_be_checked()
            page.get_by_role("button", name=DE["teamShow"]).focus()
            page.keyboard.press("Enter")
            expect(page.locator("[data-team-people]")).to_be_visible()
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, name
            settle(page)
            problems += [f"{name}, names shown: {problem}" for problem in violations(page)]
            page.locator("[data-team-before-table] summary").press("Enter")  # the earlier round's people, by keyboard
            expect(page.get_by_role("region", name=DE["teamTableBefore"])).to_be_visible()
            page.get_by_label(DE["teamNames"]).click()  # by pointer: hidden again, the earlier round stays open
            expect(page.get_by_role("region", name=DE["teamTableBefore"])).to_be_visible()
            first = page.locator("[data-team-result] tbody td:first-child").first
            expect(first).to_have_text(fill(DE["teamPerson"], number=1))
            settle(page)
            problems += [f"{name}, names hidden: {problem}" for problem in violations(page)]
        assert not problems, "\n".join(problems)
    finally:
        context.close()
