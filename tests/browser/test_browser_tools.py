"""The tools a rep uses on the next working day, in Chromium: the follow-up plan as a calendar file,
the templates' copy buttons (with and without the Clipboard API), one-page prints, and axe."""

from __future__ import annotations

import re
from datetime import date

import icalendar
import pytest
from playwright.sync_api import expect

from axe import prefer_scheme, violations
from cadence_rule import CADENCE, PRIORITIES, due, step_due, tier_steps
from conftest import RequestLog, ready

pytestmark = pytest.mark.browser

NAME = "Müller; Schmidt, <b>Küchen</b> \\ Söhne"
PLAN = "[data-cadence-plan]"
# Closes on the Friday before the last Sunday of March and of October 2027 (summer time starts / ends),
# and one on a Saturday, where every step is counted over a weekend.
CLOSES = [date(2027, 3, 26), date(2027, 10, 29), date(2027, 3, 27)]


@pytest.fixture
def berlin_page(browser, base_url):
    """A page whose clock runs in Europe/Berlin, where a day across a time change has 23 or 25 hours."""
    context = browser.new_context(
        locale="de-DE", timezone_id="Europe/Berlin", accept_downloads=True, service_workers="block"
    )
    page = context.new_page()
    page.requests = RequestLog(page, base_url.rstrip("/"))
    sent = []
    page.on("request", lambda request: sent.append(request.url + (request.post_data or "")))
    page.sent = sent
    yield page
    context.close()


def open_plan_by_instant_navigation(page, edition):
    """Reach the 90-day page through Material's instant navigation, as a reader clicking a link does."""
    page.goto(edition.url + "werkzeuge/")
    page.locator("article a[href$='90-tage/']").first.click()
    expect(page).to_have_url(re.compile(r"werkzeuge/90-tage/$"))
    ready(page, PLAN)


def download_plan(page, close: date, variant: str, name: str = "", fitted: date | None = None, tier: str = "a"):
    form = page.locator(PLAN)
    form.locator("input[name='close']").fill(close.isoformat())
    form.locator("input[name='fitted']").fill(fitted.isoformat() if fitted else "")
    form.locator(f"input[name='variant'][value='{variant}']").check()
    form.locator(f"input[name='tier'][value='{tier}']").check()
    form.locator("input[name='customer']").fill(name)
    with page.expect_download() as info:
        form.locator("button[type='submit']").click()
    download = info.value
    return download.suggested_filename, download.path().read_bytes()


def check_rfc5545_form(raw: bytes, name: str):
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b""), "a line ends without CRLF"
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines), [line for line in lines if len(line) > 75]
    for line in lines:
        line.decode("utf-8")  # folding never splits a UTF-8 character
    assert b"VERSION:2.0\r\n" in raw and re.search(rb"\r\nPRODID:[^\r]+\r\n", raw)
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    escaped = name.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    assert "SUMMARY:" in unfolded and escaped in unfolded, "the name is escaped as TEXT (RFC 5545, 3.3.11)"


@pytest.mark.parametrize("variant", ["b2b", "b2c"])
def test_the_plan_downloads_as_a_calendar_file_with_the_cadence_dates(berlin_page, edition, variant):
    page = berlin_page
    open_plan_by_instant_navigation(page, edition)
    language = edition.language
    steps = CADENCE["variants"][variant]
    for close in CLOSES:
        file_name, raw = download_plan(page, close, variant, NAME)
        assert file_name.endswith(f"-{close.isoformat()}.ics")
        check_rfc5545_form(raw, NAME)
        calendar = icalendar.Calendar.from_ical(raw)
        assert str(calendar["VERSION"]) == "2.0" and calendar.get("PRODID")
        events = calendar.walk("VEVENT")
        assert len(events) == len(steps)
        assert len({str(event["UID"]) for event in events}) == len(events)
        for event, step in zip(events, steps, strict=False):
            start = event.decoded("DTSTART")
            assert type(start) is date, "all-day events"
            assert start == due(close, step["after"]), (close, step["id"], start)
            assert event.decoded("DTEND") == date.fromordinal(start.toordinal() + 1)
            assert event.get("DTSTAMP") is not None
            assert str(event["SUMMARY"]) == f"{step['title'][language]}: {NAME}"
            description = str(event["DESCRIPTION"])
            assert all(point in description for point in step["agenda"][language])
        status = page.locator(f"{PLAN} [role='status']")
        expect(status).to_contain_text(file_name)
    assert page.locator("article b").count() == 0, "the name was inserted as markup"
    assert not any("Schmidt" in sent or "M%C3%BCller" in sent for sent in page.sent), "the name left the browser"
    page.requests.assert_clean()


