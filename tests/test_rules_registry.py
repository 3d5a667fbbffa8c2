"""The registry, the documentation and the tests of the rules agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samplan.rules import RULES, UNUSED_SUPPRESSION

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def test_every_rule_has_a_stable_code_a_kebab_name_and_a_valid_severity() -> None:
    for code, rule in RULES.items():
        assert code == rule.CODE
        assert re.fullmatch(r"SP1\d\d", rule.CODE)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.NAME)
        assert rule.SEVERITY in ("error", "warning", "note", "off")  # off: opt-in
        assert 2007 <= rule.FIRST_YEAR <= 2100
    assert len({r.NAME for r in RULES.values()}) == len(RULES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_is_documented_with_source_year_and_examples(code: str) -> None:
    doc = RULES[code].__doc__ or ""
    for part in ("Source:", "First plan year:", "Passing::", "Failing::"):
        assert part in doc, f"{code} docstring lacks '{part}'"
    assert f"First plan year: {RULES[code].FIRST_YEAR}." in doc


def test_the_fixture_folders_are_exactly_the_rules() -> None:
    folders = sorted(p.name for p in (ROOT / "tests/rules").iterdir() if p.is_dir())
    assert folders == sorted([*RULES, UNUSED_SUPPRESSION[0]])


def test_the_readme_lists_every_rule() -> None:
    for code, rule in RULES.items():
        assert f"| {code} | {rule.NAME} |" in README
    assert f"| {UNUSED_SUPPRESSION[0]} | {UNUSED_SUPPRESSION[1]} |" in README


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_says_which_case_of_the_principle_it_covers(code: str) -> None:
    doc = RULES[code].__doc__ or ""
    covers = next((x for x in doc.splitlines() if x.startswith("Covers: ")), "")
    cases = ("states wrongly", "requires the plan itself to state", "good practice")
    assert any(case in covers for case in cases), f"{code} docstring lacks 'Covers: ...'"
    assert isinstance(RULES[code].WHOLE_PLAN, bool)
