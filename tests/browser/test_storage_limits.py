"""Nothing a reader stored is lost, in both editions: nearly full or full storage, "keep" beyond
the quota, answers of a newer questionnaire version, old and new key names side by side, partly
damaged data, and crafted team lines and links. Each case shows its notice."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from quiz import encode
from quiz.team import MAX_CHARACTERS
from quiz.wording import fill

from conftest import answer, ready
from personas import answers_for

pytestmark = pytest.mark.browser

NOTICE = "[data-selfcheck-notice]"
# Fills localStorage up to `left` characters (0: not one more), after the values the test stores.
FILL = """({ values, left }) => {
  localStorage.clear()
  for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value)
  if (left === null) return
  const fits = size => { try { localStorage.setItem("test.filler", "x".repeat(size)); return true } catch { return false } }
  let low = 0, high = 1024
  while (fits(high)) { low = high; high *= 2 }
  while (high - low > 1) { const middle = Math.floor((low + high) / 2); if (fits(middle)) low = middle; else high = middle }
  if (!fits(Math.max(low - left, 0))) throw new Error("cannot fill")
}"""


def prepare(page, edition, values: dict, left: int | None = None):
    """Store values (and fill the rest of the storage) on a page without the self-assessment's scripts."""
    page.goto(edition.url + "404.html")
    page.evaluate(FILL, {"values": values, "left": left})


def stored(page) -> dict:
    """The self-assessment's keys, old and new (Material keeps its colour scheme beside them)."""
    return page.evaluate(
        "Object.fromEntries(Object.entries(localStorage).filter(([key]) => /^(selfcheck|selbsttest)\\./.test(key)))"
    )


def open_page(page, edition, path: str = "selbsttest/", widget: str = "[data-selfcheck]"):
    page.goto(edition.url + path)
    ready(page, widget)


def base_statements(questionnaire) -> list:
    """The statements of the form itself (version 3's reserve is offered later, with the result)."""
    return [statement for statement in questionnaire.statements if not statement.reserve]


def codes_for(questionnaire, *personas) -> list[str]:
    return [encode(questionnaire, answers_for(questionnaire, persona)) for persona in personas]


def history_of(*codes) -> str:
    return json.dumps([{"code": code, "date": f"2026-1{index}-01T09:00:00.000Z"} for index, code in enumerate(codes)])


# --- full and nearly full storage -----------------------------------------------------------------


def test_with_no_storage_left_the_page_says_full_and_the_history_stays(page, edition, questionnaire):
    history = history_of(*codes_for(questionnaire, "fader"))
    prepare(page, edition, {"selfcheck.history": history}, left=0)
    open_page(page, edition)
    expect(page.locator(NOTICE)).to_have_text(edition.words["storageFull"])
    answer(page, questionnaire, answers_for(questionnaire, "top_seller"), edition.language)
    expect(page.locator("[data-selfcheck-result] h2").first).to_be_visible()
    expect(page.locator(NOTICE)).to_contain_text(edition.words["resultNotKeptFull"])
    expect(page.locator(NOTICE)).not_to_contain_text(edition.words["storageBlocked"])
    assert stored(page) == {"selfcheck.history": history}, "the earlier result is still there, untouched"
    page.requests.assert_clean()


def test_with_200_units_left_a_partial_save_is_marked_and_never_passes_for_whole(page, edition, questionnaire):
    history = history_of(*codes_for(questionnaire, "fader"))
    prepare(page, edition, {"selfcheck.history": history}, left=200)
    open_page(page, edition)
    expect(page.locator(NOTICE)).to_be_hidden()
    for statement, value in zip(questionnaire.statements, answers_for(questionnaire, "top_seller"), strict=False):
        if statement.reserve:
            continue  # offered with an open result, not in the form
        page.locator(f"fieldset[data-item='{statement.id}'] input[value='{'na' if value is None else value}']").check()
    expect(page.locator(NOTICE)).to_have_text(edition.words["answersNotKeptFull"])
    page.get_by_role("button", name=edition.words["submit"]).click()
    expect(page.locator("[data-selfcheck-result] h2").first).to_be_visible()
    kept = stored(page)
    saved = json.loads(kept.get("selfcheck.answers", '{"answers": {}}'))["answers"]
    assert len(saved) < len(base_statements(questionnaire)) and kept["selfcheck.answers.incomplete"] == "1", (
        "marked incomplete"
    )
    assert json.loads(kept["selfcheck.history"])[:1] == json.loads(history), "the earlier result is kept"
    page.goto(edition.url + "selbsttest/")  # a later visit: the partial save is restored as such, and said so
    ready(page)
    expect(page.locator(NOTICE)).to_contain_text(edition.words["answersIncomplete"])
    expect(page.locator("[data-selfcheck-form] input:checked")).to_have_count(len(saved))
    page.requests.assert_clean()