def test_without_a_name_the_summaries_are_the_step_titles_and_a_missing_date_is_explained(berlin_page, edition):
    page = berlin_page
    page.goto(edition.url + "werkzeuge/90-tage/")
    ready(page, PLAN)
    form = page.locator(PLAN)
    form.locator("button[type='submit']").click()
    expect(form.locator("[role='status']")).to_have_text(form.get_attribute("data-error-date"))
    expect(form.locator("input[name='close']")).to_have_attribute("aria-invalid", "true")
    _, raw = download_plan(page, date(2027, 1, 4), "b2b")
    summaries = [str(event["SUMMARY"]) for event in icalendar.Calendar.from_ical(raw).walk("VEVENT")]
    assert summaries == [step["title"][edition.language] for step in CADENCE["variants"]["b2b"]]
    expect(form.locator("input[name='close']")).not_to_have_attribute("aria-invalid", "true")
    page.requests.assert_clean()


def test_close_dates_outside_the_allowed_years_are_explained_and_the_last_allowed_day_gives_valid_dates(
    berlin_page, edition
):
    page = berlin_page
    page.goto(edition.url + "werkzeuge/90-tage/")
    ready(page, PLAN)
    form = page.locator(PLAN)
    this_year = page.evaluate("new Date().getUTCFullYear()")
    first, last = this_year - 5, this_year + 5
    expect(form.locator("input[name='close']")).to_have_attribute("max", f"{last}-12-31")
    message = form.get_attribute("data-error-range").replace("{from}", str(first)).replace("{to}", str(last))
    for far in ("9999-12-31", f"{last + 1}-01-01", f"{first - 1}-12-31"):
        form.locator("input[name='close']").fill(far)
        form.locator("button[type='submit']").click()
        expect(form.locator("[role='status']")).to_have_text(message)
        expect(form.locator("input[name='close']")).to_have_attribute("aria-invalid", "true")
    for close in (date(last, 12, 31), date(first, 1, 1)):
        _, raw = download_plan(page, close, "b2b", "$& $' $1")
        check_rfc5545_form(raw, "$& $' $1")
        days = re.findall(rb"\r\nDT(?:START|END);VALUE=DATE:([^\r]*)\r\n", raw)
        assert days and all(re.fullmatch(rb"[0-9]{8}", day) for day in days), "RFC 5545 dates: eight digits"
        events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
        assert len(events) == len(CADENCE["variants"]["b2b"])
        for event, step in zip(events, CADENCE["variants"]["b2b"], strict=False):
            assert event.decoded("DTSTART") == due(close, step["after"])
            assert str(event["SUMMARY"]).endswith(": $& $' $1")
    page.requests.assert_clean()


# --- counted from delivery or installation, and the tiers -------------------------------------

# A close and a delivery ten weeks later: in spring the change to summer time (28 March 2027) lies
# between them; in autumn the steps after the delivery run across the change back (31 October 2027).
CLOSE_AND_DELIVERY = [(date(2027, 3, 26), date(2027, 6, 4)), (date(2027, 8, 20), date(2027, 10, 29))]


def fitting_titles(variant: str, language: str) -> list[str]:
    return [step["title"][language] for step in CADENCE["variants"][variant] if step.get("from", "close") != "close"]


@pytest.mark.parametrize("variant", ["b2b", "b2c"])
def test_a_close_plus_a_delivery_ten_weeks_later_puts_every_step_where_the_data_says(berlin_page, edition, variant):
    page = berlin_page
    page.goto(edition.url + "werkzeuge/90-tage/")
    ready(page, PLAN)
    form = page.locator(PLAN)
    steps = CADENCE["variants"][variant]
    assert fitting_titles(variant, edition.language), "the plan has steps that count from delivery or installation"
    for close, delivery in CLOSE_AND_DELIVERY:
        assert (delivery - close).days == 70
        _, raw = download_plan(page, close, variant, fitted=delivery)
        check_rfc5545_form(raw, "")
        events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
        assert [str(event["SUMMARY"]) for event in events] == [step["title"][edition.language] for step in steps]
        for event, step in zip(events, steps, strict=False):
            assert event.decoded("DTSTART") == step_due(close, step, delivery), (close, step["id"])
            if step.get("from", "close") != "close":
                assert event.decoded("DTSTART") > delivery, "a step after delivery or fitting comes after it"
        shown = page.evaluate(
            "([day, language]) => new Date(day).toLocaleDateString(language, {timeZone: 'UTC'})",
            [delivery.isoformat(), edition.language],
        )
        assert all(shown in str(event["DESCRIPTION"]) for event in events), "each note names the day of delivery"
        status = form.locator("[role='status']")
        expect(status).to_contain_text(".ics")
        for title in fitting_titles(variant, edition.language):
            expect(status).not_to_contain_text(title)  # nothing fell back to the close
    page.requests.assert_clean()


