"""Page weight, requests and Lighthouse scores of the built site, plus the hook's build cost.

    .venv/bin/python benchmarks/site.py            (Lighthouse needs Node.js: npx lighthouse)

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

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "scripts")]

from conftest import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402
from editions import build_edition, build_editions, failure  # noqa: E402

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
            page.on("requestfinished", lambda request: requests.append(request))
            url = base + ("" if path == "." else path + "/")
            page.goto(url, wait_until="networkidle")
            transferred = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in requests)
            foreign = sum(not r.url.startswith(base) for r in requests)
            rows.append(("/" if path == "." else f"/{path}/", transferred, len(requests), foreign))
            context.close()
        browser.close()
    return rows


def lighthouse(url: str) -> dict | None:
    if not shutil.which("npx"):
        return None
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        result = subprocess.run(
            ["npx", "--yes", "lighthouse@12", url, "--quiet", "--output=json", f"--output-path={report}",
             f"--chrome-flags={LIGHTHOUSE_FLAGS}"],
            env={**os.environ, "CHROME_PATH": chromium_path() or ""},
            capture_output=True, text=True, timeout=300)
        if result.returncode or not report.exists():
            print(f"lighthouse failed for {url}: {result.stderr[-500:]}", file=sys.stderr)
            return None
        categories = json.loads(report.read_text())["categories"]
        return {name: round(categories[name]["score"] * 100)
                for name in ("performance", "accessibility", "best-practices", "seo")}


def hook_cost() -> tuple[float, float]:
    """Fastest of BUILD_RUNS builds with the hook, and of the same content without it."""
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "plain"
        for name in ("docs", "includes", "overrides", "quiz"):
            shutil.copytree(ROOT / name, plain / name)
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("hooks:\n  - hooks/selfcheck.py\n", "")
        (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
        subprocess.run([sys.executable, "-m", "quiz", "--definition", str(plain / "quiz/selbsttest.yml"),
                        "build", str(plain / "docs")], check=True, capture_output=True, cwd=ROOT)
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
        server = serve(site, compress=True)
        problem = failure(build_editions(site, server.url))
        if problem:
            print(problem, file=sys.stderr)
            return 1
        rows = page_weights(site, server.url)
        scores = {path: lighthouse(server.url + path) for path in LIGHTHOUSE_PAGES}
        server.shutdown()

    print(f"Measured {time.strftime('%Y-%m-%d')}, gzip on, empty cache, Chromium {chromium_path() or '(Playwright)'}\n")
    print("| page | transferred | requests | third-party |")
    print("|---|---:|---:|---:|")
    for path, transferred, count, foreign in rows:
        print(f"| `{path}` | {transferred / 1024:.1f} KiB | {count} | {foreign} |")
    print("\n| Lighthouse (mobile) | performance | accessibility | best practices | SEO |")
    print("|---|---:|---:|---:|---:|")
    for path, score in scores.items():
        cells = [str(score[key]) for key in ("performance", "accessibility", "best-practices", "seo")] if score else ["n/a"] * 4
        print(f"| `/{path}` | " + " | ".join(cells) + " |")
    with_hook, without = hook_cost()
    print("\n| `mkdocs build` (fastest of %d) | seconds |" % BUILD_RUNS)
    print("|---|---:|")
    print(f"| with the self-assessment hook | {with_hook:.2f} |")
    print(f"| same content, page pre-generated, no hook | {without:.2f} |")
    print(f"| ratio (target ≤ 1.10) | {with_hook / without:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
