"""Every rule on its own fixtures: tests/rules/<CODE>/ holds a passing and a failing case
(`pass.yaml`/`fail.yaml`, or folders of one file per year), `fail.expected`, the exact
findings of that rule on the failing case, and `pass-absent.yaml`: a passing plan that
leaves out the key the rule looks at (an absent key means "the plan does not say"). More
`pass-*.yaml` cases may stand beside them. A new case is a new file, not new code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from samplan.check import check
from samplan.config import Config
from samplan.diagnostics import Diagnostic
from samplan.rules import RULES, UNUSED_SUPPRESSION
from samplan.yamlsource import read_yaml

CASES = Path(__file__).resolve().parent / "rules"
CODES = sorted([*RULES, UNUSED_SUPPRESSION[0]])
PASSING = sorted(
    (code, path.name.removesuffix(".yaml"))
    for code in CODES
    for path in (CASES / code).glob("pass*")
)


def plan_files(case: Path) -> list[Path]:
    return sorted(case.glob("*.yaml")) if case.is_dir() else [case]


def switched_on(code: str) -> Config:
    """The default settings, with an opt-in rule (default severity off) switched on."""
    rule = RULES.get(code)
    return Config({code: "note"}) if rule is not None and rule.SEVERITY == "off" else Config()


def run_case(case: Path, tmp_path: Path, config: Config | None = None) -> list[Diagnostic]:
    """Check the plans of a case in a repository of their own."""
    for source in plan_files(case):
        data = read_yaml(source.read_text("utf-8")).data
        target = tmp_path / "data" / data["district"] / data["year"] / "plan.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return check(tmp_path, tmp_path / "data", config or Config()).diagnostics


def line(diag: Diagnostic) -> str:
    return f"{diag.year} {diag.line}:{diag.column}: {diag.code} {diag.message}"


def case(code: str, name: str) -> Path:
    folder = CASES / code / name
    return folder if folder.is_dir() else folder.with_suffix(".yaml")


@pytest.mark.parametrize(("code", "name"), PASSING)
def test_passing_case_has_no_finding_at_all(code: str, name: str, tmp_path: Path) -> None:
    assert [line(x) for x in run_case(case(code, name), tmp_path, switched_on(code))] == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_a_passing_case_where_its_key_is_absent(code: str) -> None:
    assert case(code, "pass-absent").exists()


@pytest.mark.parametrize("code", CODES)
def test_failing_case_gives_exactly_the_expected_findings(code: str, tmp_path: Path) -> None:
    diagnostics = run_case(case(code, "fail"), tmp_path, switched_on(code))
    found = [line(x) for x in diagnostics if x.code == code]
    expected = (CASES / code / "fail.expected").read_text("utf-8").splitlines()
    assert found == expected
    assert found != []
