"""How fast the team overview renders many pasted codes, printed as a table.

    .venv/bin/python -m benchmarks.team

Builds the site, pastes 100 and 1,000 distinct result codes into the team page in Chromium and
times "Team auswerten" until the table is laid out (target for 1,000: within one second). Then two
rounds of 1,000 codes each, every name in both (the heaviest comparison: a change for each person),
until the table of changes is laid out (target: within one second). Also times `python -m quiz team`
on the same 1,000 lines, alone and with `--before`.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time

from benchmarks.tables import publish, table
from quiz import DEFINITION, encode, load
from scripts.browser import CHROMIUM_ARGS, chromium_path
from scripts.editions import ROOT, temporary_site
from scripts.static_server import StaticServer

RUNS = 5


def codes(count: int, seed: int = 7) -> str:
    questionnaire = load(DEFINITION)
    generator = random.Random(seed)
    lines = set()
    while len(lines) < count:
        answers = [generator.randint(1, 5) for _ in questionnaire.statements]
        lines.add(f"Name {len(lines) + 1}: {encode(questionnaire, answers)}")
    return "\n".join(sorted(lines))


def main() -> int:
    from playwright.sync_api import sync_playwright

    rows = []
    with temporary_site() as site:
        server = StaticServer(site).start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page()
            for count in (100, 1000):
                text, timings = codes(count), []
                for _ in range(RUNS):
                    page.goto(server.url + "team/")
                    page.wait_for_selector("[data-teamview][data-ready]", state="attached")
                    page.fill("[data-team-input]", text)
                    timings.append(
                        page.evaluate("""() => {
                        const start = performance.now()
                        document.querySelector("[data-team-form]").requestSubmit()
                        document.querySelector("[data-team-result] table").getBoundingClientRect()  // force layout
                        return performance.now() - start
                    }""")
                    )
                    assert page.locator("[data-team-result] tbody tr").count() == count
                rows.append((f"browser, {count:,} codes", statistics.median(timings), max(timings)))
            now, before, timings = codes(1000), codes(1000, seed=8), []
            for _ in range(RUNS):
                page.goto(server.url + "team/")
                page.wait_for_selector("[data-teamview][data-ready]", state="attached")
                page.fill("[data-team-input]", now)
                page.fill("[data-team-before]", before)
                timings.append(
                    page.evaluate("""() => {
                    const start = performance.now()
                    document.querySelector("[data-team-form]").requestSubmit()
                    document.querySelector("[data-team-people] table").getBoundingClientRect()  // force layout
                    return performance.now() - start
                }""")
                )
                assert page.locator("[data-team-people] tbody tr").count() == 1000
            rows.append(("browser, two rounds, 1,000 codes each", statistics.median(timings), max(timings)))
            browser.close()
        server.shutdown()
        listing, earlier = site / "codes.txt", site / "before.txt"
        listing.write_text(codes(1000), encoding="utf-8")
        earlier.write_text(codes(1000, seed=8), encoding="utf-8")
        commands = (
            ("`python -m quiz team`, 1,000 codes (whole process)", []),
            ("`python -m quiz team --before`, two rounds, 1,000 codes each", ["--before", str(earlier)]),
        )
        for label, extra in commands:
            timings = []
            for _ in range(RUNS):
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "quiz", "team", str(listing), *extra],
                    cwd=ROOT,
                    check=True,
                    capture_output=True,
                )
                timings.append((time.perf_counter() - start) * 1000)
            rows.append((label, statistics.median(timings), max(timings)))

    print(
        table(
            [f"team overview (median / slowest of {RUNS})", "median", "slowest", "target"],
            [
                [
                    label,
                    f"{median:.0f} ms",
                    f"{slowest:.0f} ms",
                    "≤ 1,000 ms" if label.startswith(("browser, 1,000", "browser, two")) else "",
                ]
                for label, median, slowest in rows
            ],
            "lrrr",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(publish("team", main))
