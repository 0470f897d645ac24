"""`python -m scripts.site_check SITE_DIR` passes the normal build and fails, one line per problem,
on a build whose hooks did not run: no self-assessment, no imprint, no legal boxes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from quiz.wording import catalogue
from scripts.editions import EDITIONS
from scripts.site_check import legal_boxes

from conftest import ROOT, copy_project


def site_check(site) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scripts.site_check", str(site)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_the_normal_build_passes(site_dir):
    result = site_check(site_dir)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.fixture(scope="module")
def build_without_hooks(tmp_path_factory):
    """Both editions built from a copy whose mkdocs.yml has no `hooks:`, as a generator that ignores
    them would build. The theme's words (which hooks/wording.py would add) go into `extra` instead,
    so the pages render; the build is not strict, since the hook-made pages are missing from nav."""
    project = copy_project(tmp_path_factory.mktemp("no-hooks"))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config, removed = re.subn(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    assert removed == 1, "mkdocs.yml has a hooks: list"
    config = config.replace("strict: true", "strict: false")
    config = config.replace("\nextra:\n", f"\nextra:\n  wording: {json.dumps(catalogue()['site'])}\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = project / "built"
    for config_name, folder in EDITIONS.values():
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--config-file", config_name, "--site-dir", str(site / folder)],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
    return site


def test_a_build_without_hooks_fails_with_one_line_per_missing_part(build_without_hooks):
    site = build_without_hooks
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file(), "the pages themselves built"
    result = site_check(site)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    expected = []
    for _, folder in EDITIONS.values():
        expected += [
            f"{site}/{folder}selbsttest/index.html: self-assessment: page missing",
            f"{site}/{folder}impressum/index.html: imprint: page missing",
        ]
        for box, page in legal_boxes():
            problem = "missing" if (site / folder / page).exists() else "page missing"  # the boxes on selbsttest/
            expected.append(f"{site}/{folder}{page}: legal box {box}: {problem}")
    assert sorted(lines) == sorted(expected)


def test_one_missing_box_or_model_is_named(tmp_path, site_dir):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    box, page = legal_boxes()[0]
    built = site / "en" / page
    html = built.read_text(encoding="utf-8")
    built.write_text(html.replace(f'id="legal-{box}"', 'id="other"'), encoding="utf-8")
    (site / "assets" / "selfcheck" / "model.json").unlink()  # the German edition's; en/ has its own
    lines = site_check(site).stderr.splitlines()
    assert lines == [
        f"{site}/selbsttest/index.html: self-assessment: its model ../assets/selfcheck/model.json is missing",
        f"{site}/en/{page}: legal box {box}: missing",
    ]
