"""`python -m quiz build` writes everything another site generator needs: a page made from its
output by a few lines of Python, without MkDocs, works in Chromium from start to result."""

from __future__ import annotations

import html
import subprocess
import sys

from playwright.sync_api import expect

from quiz import score
from scripts.browser import RequestLog

from conftest import ROOT, answer, ready, serve
from personas import answers_for


def page_from_markdown(markdown: str) -> str:
    """What the smallest generator does: drop the front matter, turn '# title' into <h1>, keep the HTML."""
    body = markdown.split("---\n", 2)[2]
    lines = [f"<h1>{html.escape(line[2:])}</h1>" if line.startswith("# ") else line for line in body.splitlines()]
    return '<!doctype html><html lang="de"><meta charset="utf-8"><title>Selbsttest</title><body>' + "\n".join(lines)


def test_a_page_built_from_the_cli_output_works_without_mkdocs(tmp_path, browser, questionnaire):
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "build", str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    (tmp_path / "selbsttest").mkdir()
    (tmp_path / "selbsttest" / "index.html").write_text(
        page_from_markdown((tmp_path / "selbsttest.md").read_text(encoding="utf-8")), encoding="utf-8"
    )
    server = serve(tmp_path)
    page = browser.new_page()
    log = RequestLog(page, server.url.rstrip("/"))
    try:
        page.goto(server.url + "selbsttest/")
        ready(page)
        answers = answers_for(questionnaire, "classic_curve")
        answer(page, questionnaire, answers)
        expect(page.locator("[data-selfcheck-result] h2").first).to_have_text(
            score(questionnaire, answers).headline["de"]
        )
        # The chart is styled by the engine's own stylesheet: lines stroked, not filled, without the site's CSS.
        lines = page.locator("[data-selfcheck-result] .effort-chart polyline")
        expect(lines).to_have_count(2)
        styles = lines.evaluate_all("""lines => lines.map(line => {
            const style = getComputedStyle(line)
            return { fill: style.fill, stroke: style.stroke, width: style.strokeWidth }
        })""")
        for style in styles:
            assert style["fill"] == "none" and style["stroke"] not in ("none", "") and style["width"] == "3px", styles
        assert styles[0]["stroke"] != styles[1]["stroke"], "the top line and the reader's line differ"
        grid = page.locator("[data-selfcheck-result] .effort-chart__grid line").first
        assert grid.evaluate("line => getComputedStyle(line).stroke") not in ("none", "")
        assert not log.foreign and not log.errors
        assert [failure for failure in log.failed if "/assets/" in failure] == [], (
            "every script, style and model is there"
        )
    finally:
        page.close()
        server.shutdown()
