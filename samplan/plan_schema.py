"""The JSON Schema of plan files, for editors: what `samplan schema` prints.

It is the plan model's schema made to judge a file as the editor sees it, the way the
loader does:

* a value is given as YAML 1.2 reads it (`title: 2025` is a number to the editor, text to
  samplan; `year: "2025"` a string to the editor, a number to samplan), so text also
  takes numbers and booleans, whole numbers also digit strings, yes/no the words
  samplan takes;
* no `null` branches (an editor answers them with "is not valid under any of the given
  schemas"), the district ids as an enum, a date as YYYY-MM-DD, a shorthand string
  (`include: fora`) only with the values the long form takes;
* every key described, from samplan.plan_keys (the same text as docs/plan-format.md).
"""

from __future__ import annotations

from typing import Any

from samplan import model
from samplan.plan_keys import KEYS
from samplan.registry import registry

SCHEMA_ID = "urn:samplan:schema:plan:1"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DIGITS = r"^[0-9]+$"
# The words pydantic reads as yes or no.
YES_NO = [True, False, "true", "false", "yes", "no", "on", "off", "t", "f", "y", "n", "1", "0"]


def plan_json_schema() -> dict[str, Any]:
    """The plan model's own JSON Schema of one plan file: any subset of the plan's
    top-level keys (what the rest of this module makes an editor's schema of)."""
    schema = model.Plan.model_json_schema()
    schema.pop("required", None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["description"] = (
        "One YAML file of a samplan plan folder. The files of a folder together must "
        "give district, year and title; a top-level key may stand in one file only."
    )
    return schema


def described(model_name: str, key: str) -> str | None:
    """The text of `key` of the model, from the model or a model it builds on."""
    cls = getattr(model, model_name, None)
    names = [c.__name__ for c in cls.__mro__] if isinstance(cls, type) else [model_name]
    for name in names:
        if key in KEYS.get(name, {}):
            return KEYS[name][key]
    return None


def _as_written(node: dict[str, Any]) -> dict[str, Any]:
    """A scalar node that takes what YAML 1.2 makes of the text samplan reads."""
    kind = node.get("type")
    if kind == "string" and "format" in node:
        return {**node, "pattern": DATE_PATTERN}
    if kind == "string" and "enum" not in node and "pattern" not in node:
        return {**node, "type": ["string", "number", "boolean"]}
    if kind == "integer":
        return {**node, "type": ["integer", "string"], "pattern": DIGITS}
    if kind == "boolean":
        rest = {k: v for k, v in node.items() if k not in ("type", "default")}
        return {**rest, "enum": YES_NO}
    return node


def _clean(node: Any) -> Any:
    """`node` without null branches and generated titles, its scalars as written."""
    if isinstance(node, list):
        return [_clean(x) for x in node]
    if not isinstance(node, dict):
        return node
    node = {
        k: v
        for k, v in node.items()
        if not (k == "title" and isinstance(v, str)) and not (k == "default" and v is None)
    }
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o != {"type": "null"}]
        rest = {k: v for k, v in node.items() if k != "anyOf"}
        node = {**options[0], **rest} if len(options) == 1 else {**rest, "anyOf": options}
    cleaned: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("properties", "$defs"):
            cleaned[key] = {name: _clean(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "anyOf", "oneOf"):
            cleaned["anyOf" if key == "oneOf" else key] = _clean(value)
        else:
            cleaned[key] = value
    return _as_written(cleaned)


def _object_of(node: dict[str, Any]) -> dict[str, Any] | None:
    """The mapping form of a node: itself, or its object branch."""
    if "properties" in node:
        return node
    return next((o for o in node.get("anyOf", []) if "properties" in o), None)


def _describe_keys(node: dict[str, Any], model_name: str) -> None:
    target = _object_of(node)
    if target is None:
        return
    for key, sub in target["properties"].items():
        text = described(model_name, key)
        if text is not None:
            sub["description"] = text
        if key == "meetings" and _object_of(sub) is not None:
            _describe_keys(sub, "Meetings")


def _shorthands(defs: dict[str, Any]) -> None:
    """A shorthand string takes what the long form's short field takes."""
    for name, node in defs.items():
        cls = getattr(model, name, None)
        short = getattr(cls, "_short_field", "") if isinstance(cls, type) else ""
        full = _object_of(node)
        if not short or full is None or "anyOf" not in node:
            continue
        field = {k: v for k, v in full["properties"][short].items() if k != "description"}
        node["anyOf"] = [field if o is not full else o for o in node["anyOf"]]


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of one plan file (any subset of the plan's top-level keys)."""
    schema: dict[str, Any] = _clean(plan_json_schema())
    defs: dict[str, Any] = schema.get("$defs", {})
    _shorthands(defs)
    person = _object_of(defs["Person"])
    if person is not None:  # the model's own rule: a name, a title or an organisation
        named = [k for k in ("name", "title", "organisation") if k in person["properties"]]
        person["anyOf"] = [{"required": [k]} for k in named]
    for name, node in defs.items():
        _describe_keys(node, name)
    _describe_keys(schema, "Plan")
    for node in defs.values():
        for meetings in _meetings_nodes(node):
            meetings["anyOf"][0]["maximum"] = 366
    district = schema["properties"]["district"]
    schema["properties"]["district"] = {
        "description": district.get("description", ""),
        "enum": sorted(registry().districts),
    }
    return {"$id": SCHEMA_ID, **schema}


def _meetings_nodes(node: dict[str, Any]) -> list[dict[str, Any]]:
    target = _object_of(node)
    if target is None or "meetings" not in target["properties"]:
        return []
    return [target["properties"]["meetings"]]


def keys_markdown() -> str:
    """The key reference of docs/plan-format.md, from the same texts as the schema."""
    lines: list[str] = []
    for group, keys in KEYS.items():
        lines += [f"#### `{group}`", "", "| key | what it holds |", "|---|---|"]
        lines += [f"| `{key}` | {text} |" for key, text in keys.items()]
        lines.append("")
    return "\n".join(lines)
