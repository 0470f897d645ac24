"""Lighthouse mobile performance of the built site: the median of five runs per page.

    .venv/bin/python -m benchmarks.lighthouse        (Node.js: npx --yes lighthouse@12)

Builds both editions, serves them with gzip as GitHub Pages does, runs Lighthouse (mobile, its
default simulated throttling) five times on the start page, a guide page and the self-assessment,
and prints three Markdown tables: per page the median score, FCP, LCP, TBT and CLS; the
performance audits that fall short in most runs, with what Lighthouse says about them; and, from
the last run, what blocks the first paint, which requests wait for another one, and the LCP element.
The tables go into the section "lighthouse" of benchmarks/RESULTS.md. The machine's load average is
printed with them: on a busy machine the scores drop (TBT above all), so compare runs made back to back.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.site import run_lighthouse
from benchmarks.tables import publish, table
from scripts.browser import chromium_path
from scripts.editions import build_editions, failure
from scripts.static_server import StaticServer

PAGES = ["", "leitfaden/leistungskurve/", "selbsttest/"]
RUNS = 5
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
}
SHORT_OF = 0.9  # an audit below this score keeps the page from 100


def lighthouse(url: str, report: Path) -> dict:
    """One mobile run; the report's JSON."""
    result = run_lighthouse(url, report, "--only-categories=performance")
    if result.returncode or not report.exists():
        raise SystemExit(f"lighthouse failed for {url}: {result.stderr[-500:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def path_of(url: str, base: str) -> str:
    return "/" + url.removeprefix(base)


def chains(node: dict, base: str, before: tuple = ()) -> list[str]:
    """Every request that starts only after another one has finished, as 'first → then'."""
    found = []
    for child in node.get("children", {}).values():
        trail = (*before, path_of(node["url"], base))
        if len(trail) > 1:  # the page itself starts every chain: leave out its direct requests
            found.append(" → ".join((*trail[1:], path_of(child["url"], base))))
        found += chains(child, base, trail)
    return found


def details(report: dict, base: str) -> dict:
    audits = report["audits"]
    blocking = [path_of(item["url"], base) for item in audits["render-blocking-insight"]["details"].get("items", [])]
    trees = [
        section["value"]["chains"]
        for section in audits["network-dependency-tree-insight"]["details"]["items"]
        if section.get("type") == "list-section" and section["value"].get("type") == "network-tree"
    ]
    waiting = [chain for tree in trees for root in tree.values() for chain in chains(root, base)]
    lcp = [
        item["node"]["selector"]
        for table in audits["largest-contentful-paint-element"]["details"]["items"]
        for item in table["items"]
        if "node" in item
    ]
    return {"blocking": blocking, "waiting": waiting, "lcp": lcp}


def measure(base: str, path: str, folder: Path) -> tuple[dict, Counter, dict, dict]:
    """Medians of RUNS runs, how many runs each audit fell short in, its text and the details of the last run."""
    runs = [lighthouse(base + path, folder / f"report-{run}.json") for run in range(RUNS)]
    medians = {
        "score": statistics.median(round(r["categories"]["performance"]["score"] * 100) for r in runs),
        "version": runs[-1]["lighthouseVersion"],
    }
    for audit in METRICS:
        medians[audit] = statistics.median(r["audits"][audit]["numericValue"] for r in runs)
    short, texts = Counter(), {}
    for report in runs:
        audit_ids = {ref["id"] for ref in report["categories"]["performance"]["auditRefs"]}
        for audit_id in audit_ids - set(METRICS) - {"speed-index", "interactive", "max-potential-fid"}:
            audit = report["audits"][audit_id]
            if audit.get("score") is not None and audit["score"] < SHORT_OF:
                short[audit_id] += 1
                texts[audit_id] = f"{audit['title']}{': ' + audit['displayValue'] if audit.get('displayValue') else ''}"
    return medians, short, texts, details(runs[-1], base)


def main() -> int:
    if not shutil.which("npx"):
        print("benchmarks.lighthouse: Node.js (npx) is needed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        server = StaticServer(site, compress=True).start()
        problem = failure(build_editions(site, server.url))
        if problem:
            print(problem, file=sys.stderr)
            return 1
        results, load_before = {}, os.getloadavg()[0]
        for path in PAGES:
            reports = Path(folder) / (path.replace("/", "-") or "start")
            reports.mkdir()
            results[path] = measure(server.url, path, reports)
        server.shutdown()

    version = next(iter(results.values()))[0]["version"]
    print(
        f"Lighthouse {version} (mobile, simulated throttling), median of {RUNS} runs per page, gzip on, "
        f"Chromium {chromium_path() or '(Playwright)'}, {os.cpu_count()} cores, load average "
        f"{load_before:.1f} at the start and {os.getloadavg()[0]:.1f} at the end\n"
    )
    print(
        table(
            ["page", "performance", "FCP", "LCP", "TBT", "CLS"],
            [
                [
                    f"`/{path}`",
                    f"{m['score']:.0f}",
                    f"{m['first-contentful-paint'] / 1000:.1f} s",
                    f"{m['largest-contentful-paint'] / 1000:.1f} s",
                    f"{m['total-blocking-time']:.0f} ms",
                    f"{m['cumulative-layout-shift']:.3f}",
                ]
                for path, (m, *_) in results.items()
            ],
            "lrrrrr",
        )
    )
    print()
    rows = [
        [f"`/{path}`", texts[audit], f"{count}/{RUNS}"]
        for path, (_, short, texts, _) in results.items()
        for audit, count in short.most_common()
        if count > RUNS // 2
    ]
    print(table(["page", f"audit below {SHORT_OF} in most runs", "runs"], rows or [["all", "none", ""]], "llr"))
    print()
    print(
        table(
            ["page (last run)", "blocks the first paint", "requests that wait for another", "LCP element"],
            [
                [f"`/{path}`", *("<br>".join(found[key]) for key in ("blocking", "waiting", "lcp"))]
                for path, (*_, found) in results.items()
            ],
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(publish("lighthouse", main))