def test_the_kitchen_fitted_in_week_ten_gets_its_after_fitting_step_after_the_fitting(berlin_page, edition):
    page = berlin_page
    page.goto(edition.url + "werkzeuge/90-tage/")
    ready(page, PLAN)
    close, fitted = date(2027, 3, 1), date(2027, 5, 10)  # signed on a Monday, fitted in week 10
    _, raw = download_plan(page, close, "b2c", fitted=fitted)
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(event["SUMMARY"]): event.decoded("DTSTART") for event in calendar.walk("VEVENT")}
    after = next(step for step in CADENCE["variants"]["b2c"] if step["id"] == "after_install")
    assert events[after["title"][edition.language]] == due(fitted, after["after"]) > fitted


def test_without_a_delivery_date_the_status_names_the_steps_counted_from_the_close(berlin_page, edition):
    page = berlin_page
    page.goto(edition.url + "werkzeuge/90-tage/")
    ready(page, PLAN)
    form = page.locator(PLAN)
    close = date(2027, 3, 26)
    _, raw = download_plan(page, close, "b2c")
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    for event, step in zip(events, CADENCE["variants"]["b2c"], strict=True):
        assert event.decoded("DTSTART") == due(close, step["after"])
    status = form.locator("[role='status']")
    expect(status).to_contain_text(form.get_attribute("data-from-close").split("{steps}")[0])
    titles = fitting_titles("b2c", edition.language)
    quoted = form.get_attribute("data-step-quoted")
    for title in titles:
        expect(status).to_contain_text(quoted.replace("{title}", title))
    for step in CADENCE["variants"]["b2c"]:
        if step["title"][edition.language] not in titles:
            expect(status).not_to_contain_text(quoted.replace("{title}", step["title"][edition.language]))
    page.requests.assert_clean()


def test_a_delivery_before_the_close_is_explained_and_nothing_downloads(berlin_page, edition):
    page = berlin_page
    page.goto(edition.url + "werkzeuge/90-tage/")
    ready(page, PLAN)
    form = page.locator(PLAN)
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    form.locator("input[name='close']").fill("2027-03-26")
    form.locator("input[name='fitted']").fill("2027-03-25")
    form.locator("button[type='submit']").click()
    expect(form.locator("[role='status']")).to_have_text(form.get_attribute("data-error-fitted"))
    expect(form.locator("input[name='fitted']")).to_have_attribute("aria-invalid", "true")
    expect(form.locator("input[name='close']")).not_to_have_attribute("aria-invalid", "true")
    expect(form.locator("input[name='fitted']")).to_be_focused()
    _, raw = download_plan(page, date(2027, 3, 26), "b2b", fitted=date(2027, 3, 26))  # the same day is fine
    expect(form.locator("input[name='fitted']")).not_to_have_attribute("aria-invalid", "true")
    assert len(icalendar.Calendar.from_ical(raw).walk("VEVENT")) == len(CADENCE["variants"]["b2b"])
    assert len(downloads) == 1
    page.requests.assert_clean()


@pytest.mark.parametrize("variant", ["b2b", "b2c"])
def test_a_c_customers_file_holds_exactly_the_minimum_and_an_a_customers_every_step(berlin_page, edition, variant):
    page = berlin_page
    page.goto(edition.url + "werkzeuge/90-tage/")
    ready(page, PLAN)
    form = page.locator(PLAN)
    labels = [form.locator(f"label:has(input[name='tier'][value='{tier['id']}'])") for tier in PRIORITIES["tiers"]]
    for label, tier in zip(labels, PRIORITIES["tiers"], strict=False):
        expect(label).to_have_text(tier["label"][edition.language])
    expect(form.locator("input[name='tier'][value='a']")).to_be_checked()
    close, fitted = date(2027, 10, 29), date(2027, 11, 12)
    minimum = [step for step in CADENCE["variants"][variant] if step["id"] in PRIORITIES["minimum"][variant]]
    for tier, expected in (("c", minimum), ("b", tier_steps(variant, "b")), ("a", CADENCE["variants"][variant])):
        _, raw = download_plan(page, close, variant, fitted=fitted, tier=tier)
        events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
        titles = [step["title"][edition.language] for step in expected]
        assert [str(event["SUMMARY"]) for event in events] == titles, tier
        assert [event.decoded("DTSTART") for event in events] == [step_due(close, step, fitted) for step in expected]
        count = form.get_attribute("data-done").split("{count}")[1].split()[0]  # "Terminen" / "appointments"
        expect(form.locator("[role='status']")).to_contain_text(f"{len(expected)} {count}")
    page.requests.assert_clean()


