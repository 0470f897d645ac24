"""A broken questionnaire stops `mkdocs build` with one clear line naming the file (the loader's
other errors are checked through `python -m quiz check` in tests/unit/test_quiz_definition.py)."""

from __future__ import annotations

import yaml

from quiz import definitions
from scripts.editions import build_edition

from conftest import copy_project

V1 = definitions()[0]


def test_mkdocs_build_fails_on_a_link_to_no_page(tmp_path):
    project = copy_project(tmp_path)
    data = yaml.safe_load(V1.read_text(encoding="utf-8"))
    data["topics"][0]["recommendation"]["link"] = "leitfaden/gibtsnicht.md"
    (project / "quiz" / "questionnaires" / "v1.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    result = build_edition(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors and "quiz/questionnaires/v1.yml" in errors[0], result.stderr
    assert "points to no page" in errors[0], errors[0]
