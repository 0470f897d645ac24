"""Budgets of the self-assessment, printed as a table (not a test: numbers vary by machine).

    .venv/bin/python -m benchmarks.selfcheck

Builds the site, then reports: the widget's JS and CSS size (gzip -9) against the 8 KB budget,
which pages load them, requests to third parties while answering, and the time from pressing
"Auswerten" to the laid-out result (scoring, drawing, layout; the paint follows in the next frame) over repeated runs in Chromium.
"""

from __future__ import annotations

import gzip
import statistics
import sys

from benchmarks.tables import publish, table
from quiz import DEFINITION, load
from quiz.site_files import ASSETS
from scripts.browser import CHROMIUM_ARGS, RequestLog, chromium_path
from scripts.editions import temporary_site
from scripts.static_server import StaticServer
from tests.personas import PERSONAS, answers_for

# A page's script and stylesheet together, gzip, as the reader's phone receives them (the test of the
# bundles checks it too). 8 KiB until the chart's own styles, the storage notices and linear-time
# parsing (7.1 -> 8.4 KiB), version 3's reserve (9.2 KiB) and the two-round team overview (9.9 KiB).
BUDGET_GZIP = 10 * 1024
PAGE_ASSETS = {  # what each page loads, the engine module included
    "assessment page": ["selfcheck.js", "selfcheck.css"],  # selfcheck.js: engine, widgets and page, bundled
    "team page": ["team.js", "selfcheck.css"],
}
RUNS = 20


def main() -> int:
    from playwright.sync_api import sync_playwright

    questionnaire = load(DEFINITION)
    with temporary_site() as site:
        assets = [site / "assets" / "selfcheck" / name for name in ASSETS]
        sizes = [(path.stat().st_size, len(gzip.compress(path.read_bytes(), 9))) for path in assets]
        # selfcheck.js (assessment) and team.js (team overview) load engine.js and widgets.js
        pages = [
            page
            for page in site.rglob("*.html")
            if any(name in page.read_text(encoding="utf-8") for name in ("selfcheck.js", "team.js"))
        ]

        server = StaticServer(site).start()
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
                for statement, answer in zip(
                    questionnaire.statements, answers_for(questionnaire, personas[run % len(personas)]), strict=False
                ):
                    if not statement.reserve:  # the reserve is offered with an open result, not in the form
                        page.check(f"fieldset[data-item='{statement.id}'] input[value='{answer}']")
                timings.append(
                    page.evaluate("""() => new Promise(done => {
                    let start
                    window.addEventListener("submit", () => { start = performance.now() }, { capture: true, once: true })
                    document.addEventListener("selfcheck:result", () => {
                        document.querySelector("[data-selfcheck-result]").getBoundingClientRect()  // force layout
                        done(performance.now() - start)
                    }, { once: true })
                    document.querySelector("[data-selfcheck-form] button[type=submit]").click()
                })""")
                )
                page.evaluate("localStorage.clear()")
            foreign = len(log.foreign)
            browser.close()
        server.shutdown()

    packed = {path.name: size for path, (_, size) in zip(assets, sizes, strict=False)}
    rows = [
        [f"`{path.name}` as served (raw / gzip)", f"{raw:,} B / {gz:,} B", ""]
        for path, (raw, gz) in zip(assets, sizes, strict=False)
    ]
    for label, names in PAGE_ASSETS.items():
        total = sum(packed[name] for name in names)
        rows.append(
            [
                f"{label}: widget JS + CSS, gzip ({' + '.join(names)})",
                f"{total:,} B",
                f"≤ {BUDGET_GZIP:,} B {'✔' if total <= BUDGET_GZIP else '✘'}",
            ]
        )
    rows += [
        [
            "pages that load the widget",
            ", ".join(sorted(str(p.relative_to(site).parent) for p in pages)),
            "only `selbsttest` and `team`",
        ],
        ["third-party requests while answering", foreign, "0"],
        [f"submit → result drawn, median of {RUNS}", f"{statistics.median(timings):.1f} ms", "≤ 50 ms"],
        [f"submit → result drawn, slowest of {RUNS}", f"{max(timings):.1f} ms", "≤ 50 ms"],
    ]
    print(table(["measure", "value", "budget"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(publish("selfcheck", main))
