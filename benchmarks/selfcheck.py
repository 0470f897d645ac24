"""Budgets of the self-assessment, printed as a table (not a test: numbers vary by machine).

    .venv/bin/python benchmarks/selfcheck.py

Builds the site, then reports: the widget's JS and CSS size (gzip -9) against the 8 KB budget,
which pages load them, requests to third parties while answering, and the time from pressing
"Auswerten" to the laid-out result (scoring, drawing, layout; the paint follows in the next frame) over repeated runs in Chromium.
"""

from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "scripts")]

from conftest import CHROMIUM_ARGS, RequestLog, chromium_path, serve  # noqa: E402
from editions import temporary_site  # noqa: E402
from personas import PERSONAS, answers_for  # noqa: E402
from quiz import load  # noqa: E402

BUDGET_GZIP = 8 * 1024
RUNS = 20


def row(*cells):
    print("| " + " | ".join(str(cell) for cell in cells) + " |")


def main() -> int:
    from playwright.sync_api import sync_playwright

    questionnaire = load(ROOT / "quiz" / "selbsttest.yml")
    with temporary_site() as site:
        assets = [site / "assets/selbsttest/selbsttest.js", site / "assets/selbsttest/selbsttest.css"]
        sizes = [(path.stat().st_size, len(gzip.compress(path.read_bytes(), 9))) for path in assets]
        # selbsttest.js is loaded by the assessment page, and imported by team.js on the team page
        pages = [page for page in site.rglob("*.html")
                 if any(name in page.read_text(encoding="utf-8") for name in ("selbsttest.js", "team.js"))]

        server = serve(site)
        base = server.url
        timings, foreign = [], 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page()
            log = RequestLog(page, base.rstrip("/"))
            personas = sorted(PERSONAS)
            for run in range(RUNS):
                page.goto(base + "selbsttest/")
                page.wait_for_selector("[data-selfcheck][data-ready]", state="attached")
                for statement, answer in zip(questionnaire.statements, answers_for(questionnaire, personas[run % len(personas)])):
                    page.check(f"fieldset[data-item='{statement.id}'] input[value='{answer}']")
                timings.append(page.evaluate("""() => new Promise(done => {
                    let start
                    window.addEventListener("submit", () => { start = performance.now() }, { capture: true, once: true })
                    document.addEventListener("selfcheck:result", () => {
                        document.querySelector("[data-selfcheck-result]").getBoundingClientRect()  // force layout
                        done(performance.now() - start)
                    }, { once: true })
                    document.querySelector("[data-selfcheck-form] button[type=submit]").click()
                })"""))
                page.evaluate("localStorage.clear()")
            foreign = len(log.foreign)
            browser.close()
        server.shutdown()

    print("| measure | value | budget |")
    print("|---|---|---|")
    for path, (raw, packed) in zip(assets, sizes):
        row(f"`{path.name}` (raw / gzip)", f"{raw:,} B / {packed:,} B", "")
    total = sum(packed for _, packed in sizes)
    row("widget JS + CSS, gzip", f"{total:,} B", f"≤ {BUDGET_GZIP:,} B {'✔' if total <= BUDGET_GZIP else '✘'}")
    row("pages that load the widget", ", ".join(sorted(str(p.relative_to(site).parent) for p in pages)),
        "only `selbsttest` and `team`")
    row("third-party requests while answering", foreign, "0")
    row(f"submit → result drawn, median of {RUNS}", f"{statistics.median(timings):.1f} ms", "≤ 50 ms")
    row(f"submit → result drawn, slowest of {RUNS}", f"{max(timings):.1f} ms", "≤ 50 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