# --- templates ----------------------------------------------------------------------------------


def templates_page(browser, base_url, edition, *, clipboard: bool):
    context = browser.new_context(
        locale="de-DE", permissions=["clipboard-read", "clipboard-write"] if clipboard else [], service_workers="block"
    )
    if not clipboard:  # as on a plain-http address, where browsers offer no Clipboard API
        context.add_init_script(
            "Object.defineProperty(Navigator.prototype, 'clipboard', {value: undefined, configurable: true})"
        )
    page = context.new_page()
    page.requests = RequestLog(page, base_url.rstrip("/"))
    page.goto(edition.url + "werkzeuge/")
    page.locator("article a[href$='vorlagen/']").first.click()  # Material's instant navigation
    expect(page).to_have_url(re.compile(r"werkzeuge/vorlagen/$"))
    page.locator("button[data-copy][data-ready]").first.wait_for(state="attached")
    return context, page


def test_copy_buttons_copy_the_template_with_the_clipboard_api(browser, base_url, edition):
    context, page = templates_page(browser, base_url, edition, clipboard=True)
    messages = page.locator("[data-copy-messages]")
    templates = page.locator(".copy-template")
    assert templates.count() >= 9
    for index in (0, templates.count() - 1):
        template = templates.nth(index)
        expected = template.locator("[data-copy-text]").evaluate("element => element.innerText.trim()")
        template.locator("button[data-copy]").click()
        expect(template.locator("[role='status']")).to_have_text(messages.get_attribute("data-done"))
        assert page.evaluate("navigator.clipboard.readText()") == expected
    assert "[" in expected, "templates carry placeholders in square brackets"
    page.requests.assert_clean()
    context.close()


def test_copy_buttons_work_without_the_clipboard_api_and_always_report(browser, base_url, edition):
    context, page = templates_page(browser, base_url, edition, clipboard=False)
    assert page.evaluate("navigator.clipboard === undefined")
    messages = page.locator("[data-copy-messages]")
    template = page.locator(".copy-template").nth(2)
    template.locator("button[data-copy]").click()
    status = template.locator("[role='status']")
    expect(status).to_have_attribute("data-result", re.compile("copied|failed"))
    result = status.get_attribute("data-result")
    expect(status).to_have_text(messages.get_attribute("data-done" if result == "copied" else "data-failed"))
    expect(status).to_be_visible()
    page.requests.assert_clean()  # no script error
    context.close()


def test_a_failed_copy_selects_the_text_and_says_so(browser, base_url, edition):
    context, page = templates_page(browser, base_url, edition, clipboard=False)
    page.evaluate("document.execCommand = () => false")  # a browser that refuses to copy
    template = page.locator(".copy-template").first
    template.locator("button[data-copy]").click()
    expect(template.locator("[role='status']")).to_have_text(
        page.locator("[data-copy-messages]").get_attribute("data-failed")
    )
    selected = page.evaluate("getSelection().toString().trim()")
    assert selected == template.locator("[data-copy-text]").evaluate("element => element.innerText.trim()")
    page.requests.assert_clean()
    context.close()


# --- print --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["werkzeuge/90-tage/", "werkzeuge/reklamation/"])
def test_checklist_and_complaint_guide_print_clean_on_one_a4_page(page, edition, path):
    page.goto(edition.url + path)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", "form"):
        for element in page.locator(chrome).all():
            expect(element).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    assert pages == 1, f"{path} prints on {pages} pages"


# --- accessibility ------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_tools_have_no_axe_violation(page, edition, scheme):
    prefer_scheme(page, scheme)
    problems = []
    page.goto(edition.url + "werkzeuge/90-tage/")
    ready(page, PLAN)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    page.locator(f"{PLAN} button[type='submit']").click()  # the error state: status text, invalid field
    expect(page.locator(f"{PLAN} [role='status']")).not_to_be_empty()
    problems += [f"90-tage: {problem}" for problem in violations(page)]
    form = page.locator(PLAN)
    form.locator("input[name='close']").fill("2027-03-26")
    form.locator("input[name='fitted']").fill("2027-03-01")  # before the close: the second field's error state
    form.locator("button[type='submit']").click()
    expect(form.locator("input[name='fitted']")).to_have_attribute("aria-invalid", "true")
    problems += [f"90-tage, delivery date: {problem}" for problem in violations(page)]
    page.goto(edition.url + "werkzeuge/vorlagen/")
    page.locator("button[data-copy][data-ready]").first.wait_for(state="attached")
    problems += [f"vorlagen: {problem}" for problem in violations(page)]
    assert not problems, "\n".join(problems)
