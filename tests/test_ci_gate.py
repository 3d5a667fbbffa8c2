"""The gate of a plan repository is the same everywhere: the pre-commit hook and the
README's GitHub Actions workflow run one command with one strictness, the workflow is
valid as pasted, and the hook fires on every file the loader reads."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import check_jsonschema
import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def readme_workflow() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```yaml\n(name: samplan\n.*?)```", text, re.S)
    assert len(blocks) == 1, "the README shows one workflow"
    return str(blocks[0])


def workflow() -> dict[str, Any]:
    data = yaml.safe_load(readme_workflow())
    assert isinstance(data, dict)
    return data


def steps() -> list[dict[str, Any]]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def hook() -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert [h["id"] for h in hooks] == ["samplan-check"]
    return dict(hooks[0])


def test_the_workflow_is_valid_against_githubs_workflow_schema() -> None:
    vendor = Path(check_jsonschema.__file__).parent / "builtin_schemas" / "vendor"
    schema = json.loads((vendor / "github-workflows.json").read_text("utf-8"))
    # YAML 1.1 reads the key `on` as True; GitHub and the schema mean the text "on"
    data = {("on" if key is True else key): value for key, value in workflow().items()}
    jsonschema.validate(data, schema)


RUNS = [step["run"] for step in steps() if "run" in step]


@pytest.mark.parametrize("run", RUNS)
def test_every_run_step_is_valid_shell(run: str, tmp_path: Path) -> None:
    script = tmp_path / "step.sh"
    script.write_text(run, encoding="utf-8")
    done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_workflow_installs_checks_uploads_builds_and_deploys() -> None:
    data = workflow()
    runs = [step.get("run", "") for step in steps()]
    uses = [step.get("uses", "").split("@")[0] for step in steps()]
    assert any("pip install" in r and "$SAMPLAN_SOURCE" in r for r in runs)
    assert "git+https://" in data["env"]["SAMPLAN_SOURCE"]
    assert "github/codeql-action/upload-sarif" in uses
    assert any(r.startswith("samplan check") and "--format sarif" in r for r in runs)
    assert any(r.startswith("samplan build") for r in runs)
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    check, publish = data["jobs"]["check"], data["jobs"]["publish"]
    assert check["permissions"]["security-events"] == "write"
    assert publish["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert publish["needs"] == "check"


def test_the_hook_and_the_workflow_run_the_same_gate() -> None:
    gate = shlex.split(hook()["entry"])
    assert gate == ["samplan", "check", "--strict"]
    checks = [
        shlex.split(s["run"]) for s in steps() if s.get("run", "").startswith("samplan check")
    ]
    assert checks
    for words in checks:
        assert words[: len(gate)] == gate


@pytest.mark.parametrize(
    ("path", "fires"),
    [
        ("data/fyns-politi/2020/plan.yaml", True),
        ("data/fyns-politi/2020/plan.yml", True),
        ("data/fyns-politi/2020/plan.YAML", True),  # reported by the loader (SP019)
        ("data/fyns-politi/2020/plan.yaml~", True),
        ("samplan.yaml", True),
        ("README.md", False),
        ("templates/plan.html.j2", False),
    ],
)
def test_the_hook_fires_on_what_the_loader_reads(path: str, fires: bool) -> None:
    assert bool(re.search(hook()["files"], path)) is fires
