"""Page weight, requests and Lighthouse scores of the built site, plus the hook's build cost.

    .venv/bin/python -m benchmarks.site         (Lighthouse needs Node.js: npx lighthouse)

Builds the site, serves it with gzip as GitHub Pages does, and prints Markdown tables:
per page the bytes transferred, the number of requests and third-party requests (Chromium via
Playwright, empty cache); Lighthouse mobile scores for three pages; and `mkdocs build` with the
self-assessment hook against the same content without it (page and model pre-generated).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.tables import publish, table
from scripts.browser import CHROMIUM_ARGS, chromium_path
from scripts.editions import ROOT, build_edition, build_editions, failure
from scripts.static_server import StaticServer

LIGHTHOUSE_PAGES = ["", "leitfaden/leistungskurve/", "selbsttest/", "en/selbsttest/"]
LIGHTHOUSE_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
BUILD_RUNS = 5


def page_weights(site: Path, base: str) -> list[tuple]:
    from playwright.sync_api import sync_playwright

    paths = sorted(str(p.parent.relative_to(site)) for p in site.rglob("index.html"))
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for path in paths:
            context = browser.new_context()  # empty cache: a first visit
            page = context.new_page()
            requests = []
            page.on("requestfinished", lambda request: requests.append(request))  # noqa: B023 (read before the next loop turn)
            url = base + ("" if path == "." else path + "/")
            page.goto(url, wait_until="networkidle")
            transferred = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in requests)
            foreign = sum(not r.url.startswith(base) for r in requests)
            rows.append(("/" if path == "." else f"/{path}/", transferred, len(requests), foreign))
            context.close()
        browser.close()
    return rows


def run_lighthouse(url: str, report: Path, *options: str) -> subprocess.CompletedProcess:
    """One mobile Lighthouse run of ``url`` with Debian's Chromium, its JSON report in ``report``."""
    return subprocess.run(
        [
            "npx",
            "--yes",
            "lighthouse@12",
            url,
            "--quiet",
            *options,
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={LIGHTHOUSE_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": chromium_path() or ""},
        capture_output=True,
        text=True,
        timeout=300,
    )


def lighthouse(url: str) -> dict | None:
    if not shutil.which("npx"):
        return None
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        result = run_lighthouse(url, report)
        if result.returncode or not report.exists():
            print(f"lighthouse failed for {url}: {result.stderr[-500:]}", file=sys.stderr)
            return None
        categories = json.loads(report.read_text())["categories"]
        return {
            name: round(categories[name]["score"] * 100)
            for name in ("performance", "accessibility", "best-practices", "seo")
        }


def hook_cost() -> tuple[float, float]:
    """Fastest of BUILD_RUNS builds with the hook, and of the same content without it."""
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "plain"
        for name in ("docs", "includes", "overrides", "hooks"):
            shutil.copytree(ROOT / name, plain / name)
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  - hooks/selfcheck.py\n", "")
        (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "quiz", "build", str(plain / "docs")], check=True, capture_output=True, cwd=ROOT
        )
        timings = {"hook": [], "plain": []}
        for _ in range(BUILD_RUNS):
            for name, config_file in (("hook", ROOT / "mkdocs.yml"), ("plain", plain / "mkdocs.yml")):
                start = time.perf_counter()
                result = build_edition(config_file, Path(folder) / f"site-{name}")
                timings[name].append(time.perf_counter() - start)
                assert result.returncode == 0, result.stderr
        return min(timings["hook"]), min(timings["plain"])


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        server = StaticServer(site, compress=True).start()
        problem = failure(build_editions(site, server.url))
        if problem:
            print(problem, file=sys.stderr)
            return 1
        rows = page_weights(site, server.url)
        scores = {path: lighthouse(server.url + path) for path in LIGHTHOUSE_PAGES}
        server.shutdown()

    print(f"Measured {time.strftime('%Y-%m-%d')}, gzip on, empty cache, Chromium {chromium_path() or '(Playwright)'}\n")
    print(
        table(
            ["page", "transferred", "requests", "third-party"],
            [
                [f"`{path}`", f"{transferred / 1024:.1f} KiB", count, foreign]
                for path, transferred, count, foreign in rows
            ],
            "lrrr",
        )
    )
    categories = ("performance", "accessibility", "best-practices", "seo")
    print()
    print(
        table(
            ["Lighthouse (mobile)", "performance", "accessibility", "best practices", "SEO"],
            [
                [f"`/{path}`", *([score[key] for key in categories] if score else ["n/a"] * 4)]
                for path, score in scores.items()
            ],
            "lrrrr",
        )
    )
    with_hook, without = hook_cost()
    print()
    print(
        table(
            [f"`mkdocs build` (fastest of {BUILD_RUNS})", "seconds"],
            [
                ["with the self-assessment hook", f"{with_hook:.2f}"],
                ["same content, pages pre-generated, no hook", f"{without:.2f}"],
                ["ratio (target ≤ 1.10)", f"{with_hook / without:.2f}"],
            ],
            "lr",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(publish("site", main))