def test_with_3000_units_left_everything_is_kept_without_a_notice(page, edition, questionnaire):
    history = history_of(*codes_for(questionnaire, "fader"))
    prepare(page, edition, {"selfcheck.history": history}, left=3000)
    open_page(page, edition)
    answer(page, questionnaire, answers_for(questionnaire, "top_seller"), edition.language)
    expect(page.locator("[data-selfcheck-result] h2").first).to_be_visible()
    expect(page.locator(NOTICE)).to_be_hidden()
    kept = stored(page)
    assert len(json.loads(kept["selfcheck.history"])) == 2 and "selfcheck.answers.incomplete" not in kept
    assert len(json.loads(kept["selfcheck.answers"])["answers"]) == len(base_statements(questionnaire))
    page.requests.assert_clean()


def test_keep_beyond_the_quota_is_told_and_the_stored_list_stays(page, edition, questionnaire):
    first, *others = codes_for(questionnaire, "fader", "top_seller", "classic_curve")
    old_list = json.dumps({"text": f"Anna: {first}"})
    prepare(page, edition, {"selfcheck.team": old_list}, left=0)
    open_page(page, edition, "team/", "[data-teamview]")
    expect(page.locator("[data-team-result] tbody tr")).to_have_count(1)
    expect(page.locator("[data-team-keep]")).to_be_checked()
    page.locator("[data-team-input]").fill(
        "\n".join([f"Anna: {first}", *(f"P{i}: {code}" for i, code in enumerate(others))])
    )
    page.locator("[data-team-form] button[type='submit']").click()
    expect(page.locator("[data-team-result] tbody tr")).to_have_count(3)
    expect(page.locator(NOTICE)).to_have_text(edition.words["teamNotKeptFull"])
    assert stored(page) == {"selfcheck.team": old_list}
    page.reload()
    ready(page, "[data-teamview]")
    expect(page.locator("[data-team-result] tbody tr")).to_have_count(1)
    page.requests.assert_clean()


# --- newer, older and partly damaged data -------------------------------------------------------------


def test_answers_of_a_newer_version_are_kept_untouched_and_explained(page, edition, questionnaire):
    newer = json.dumps({"version": questionnaire.version + 1, "answers": {"future_statement": 3}})
    prepare(page, edition, {"selfcheck.answers": newer})
    open_page(page, edition)
    expect(page.locator(NOTICE)).to_have_text(
        fill(edition.words["answersFromNewer"], found=questionnaire.version + 1, current=questionnaire.version)
    )
    answer(page, questionnaire, answers_for(questionnaire, "fader"), edition.language)
    expect(page.locator("[data-selfcheck-result] h2").first).to_be_visible()
    assert stored(page)["selfcheck.answers"] == newer, "the newer answers are not overwritten"
    page.get_by_role("button", name=edition.words["restart"]).click()  # the reader chooses to start again
    expect(page.locator("[data-selfcheck-form]")).to_be_visible()
    assert "selfcheck.answers" not in stored(page)
    page.requests.assert_clean()


