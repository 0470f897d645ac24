"""The scripts the site serves (quiz/assets/dist) are esbuild's bundles of the current modules:
after editing a module, `npm run bundle` rebuilds them, and this test says when that was forgotten."""

from __future__ import annotations

import gzip
import json
import shlex
import subprocess

from benchmarks.selfcheck import BUDGET_GZIP
from quiz.site_files import ASSETS, asset

from conftest import ROOT


def test_the_served_bundles_are_built_from_the_current_modules(tmp_path):
    command = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["scripts"]["bundle"]
    arguments = [argument for argument in shlex.split(command)[1:] if not argument.startswith("--outdir=")]
    result = subprocess.run(
        [str(ROOT / "node_modules" / ".bin" / "esbuild"), *arguments, f"--outdir={tmp_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    for bundle in ("selfcheck.js", "team.js"):
        built = (tmp_path / bundle).read_text(encoding="utf-8")
        assert built == (ROOT / "quiz" / "assets" / "dist" / bundle).read_text(encoding="utf-8"), (
            f"quiz/assets/dist/{bundle} is out of date: run `npm run bundle`"
        )


def test_each_page_gets_its_script_and_stylesheet_within_the_budget():
    sizes = {name: len(gzip.compress(asset(name).encode("utf-8"), 9)) for name in ASSETS}
    for script in ("selfcheck.js", "team.js"):
        assert sizes[script] + sizes["selfcheck.css"] <= BUDGET_GZIP, sizes
