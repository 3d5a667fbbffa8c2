"""The editor's schema (`samplan schema`) and the loader judge plan files alike.

Every plan file of the fixtures that JSON Schema can judge (tests/rules, tests/hostile,
data/) is read as an editor reads it (YAML 1.2) and held against the schema, and read as
samplan reads it and held against the plan model and the registry: both accept it, or
both reject it. A file the schema cannot judge (YAML samplan refuses, a whole-plan
matter such as a key missing from every file) is left out, and the count of judged
files is held up so that the test cannot quietly judge nothing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from pydantic import ValidationError

from samplan.cli import main
from samplan.model import Plan
from samplan.plan_keys import KEYS
from samplan.plan_schema import SCHEMA_ID, described, keys_markdown, plan_schema
from samplan.registry import registry
from samplan.yamlsource import read_yaml

ROOT = Path(__file__).resolve().parent.parent
# Files the schema cannot judge, and why.
NOT_JUDGED = {
    "tests/hostile/yaml11-hex-year.yaml": "YAML 1.2 reads 0x7E4 as the number 2020, samplan "
    "the text as written; no schema sees the difference",
}
IDENTITY = {"district": "fyns-politi", "year": 2020, "title": "Plan"}  # the other files'


class EditorLoader(yaml.SafeLoader):
    """YAML 1.2's core schema, as yaml-language-server reads a file: no dates, no
    yes/no booleans, no sexagesimal numbers."""


EditorLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    EditorLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))


def plan_files() -> list[Path]:
    files = [
        *sorted((ROOT / "data").rglob("*.yaml")),
        *sorted((ROOT / "tests/rules").rglob("*.yaml")),
    ]
    files += sorted((ROOT / "tests/hostile").rglob("*.yaml"))
    return [f for f in files if f.is_file() and not f.is_symlink() and f.stat().st_size < 100_000]


def _without_nulls(data: Any) -> Any:
    """What the loader validates: an empty value is a key not given."""
    if isinstance(data, dict):
        return {k: _without_nulls(v) for k, v in data.items() if v is not None}
    if isinstance(data, list):
        return [_without_nulls(v) for v in data]
    return data


def loader_accepts(data: dict[str, Any]) -> bool:
    try:
        plan = Plan.model_validate({**IDENTITY, **_without_nulls(data)})
    except ValidationError:
        return False
    return registry().district(plan.district) is not None


def editor_view(text: str) -> Any:
    try:
        return yaml.load(text, Loader=EditorLoader)
    except (yaml.YAMLError, ValueError):  # a number too long for Python to convert
        return None


def judged() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(file, samplan's data, the editor's data) of every file JSON Schema can judge."""
    found = []
    for path in plan_files():
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        doc = read_yaml(text)
        if doc.problems or not isinstance(doc.data, dict):
            continue
        editor = editor_view(text)
        if not isinstance(editor, dict):
            continue
        name = str(path.relative_to(ROOT))
        if name not in NOT_JUDGED:
            found.append((name, doc.data, _without_nulls(editor)))
    return found


VALIDATOR = jsonschema.Draft202012Validator(
    plan_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def test_schema_and_loader_agree_on_every_fixture() -> None:
    cases = judged()
    assert len(cases) >= 60
    disagree = []
    for name, data, editor in cases:
        schema_ok = VALIDATOR.is_valid(editor)
        if schema_ok != loader_accepts(data):
            disagree.append(f"{name}: schema {'accepts' if schema_ok else 'rejects'}")
    assert disagree == []


BODY = "bodies:\n  - {title: K, kind: kredsråd, level: strategic, "


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("district: nordjylland\n", False),
        ("district: nordjyllands-politi\n", True),
        (
            BODY + "meeting_dates: [næste tirsdag]}\n",
            False,
        ),
        (
            BODY + "meeting_dates: [2025-03-04]}\n",
            True,
        ),
        ("sections:\n  - {title: Bilag, include: foraa}\n", False),
        ("sections:\n  - {title: Bilag, include: fora}\n", True),
        ('year: "2025"\n', True),
        ("year: 2025\n", True),
        ("year: tyve\n", False),
        ("title: 2025\n", True),
        ("title: no\n", True),
        ("fora:\n  - {title: SSP, meetings: '4'}\n", True),
        ("fora:\n  - {title: SSP, meetings: 400}\n", False),
        ("sections:\n  - {title: Forord, numbered: no}\n", True),
        ("sections:\n  - {title: Forord, numbered: måske}\n", False),
        (
            "bodies:\n  - {title: K, kind: kredsråd, level: strategic, agenda: [ungdomskrim]}\n",
            False,
        ),
        ("issued_by: politidirektør\n", True),
    ],
)
def test_the_disagreements_of_issue_15_are_gone(text: str, accepted: bool) -> None:
    data = read_yaml(text).data
    assert loader_accepts(data) is accepted
    assert VALIDATOR.is_valid(_without_nulls(editor_view(text))) is accepted


def _nodes(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        found.append(node)
        for key, value in node.items():
            if key in ("properties", "$defs"):
                for sub in value.values():
                    found += _nodes(sub)
            elif key in ("items", "additionalProperties", "anyOf"):
                found += _nodes(value)
    elif isinstance(node, list):
        for sub in node:
            found += _nodes(sub)
    return found


def test_every_key_of_the_schema_is_described() -> None:
    schema = plan_schema()
    undescribed = [
        key
        for node in _nodes(schema)
        for key, sub in node.get("properties", {}).items()
        if not sub.get("description")
    ]
    assert undescribed == [], "describe these keys in samplan/plan_keys.py"


def test_the_schema_has_an_id_no_null_branches_and_the_district_ids() -> None:
    schema = plan_schema()
    assert schema["$id"] == SCHEMA_ID
    assert '"null"' not in json.dumps(schema)
    assert schema["properties"]["district"]["enum"] == sorted(registry().districts)
    jsonschema.Draft202012Validator.check_schema(schema)


def test_no_described_key_is_stale() -> None:
    """Every text of plan_keys describes a key some model has."""
    schema = plan_schema()
    keys = {key for node in _nodes(schema) for key in node.get("properties", {})}
    for group, texts in KEYS.items():
        for key in texts:
            assert key in keys, f"{group}.{key} is described but no model has it"
    assert described("Body", "title") == KEYS["Entity"]["title"]


def test_docs_hold_the_key_reference_generated_from_the_same_texts() -> None:
    docs = (ROOT / "docs/plan-format.md").read_text("utf-8")
    start, end = "<!-- keys: generated from samplan/plan_keys.py -->", "<!-- keys: end -->"
    assert start in docs and end in docs
    held = docs.split(start, 1)[1].split(end, 1)[0].strip("\n")
    assert held == keys_markdown().strip("\n"), "run scripts/update_plan_docs.py"


def test_schema_command_prints_the_editor_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == plan_schema()
