"""How long crafted input takes: pastes and links built to make a backtracking parser take
quadratic time, printed as a table.

    .venv/bin/python -m benchmarks.crafted

Targets (issue 16): a 2 MB crafted paste is processed or refused within 1 s, in Chromium and in
the CLI; a 2 MB link answers within 0.1 s. Builds the site, then times "Team auswerten" on the
team page (until the table or the notice is there) and a hash change on the assessment page,
and `python -m quiz team` (whole process) and the Python parser (in process) on the same text.
A 2 MB link cannot be passed to `python -m quiz score` (one argument is limited to 128 KiB on
Linux), so the Python row for links times ``code_in`` and ``decode`` in process.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

import quiz
from benchmarks.tables import publish, table
from quiz.codes import CodeError, decode
from quiz.team import MAX_CHARACTERS, TooLarge, summarise
from quiz.text import code_in
from scripts.browser import CHROMIUM_ARGS, chromium_path
from scripts.editions import ROOT, temporary_site
from scripts.static_server import StaticServer

RUNS = 3
MB = 1_000_000


def pastes(code: str) -> dict[str, str]:
    half = MAX_CHARACTERS - len(code) - 10  # just within the limit: read, not refused
    return {
        "2 MB: non-blanks, a blank, a code (refused)": "x" * (2 * MB) + " " + code,
        "2 MB: a name, 2 MB of blanks, a code (refused)": "Anna" + " " * (2 * MB) + code,
        "1 MB: non-blanks, a blank, a code (read)": "x" * half + " " + code,
        "1 MB: a name, blanks, a code (read)": "Anna" + "\u3000" * half + code,
        "1 MB: separators only (read)": ";" * half,
    }


def links(code: str) -> dict[str, str]:
    return {
        "2 MB link: #code=A, encoded blanks, B": "A" + "%20" * (2 * MB // 3) + "B",
        "2 MB link: a code, then 2 MB of blanks": code + "%20" * (2 * MB // 3),
    }


def median_max(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), max(values)


def python_rows(questionnaires, code: str, listing_folder) -> list[tuple]:
    rows = []
    for label, text in pastes(code).items():
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            try:
                summarise(questionnaires, text)
            except TooLarge:
                pass
            timings.append((time.perf_counter() - start) * 1000)
        rows.append(("Python `summarise`", label, *median_max(timings), 1000))
        listing = listing_folder / "paste.txt"
        listing.write_text(text, encoding="utf-8")
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "quiz", "team", str(listing)], cwd=ROOT, capture_output=True)
            timings.append((time.perf_counter() - start) * 1000)
        rows.append(("`python -m quiz team` (whole process)", label, *median_max(timings), 1000))
    for label, text in links(code).items():
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            try:
                decode(code_in("#code=" + text.replace("%20", " ")), questionnaires)
            except CodeError:
                pass
            timings.append((time.perf_counter() - start) * 1000)
        rows.append(("Python `code_in` + `decode`", label, *median_max(timings), 100))
    return rows


def browser_rows(url: str, code: str) -> list[tuple]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for label, text in pastes(code).items():
            timings = []
            for _ in range(RUNS):
                page.goto(url + "team/")
                page.wait_for_selector("[data-teamview][data-ready]", state="attached")
                page.evaluate("text => { document.querySelector('[data-team-input]').value = text }", text)
                timings.append(
                    page.evaluate("""() => {
                    const start = performance.now()
                    document.querySelector("[data-team-form]").requestSubmit()
                    const shown = document.querySelector("[data-team-result]:not([hidden]), [data-selfcheck-notice]:not([hidden])")
                    if (!shown) throw new Error("neither a result nor a notice")
                    shown.getBoundingClientRect()  // force layout
                    return performance.now() - start
                }""")
                )
            rows.append(("Chromium, team page", label, *median_max(timings), 1000))
        for label, text in links(code).items():
            timings = []
            for _ in range(RUNS):
                page.goto(url + "selbsttest/")
                page.wait_for_selector("[data-selfcheck][data-ready]", state="attached")
                timings.append(
                    page.evaluate(
                        """text => new Promise(resolve => {
                    const start = performance.now()
                    let heard = null
                    addEventListener("hashchange", () => { heard = performance.now() }, { once: true, capture: true })
                    addEventListener("hashchange", () => {  // runs after the page's own listener
                        document.querySelector("[data-selfcheck-notice]").getBoundingClientRect()
                        const end = performance.now()
                        resolve([end - heard, end - start])
                    }, { once: true })
                    location.hash = "code=" + text
                })""",
                        text,
                    )
                )
            rows.append(
                ("Chromium, assessment page: the page's answer", label, *median_max([t[0] for t in timings]), 100)
            )
            rows.append(
                (
                    "Chromium, the same with the browser setting the address",
                    label,
                    *median_max([t[1] for t in timings]),
                    None,
                )
            )
        browser.close()
    return rows


def main() -> int:
    questionnaires = quiz.load_all()
    current = questionnaires[max(questionnaires)]
    code = quiz.encode(current, [3] * len(current.statements))
    with temporary_site() as site:
        server = StaticServer(site).start()
        try:
            rows = browser_rows(server.url, code)
        finally:
            server.shutdown()
        rows += python_rows(questionnaires, code, site)
    print(
        table(
            [f"crafted input (median / slowest of {RUNS})", "case", "median", "slowest", "target"],
            [
                [where, label, f"{median:.0f} ms", f"{slowest:.0f} ms", f"< {target:,} ms" if target else ""]
                for where, label, median, slowest, target in rows
            ],
            "llrrr",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(publish("crafted", main))
