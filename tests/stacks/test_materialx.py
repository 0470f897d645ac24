"""ProperDocs 1.6.7 with MaterialX 10.2.2 (a community continuation of Material for MkDocs) builds
both editions strictly (mkdocs.materialx.yml, mkdocs.en.materialx.yml), and the site works there:
a reader completes the self-assessment, a trainer sees the code in the team overview, axe finds
nothing, and no request leaves the site.

Not tested here yet: reading offline after opting in. The opt-in to store an edition comes with the
new service worker (issue 20, items 1 and 2); until then the worker is blocked in this smoke test,
as in every test that is not about the worker."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from quiz import encode, score
from quiz.team import decimal, summarise
from quiz.wording import fill, words
from scripts.browser import RequestLog
from scripts.editions import EDITIONS

from axe import violations
from conftest import answer, ready, serve
from personas import answers_for
from stack_build import build_with_stack

SEPARATOR = {"de": ",", "en": "."}


@pytest.fixture(scope="module")
def materialx_url(tmp_path_factory):
    site = tmp_path_factory.mktemp("materialx-site")
    server = serve(site)  # the port must be known before the build
    build_with_stack("materialx", site, server.url)
    yield server.url
    server.shutdown()


@pytest.mark.parametrize("language", list(EDITIONS))
def test_materialx_site_takes_a_persona_to_the_team_overview_without_axe_findings(
    browser, materialx_url, questionnaire, published, language
):
    edition, widgets = materialx_url + EDITIONS[language][1], words("widgets", language)
    context = browser.new_context(locale=f"{language}-DE" if language == "de" else "en-GB", service_workers="block")
    page = context.new_page()
    log = RequestLog(page, materialx_url.rstrip("/"))
    try:
        page.goto(edition + "selbsttest/")
        ready(page)
        assert violations(page) == [], "the open questionnaire"
        answers = answers_for(questionnaire, "classic_curve")
        answer(page, questionnaire, answers, language)
        result = page.locator("[data-selfcheck-result]")
        expect(result.locator("h2").first).to_have_text(score(questionnaire, answers).headline[language])
        code = encode(questionnaire, answers)
        expect(result.locator("[data-selfcheck-code]")).to_have_text(code)
        settle(page)  # the result scrolls into view: "back to top" fades in
        assert violations(page) == [], "the result"

        page.goto(edition + "team/")
        ready(page, "[data-teamview]")
        page.get_by_label(widgets["teamInputLabel"]).fill(code)
        page.get_by_role("button", name=widgets["teamShow"]).click()
        (summary,) = summarise(published, code).summaries
        section = page.locator(f"[data-team-result] [data-team-version='{summary.version}']")
        expect(section.locator("h2")).to_have_text(
            fill(widgets["teamVersionHeading"], version=summary.version, count=1)
        )
        for phase in published[summary.version].phases:
            value = decimal(summary.averages[phase.id], SEPARATOR[language])
            expect(section.locator(f"[data-team-averages] li[data-phase='{phase.id}']")).to_have_text(
                fill(widgets["teamAverageValue"], label=phase.label[language], value=value)
            )
        settle(page)
        assert violations(page) == [], "the team overview"
        log.assert_clean()
    finally:
        context.close()


def settle(page):
    """Wait until no CSS transition or animation runs, so contrast is measured on the final colours."""
    page.wait_for_function("document.getAnimations().every(animation => animation.playState !== 'running')")