def test_unknown_statements_and_dates_are_dropped_or_marked_one_by_one(page, edition, questionnaire):
    first, second = questionnaire.statements[:2]
    code = codes_for(questionnaire, "fader")[0]
    prepare(
        page,
        edition,
        {
            "selfcheck.answers": json.dumps(
                {"version": questionnaire.version, "answers": {first.id: 4, "gone": 2, second.id: 9}}
            ),
            "selfcheck.history": json.dumps([{"code": code}]),
        },
    )
    open_page(page, edition)
    expect(page.locator(NOTICE)).to_have_text(fill(edition.words["answersPartlyDropped"], dropped=2, kept=1))
    expect(page.locator(f"input[name='{first.id}'][value='4']")).to_be_checked()
    expect(page.locator("[data-selfcheck-history] li")).to_have_count(1)
    expect(page.locator("[data-selfcheck-history] li")).to_contain_text(edition.words["dateUnknown"])
    kept = stored(page)
    assert json.loads(kept["selfcheck.answers"])["answers"] == {first.id: 4}
    assert json.loads(kept["selfcheck.history"]) == [{"code": code}]
    page.requests.assert_clean()


def test_old_and_new_keys_both_present_are_merged_or_kept_side_by_side(page, edition, questionnaire):
    first, second, third = questionnaire.statements[:3]
    codes = codes_for(questionnaire, "fader", "top_seller")
    version = questionnaire.version
    prepare(
        page,
        edition,
        {
            "selbsttest.answers": json.dumps({"version": version, "answers": {first.id: 4, second.id: 2}}),
            "selfcheck.answers": json.dumps({"version": version, "answers": {second.id: 2, third.id: 5}}),
            "selbsttest.team": json.dumps({"text": f"Anna: {codes[0]}"}),
            "selfcheck.team": json.dumps({"text": f"Ben: {codes[1]}"}),
            "selbsttest.history": "[{broken",
            "selfcheck.history": history_of(codes[1]),
        },
    )
    open_page(page, edition, "team/", "[data-teamview]")  # the team page reports only its own list
    expect(page.locator("[data-team-result] tbody tr")).to_have_count(2)
    expect(page.locator(NOTICE)).to_be_hidden()
    open_page(page, edition)
    for statement, value in ((first, 4), (second, 2), (third, 5)):
        expect(page.locator(f"input[name='{statement.id}'][value='{value}']")).to_be_checked()
    expect(page.locator(NOTICE)).to_have_text(edition.words["oldDataDamaged"])
    expect(page.locator("[data-selfcheck-history] li")).to_have_count(1)
    kept = stored(page)
    assert kept["selbsttest.history"] == "[{broken", "damaged old data stays until the reader deletes it"
    assert "selbsttest.answers" not in kept and "selbsttest.team" not in kept
    page.reload()
    ready(page)
    expect(page.locator(NOTICE)).to_be_hidden()  # reported once
    page.get_by_role("button", name=edition.words["delete"]).click()
    expect(page.locator(NOTICE)).to_have_text(edition.words["deleted"])
    assert set(stored(page)) == {"selfcheck.team"}
    page.requests.assert_clean()


def test_conflicting_old_answers_stay_under_their_old_key(page, edition, questionnaire):
    first = questionnaire.statements[0]
    old = json.dumps({"version": questionnaire.version, "answers": {first.id: 1}})
    new = json.dumps({"version": questionnaire.version, "answers": {first.id: 5}})
    prepare(page, edition, {"selbsttest.answers": old, "selfcheck.answers": new})
    open_page(page, edition)
    expect(page.locator(f"input[name='{first.id}'][value='5']")).to_be_checked()
    assert stored(page) == {"selbsttest.answers": old, "selfcheck.answers": new}
    page.requests.assert_clean()


# --- crafted input --------------------------------------------------------------------------------


def test_a_crafted_team_line_is_read_kept_and_cleared(page, edition, questionnaire):
    codes = codes_for(questionnaire, "fader", "top_seller")
    crafted = "x" * 200_000 + " " + codes[0] + "\nAnna" + " " * 200_000 + codes[1]
    prepare(page, edition, {})
    open_page(page, edition, "team/", "[data-teamview]")
    page.locator("[data-team-input]").fill(crafted)
    page.locator("[data-team-keep]").check()
    page.locator("[data-team-form] button[type='submit']").click()
    expect(page.locator("[data-team-result] tbody tr")).to_have_count(2)
    assert json.loads(stored(page)["selfcheck.team"]) == {"text": crafted}
    page.reload()
    ready(page, "[data-teamview]")
    page.get_by_role("button", name=edition.words["teamClear"]).click()
    expect(page.locator(NOTICE)).to_have_text(edition.words["teamCleared"])
    assert stored(page) == {}
    page.requests.assert_clean()


