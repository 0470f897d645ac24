"""The site's data files (includes/legal.yml, includes/cadence.yml, includes/priorities.yml) through
sitekit, without MkDocs: one reader (lines, duplicate keys refused, dates as text), one line per
problem, and the markers."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

import quiz
from quiz import DefinitionError
from quiz.wording import words
from sitekit import CADENCE, LEGAL, PRIORITIES, SiteError, cadence, legal, priorities, selfcheck, wording

GOOD_CADENCE = CADENCE.read_text(encoding="utf-8")
GOOD_LEGAL = LEGAL.read_text(encoding="utf-8")
GOOD_PRIORITIES = PRIORITIES.read_text(encoding="utf-8")
ENTRIES = legal.load()
FIRST = next(iter(ENTRIES))


def one_line(error) -> str:
    message = str(error.value)
    assert "\n" not in message, message
    return message


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``needle``."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


# --- the cadence -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            lambda text: text.replace("after: {working_days: 5}", "after: {working_days: 5, calendar_days: 7}"),
            "variant 'b2b', step 'check_in': after: expected exactly one of working_days, calendar_days",
        ),
        (
            lambda text: text.replace("after: {calendar_days: 42}", "after: {weeks: 6}", 1),
            "variant 'b2b', step 'review': after: expected exactly one of working_days, calendar_days",
        ),
        (
            lambda text: text.replace("after: {calendar_days: 14}", "after: {calendar_days: 0}", 1),
            "variant 'b2b', step 'first_use': after: the number of days must be a whole number of 1 or more",
        ),
        (
            lambda text: text.replace(
                'title: {de: "Auswertungstermin", en: "Review meeting"}', 'title: {de: "Auswertungstermin"}'
            ),
            "variant 'b2b', step 'review', title: missing the 'en' text",
        ),
        (
            lambda text: text.replace("- id: first_use", "- id: thanks", 1),
            "variant 'b2b', step 'thanks': this id is used twice",
        ),
        (lambda text: text.replace("  b2c:\n", "  b2x:\n"), "variants: expected exactly b2b and b2c (found b2b, b2x)"),
        (lambda text: text.replace("note:\n", "notes:\n"), "top level: missing field 'note'"),
        (
            lambda text: text.replace("      agenda:\n        de:\n", "      agenda:\n        fr:\n", 1),
            "variant 'b2b', step 'thanks', agenda: expected a list of points for each of de, en",
        ),
        (lambda text: text.replace("reaction:                      #", "reaction: [\n  #", 1), "YAML syntax"),
        (
            lambda text: text.replace("      from: delivery", "      from: montage", 1),
            "variant 'b2b', step 'check_in': from: expected one of close, delivery, installation (found 'montage')",
        ),
        (
            lambda text: text.replace("      from: installation", "      form: installation", 1),
            "variant 'b2b', step 3: unknown field 'form' (allowed: after, agenda, from, id, title)",
        ),
    ],
)
def test_bad_cadence_data_fails_with_one_line_naming_file_item_and_problem(tmp_path, change, expected):
    bad = tmp_path / "cadence.yml"
    bad.write_text(change(GOOD_CADENCE), encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        cadence.load(bad)
    message = one_line(caught)
    assert re.match(rf"^{re.escape(str(bad))}:\d+: ", message) and expected in message, message


def test_a_second_after_in_a_cadence_step_is_refused_with_its_line(tmp_path):
    text = GOOD_CADENCE.replace("after: {working_days: 5}", "after: {working_days: 5}\n      after: {working_days: 3}")
    bad = tmp_path / "cadence.yml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        cadence.load(bad)
    assert one_line(caught) == f"{bad}:{line_of(text, 'after: {working_days: 3}')}: field 'after': appears twice"


def test_an_unknown_cadence_marker_fails_naming_the_page_and_the_marker():
    with pytest.raises(SiteError, match=r"^docs/werkzeuge/90-tage\.md: unknown cadence marker 'b2b\.dankesanruf'"):
        cadence.render_page(cadence.load(), "Text <!-- cadence: b2b.dankesanruf -->", "de", "docs/werkzeuge/90-tage.md")


@pytest.mark.parametrize(
    "language, expected",
    [
        (
            "de",
            [
                "1 Arbeitstag",
                "am ersten Arbeitstag nach dem Abschluss",
                "5 Arbeitstage nach dem Abschluss",
                "zwei Wochen nach dem Abschluss",
            ],
        ),
        (
            "en",
            [
                "1 working day",
                "on the first working day after the close",
                "5 working days after the close",
                "two weeks after the close",
            ],
        ),
    ],
)
def test_timings_read_in_the_editions_language(language, expected):
    got = [
        cadence.when({"working_days": 1}, language, short=True),
        cadence.when({"working_days": 1}, language),
        cadence.when({"working_days": 5}, language),
        cadence.when({"calendar_days": 14}, language),
    ]
    assert got == expected


@pytest.mark.parametrize(
    "language, expected",
    [
        (
            "de",
            [
                "5 Arbeitstage nach der Lieferung",
                "sechs Wochen nach der Montage oder Installation",
                "am ersten Arbeitstag nach dem Abschluss",
                "zwei Wochen nach dem Abschluss",
            ],
        ),
        (
            "en",
            [
                "5 working days after delivery",
                "six weeks after fitting or installation",
                "on the first working day after the close",
                "two weeks after the close",
            ],
        ),
    ],
)
def test_a_step_names_the_day_it_counts_from_in_words(language, expected):
    steps = ("b2b.check_in", "b2c.after_install", "b2c.thanks", "b2c.check_in")
    markers = "|".join(f"<!-- cadence: {step} -->" for step in steps)
    assert cadence.render_page(cadence.load(), markers, language, "page").split("|") == expected


def test_the_plan_for_private_customers_counts_the_step_after_fitting_from_the_installation():
    steps = {step["id"]: step for step in cadence.load()["variants"]["b2c"]}
    assert cadence.counted_from(steps["after_install"]) == "installation"
    assert cadence.counted_from(steps["thanks"]) == "close"


@pytest.mark.parametrize("language", quiz.LANGUAGES)
def test_the_calendar_form_offers_the_tiers_and_the_date_of_delivery_in_the_editions_language(language):
    form = html.unescape(cadence.render_page(cadence.load(), "<!-- cadence: form -->", language, "page"))
    texts = words("site", language)
    for tier in priorities.load()["tiers"]:
        assert f'<input type="radio" name="tier" value="{tier["id"]}"' in form and tier["label"][language] in form
    assert re.search(r'<fieldset aria-describedby="cadence-tier-hint"><legend>[^<]+</legend>', form)
    label = f'<label for="cadence-fitted">{texts["calendarFitted"]}</label>'
    assert label + '<input type="date" id="cadence-fitted"' in form
    assert f'data-from-close="{texts["calendarFromClose"]}"' in form
    raw = cadence.render_page(cadence.load(), "<!-- cadence: form -->", language, "page")
    tiers = json.loads(html.unescape(re.search(r'data-cadence-tiers="([^"]*)"', raw).group(1)))
    assert [tier["steps"] for tier in tiers] == [tier["steps"] for tier in priorities.load()["tiers"]]


# --- the priorities -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            lambda text: text.replace(
                "  b2c: [thanks, check_in]\n\ntiers", "  b2c: [thanks, check_in, call]\n\ntiers", 1
            ),
            "minimum, b2c: unknown step 'call' (expected one of thanks, check_in, after_install, day_90)",
        ),
        (
            lambda text: text.replace("b2b: [thanks, check_in, review]", "b2b: [thanks, review, check_in]", 1),
            "tier 'b', steps, b2b: steps must be listed once each, in the plan's order",
        ),
        (
            lambda text: text.replace("b2c: [thanks, check_in, after_install]", "b2c: [thanks, after_install]", 1),
            "tier 'b', steps, b2c: below the minimum: check_in missing",
        ),
        (
            lambda text: text.replace("  - id: c\n", "  - id: d\n", 1),
            "tiers: expected the tiers a, b and c, in this order",
        ),
        (
            lambda text: text.replace('label: {de: "C – Minimum", en: "C – minimum"}', 'label: {de: "C – Minimum"}'),
            "tier 'c', label: missing the 'en' text",
        ),
        (
            lambda text: text.replace("closes: {a: 6, b: 14, c: 20}", "closes: {a: 6, b: 14, c: viele}"),
            "example, closes: 'c' must be a whole number",
        ),
        (
            lambda text: text.replace("  variant: b2c", "  variant: b2x"),
            "example: unknown variant 'b2x' (expected one of b2b, b2c)",
        ),
    ],
)
def test_bad_priorities_fail_with_one_line_naming_file_line_item_and_problem(tmp_path, change, expected):
    bad = tmp_path / "priorities.yml"
    text = change(GOOD_PRIORITIES)
    assert text != GOOD_PRIORITIES
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "cadence.yml").write_text(GOOD_CADENCE, encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        priorities.load(bad)
    message = one_line(caught)
    assert re.match(rf"^{re.escape(str(bad))}:\d+: ", message) and expected in message, message


def test_the_priorities_are_checked_against_the_cadence_beside_them(tmp_path):
    (tmp_path / "priorities.yml").write_text(GOOD_PRIORITIES, encoding="utf-8")
    renamed = GOOD_CADENCE.replace("- id: after_install", "- id: after_fitting")
    (tmp_path / "cadence.yml").write_text(renamed, encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        priorities.load(tmp_path / "priorities.yml")
    assert "tier 'a', steps, b2c: unknown step 'after_install'" in one_line(caught)


@pytest.mark.parametrize("language", quiz.LANGUAGES)
def test_the_calendar_form_hands_the_script_its_messages_in_the_editions_language(language):
    form = html.unescape(cadence.render_page(cadence.load(), "<!-- cadence: form -->", language, "page"))
    done = {"de": "Fertig: „{file}“ mit {count} Terminen", "en": "Done: “{file}” with {count} appointments"}[language]
    assert form.startswith('<form class="calendar-form" data-cadence-plan') and done in form
    assert "data-cadence-data=" in form and form.endswith("</form>")
    assert {"de": "Kalenderdatei herunterladen", "en": "Download the calendar file"}[language] in form


# --- the legal notes ------------------------------------------------------------------------------


def broken_registry(tmp_path, change) -> Path:
    data = yaml.safe_load(GOOD_LEGAL)
    change(data["entries"][0])
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


BROKEN_ENTRIES = {
    "missing field": (lambda e: e.pop("stand"), f"entry '{FIRST}': missing field 'stand'"),
    "unknown language": (
        lambda e: e["title"].update(fr="Note juridique"),
        f"entry '{FIRST}': title: unknown language 'fr'",
    ),
    "missing language": (lambda e: e["claim"].pop("en"), f"entry '{FIRST}': claim: missing the 'en' text"),
    "bad date": (
        lambda e: e.update(stand="2026-13-01"),
        f"entry '{FIRST}': stand: '2026-13-01' is not a date (expected YYYY-MM-DD)",
    ),
    "future date": (lambda e: e.update(stand="2999-01-01"), f"entry '{FIRST}': stand: 2999-01-01 lies in the future"),
    "unknown country": (lambda e: e["law"][0].update(country="CH"), "unknown country 'CH'"),
    "http url": (
        lambda e: e["law"][0].update(url="http://www.gesetze-im-internet.de/uwg_2004/__7.html"),
        "url: 'http://www.gesetze-im-internet.de/uwg_2004/__7.html' is not an https:// address",
    ),
    "script url": (
        lambda e: e["law"][0].update(url="javascript:alert(1)"),
        "url: 'javascript:alert(1)' is not an https://",
    ),
    "unknown law field": (lambda e: e["law"][0].update(link="https://example.org"), "law 1: expected {ref:"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_ENTRIES))
def test_a_broken_entry_is_one_line_naming_file_line_entry_and_problem(case, tmp_path):
    change, expected = BROKEN_ENTRIES[case]
    path = broken_registry(tmp_path, change)
    with pytest.raises(DefinitionError) as caught:
        legal.load(path)
    message = one_line(caught)
    assert re.match(rf"^{re.escape(str(path))}:\d+: ", message) and expected in message, message


def test_a_second_stand_in_an_entry_is_refused_with_its_line(tmp_path):
    text = GOOD_LEGAL.replace("    stand: 2026-11-27\n", "    stand: 2026-11-27\n    stand: 2026-12-01\n", 1)
    path = tmp_path / "legal.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        legal.load(path)
    assert one_line(caught) == f"{path}:{line_of(text, 'stand: 2026-12-01')}: field 'stand': appears twice"


def test_dates_stay_text_until_the_entry_checks_them():
    assert all(isinstance(entry.stand, date) for entry in ENTRIES.values())
    assert isinstance(quiz.yaml_lines.read(LEGAL)["entries"][0]["stand"], str)


@pytest.mark.parametrize("language, shown", [("de", "07.11.2026"), ("en", "7 November 2026")])
def test_a_box_shows_law_date_and_advice_in_the_editions_language(language, shown):
    entry = legal.Entry(
        "probe",
        {language: "T"},
        {language: "S"},
        {language: "C"},
        (legal.Law("§ 7 UWG", "DE"), legal.Law("§ 174 TKG 2021", "AT")),
        date(2026, 11, 7),
        ("a.md",),
    )
    box = legal.render_box(entry, language)
    assert f'<time datetime="2026-11-07">{shown}</time>' in box
    assert (
        re.sub(r"<[^>]+>", "", box).count(
            {
                "de": "Deutschland: § 7 UWG · Österreich: § 174 TKG 2021",
                "en": "Germany: § 7 UWG · Austria: § 174 TKG 2021",
            }[language]
        )
        == 1
    )
    assert words("site", language)["legalAdvice"] in box


def test_a_law_with_its_official_address_links_to_it():
    url = "https://www.gesetze-im-internet.de/uwg_2004/__7.html"
    law = legal.Law("§ 7 Abs. 2 Nr. 1 UWG", "DE", url)
    assert legal.render_law(law) == f'<a href="{url}" rel="noopener noreferrer">§ 7 Abs. 2 Nr. 1 UWG</a>'
    assert legal.render_law(legal.Law("§ 7a UWG", "DE")) == "§ 7a UWG"
    assert legal.render_law(legal.Law("§ 7a UWG", "DE"), "en") == '<span lang="de">§ 7a UWG</span>'
    assert (
        legal.render_law(law, "en") == f'<a href="{url}" rel="noopener noreferrer" lang="de">§ 7 Abs. 2 Nr. 1 UWG</a>'
    )


@pytest.mark.parametrize(
    "marker, expected",
    [
        (
            "<!-- legal: gibtsnicht -->",
            ["docs/leitfaden/druck.md: <!-- legal: gibtsnicht -->: unknown entry 'gibtsnicht'"],
        ),
        (
            "<!-- legal: werbe-email -->",
            ["docs/leitfaden/druck.md: <!-- legal: werbe-email -->", "entry 'werbe-email' does not list this page"],
        ),
    ],
)
def test_a_wrong_marker_is_one_line_naming_page_and_marker(marker, expected):
    with pytest.raises(SiteError) as caught:
        legal.check_markers(
            ENTRIES, f"# Druck\n{marker}\n", "leitfaden/druck.md", "docs/leitfaden/druck.md", "includes/legal.yml"
        )
    for part in expected:
        assert part in one_line(caught)


def test_unmarked_notes_go_right_below_the_first_heading():
    page = next(iter(ENTRIES.values())).pages[0]
    out = legal.render_page(ENTRIES, "Intro\n# Title\n\nText\n", page, "de", "p.md")
    assert out.startswith('Intro\n# Title\n\n\n<div class="admonition info legal"')
    with pytest.raises(SiteError, match="no '# ' heading"):
        legal.render_page(ENTRIES, "Text only\n", page, "de", "p.md")


# --- the other markers and the heading links ---------------------------------------------------------


def test_the_start_pages_statement_count_comes_from_the_questionnaire():
    assert (
        selfcheck.render_page("<!-- selfcheck: statements --> Aussagen", "index.md")
        == f"{len(quiz.load(quiz.DEFINITION).statements)} Aussagen"
    )
    with pytest.raises(SiteError) as caught:
        selfcheck.render_page("<!-- selfcheck: fragen -->", "docs/index.md")
    assert one_line(caught) == "docs/index.md: unknown selfcheck marker 'fragen' (expected statements)"


def test_copy_messages_and_heading_link_titles_follow_the_edition():
    assert 'data-done="Kopiert.' in wording.render_page("<!-- wording: copy-messages -->", "de", "p")
    assert 'data-failed="Copying didn&#x27;t work.' in wording.render_page("<!-- wording: copy-messages -->", "en", "p")
    assert (wording.permalink_title("de"), wording.permalink_title("en")) == (
        "Link zu diesem Abschnitt",
        "Link to this section",
    )
    with pytest.raises(SiteError, match=r"^p: unknown wording marker 'x'"):
        wording.render_page("<!-- wording: x -->", "de", "p")
