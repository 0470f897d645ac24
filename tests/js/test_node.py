"""Every Node test in tests/js (``node --test``), run by pytest so that one command runs them all.

The engine's parity test (engine.test.mjs) needs the Python engine's vectors and runs from
tests/js/test_engine_parity.py instead.
"""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from conftest import ROOT

FILES = sorted(path for path in (ROOT / "tests" / "js").glob("*.test.mjs") if path.name != "engine.test.mjs")


def test_there_are_node_tests():
    assert FILES


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_node_file_passes(path):
    result = subprocess.run(
        ["node", "--test", str(path.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": os.environ.get("PATH", "")},
    )
    summary = dict(re.findall(r"^# (pass|fail) (\d+)$", result.stdout, re.M))
    assert result.returncode == 0 and summary.get("fail") == "0" and int(summary.get("pass", 0)) > 0, (
        result.stdout[-4000:] + result.stderr
    )