def test_a_paste_beyond_the_limit_is_refused_with_its_numbers_and_nothing_stored_is_replaced(
    page, edition, questionnaire
):
    old_list = json.dumps({"text": "Anna: " + codes_for(questionnaire, "fader")[0]})
    prepare(page, edition, {"selfcheck.team": old_list})
    open_page(page, edition, "team/", "[data-teamview]")
    expect(page.locator("[data-team-result] tbody tr")).to_have_count(1)
    page.locator("[data-team-input]").fill(" " * (MAX_CHARACTERS + 1))
    page.locator("[data-team-form] button[type='submit']").click()
    separator = edition.words["thousandsSeparator"]
    expect(page.locator(NOTICE)).to_have_text(
        fill(
            edition.words["teamTooLarge"],
            characters=f"1{separator}000{separator}001",
            lines="1",
            maxCharacters=f"1{separator}000{separator}000",
            maxLines=f"20{separator}000",
        )
    )
    expect(page.locator("[data-team-result]")).to_be_hidden()
    assert stored(page) == {"selfcheck.team": old_list}
    page.requests.assert_clean()


def test_a_crafted_link_is_not_a_code_and_the_stored_data_stays(page, edition, questionnaire):
    history = history_of(*codes_for(questionnaire, "fader"))
    prepare(page, edition, {"selfcheck.history": history})
    page.goto(edition.url + "selbsttest/#code=A" + "%20" * 300_000 + "B")
    ready(page)
    expect(page.locator(NOTICE)).to_have_text(edition.words["linkForeign"])
    expect(page.locator("[data-selfcheck-form]")).to_be_visible()
    assert stored(page) == {"selfcheck.history": history}
    page.requests.assert_clean()


def test_a_stored_list_too_long_to_read_still_lets_the_lead_clear_it(page, edition):
    prepare(page, edition, {"selfcheck.team": json.dumps({"text": "x " * (MAX_CHARACTERS // 2 + 1)})})
    open_page(page, edition, "team/", "[data-teamview]")
    expect(page.locator(NOTICE)).to_contain_text(edition.words["teamTooLarge"].split("{")[0])
    page.get_by_role("button", name=edition.words["teamClear"]).click()
    expect(page.locator(NOTICE)).to_have_text(edition.words["teamCleared"])
    assert stored(page) == {}
    page.requests.assert_clean()


def test_newer_codes_in_a_stored_list_and_history_stay_and_are_explained_as_newer(page, edition, questionnaire):
    code = codes_for(questionnaire, "fader")[0]
    newer = f"{questionnaire.version + 1}-ABCDEFGHJK"
    team = json.dumps({"text": f"Anna: {code}\nBen: {newer}"})
    history = json.dumps([{"code": newer, "date": "2026-11-01T09:00:00.000Z"}])
    prepare(page, edition, {"selfcheck.team": team, "selfcheck.history": history})
    open_page(page, edition, "team/", "[data-teamview]")
    expect(page.locator("[data-team-result] tbody tr")).to_have_count(1)
    expect(page.locator("[data-team-skipped] li")).to_have_text(
        fill(
            edition.words["teamSkipped"],
            line=2,
            reason=fill(edition.words["skipNewer"], found=questionnaire.version + 1, current=questionnaire.version),
        )
    )
    open_page(page, edition)
    answer(page, questionnaire, answers_for(questionnaire, "top_seller"), edition.language)
    expect(page.locator("[data-selfcheck-result] h2").first).to_be_visible()
    kept = stored(page)
    assert kept["selfcheck.team"] == team and json.loads(kept["selfcheck.history"])[0] == json.loads(history)[0]
    page.requests.assert_clean()
