"""Turn pydantic's validation errors into plain messages located in the plan data."""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from samplan.diagnostics import INVALID_VALUE, MISSING_KEY, UNKNOWN_KEY, Code, shown
from samplan.model import Plan

DataPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """A validation problem: what, where in the data, and whether to point at the key."""

    code: Code
    message: str
    path: DataPath
    at_key: bool
    help: str | None = None


def trim(loc: tuple[Any, ...], data: Any) -> DataPath:
    """The longest prefix of a pydantic location that exists in the data."""
    kept: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(part, str) and part.startswith("<"):
            continue  # the tag of a union's branch (samplan.plan_facts), not a key
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif _item(node, part) is not None:
            node = _item(node, part)
        else:
            break
        kept.append(part)
    return tuple(kept)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def fields_at(path: DataPath) -> list[str]:
    """The keys the plan format allows in the mapping at `path`."""
    model: type[BaseModel] | None = Plan
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        model = _model_of(field.annotation) if field else None
    return list(model.model_fields) if model else []


def describe(path: DataPath, data: Any) -> str:
    """'bodies[0] (Kredsrådet)' for a path, naming the nearest titled entity."""
    if not path:
        return "the plan"
    text, title, node = "", None, data
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        node = node.get(part) if isinstance(node, dict) else _item(node, part)
        if isinstance(node, dict) and isinstance(node.get("title"), str):
            title = node["title"]
    return f"{text} ({shown(title, quote='')})" if title else text


def _item(node: Any, part: str | int) -> Any:
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return shown(value)


def _did_you_mean(word: str, options: list[str]) -> str | None:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def _value_message(err: dict[str, Any]) -> tuple[str, str | None]:
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    if value is None and kind in ("string_type", "int_type", "date_type", "model_type"):
        return "a value is required here", "write a value or remove the key"
    if kind in ("int_parsing", "int_type", "int_from_float", "int_parsing_size"):
        return f"expected a whole number, got {_kind(value)}", None
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"expected a date, got {_kind(value)}", "write dates as YYYY-MM-DD, e.g. 2020-01-01"
    if kind in ("string_type",):
        return f"expected text, got {_kind(value)}", None
    if kind == "list_type":
        return (
            f"expected a list, got {_kind(value)}",
            "write each item on a line starting with '- '",
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of keys, got {_kind(value)}", None
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        hint = _did_you_mean(str(value), allowed)
        return (
            f"{_kind(value)} is not an allowed value",
            hint or f"use one of: {', '.join(allowed)}",
        )
    if kind == "bool_parsing":
        return f"expected yes or no, got {_kind(value)}", None
    if kind == "string_too_long":
        return (
            f"text is too long ({len(str(value))} characters, at most {ctx.get('max_length')})",
            None,
        )
    if kind == "string_too_short":
        return "text is empty", "write the text or remove the key"
    if kind == "string_pattern_mismatch":
        if "https" in str(ctx.get("pattern", "")):
            return f"{_kind(value)} is not a web address", "write a full address: https://..."
        return (
            f"{_kind(value)} is not a valid id",
            "ids are lower-case a-z, digits and '-': kredsraad",
        )
    message = str(err["msg"]).removeprefix("Value error, ")
    return message[:1].lower() + message[1:], None


def problems(errors: list[dict[str, Any]], data: Any) -> list[Problem]:
    """One Problem per pydantic error, located in the merged plan data."""
    found: list[Problem] = []
    for err in errors:
        loc = tuple(err["loc"])
        path = trim(loc, data)
        if err["type"] == "extra_forbidden":
            parent, key = path[:-1], str(path[-1]) if path else ""
            message = f"unknown key {shown(key)} in {describe(parent, data)}"
            hint = _did_you_mean(key, fields_at(parent))
            found.append(Problem(UNKNOWN_KEY, message, path, True, hint))
        elif err["type"] == "missing":
            key = str(loc[-1])
            message = f"missing required key '{key}' in {describe(path, data)}"
            found.append(Problem(MISSING_KEY, message, path, False, f"add '{key}: ...'"))
        else:
            message, hint = _value_message(err)
            where = describe(path, data)
            found.append(Problem(INVALID_VALUE, f"{where}: {message}", path, False, hint))
    return found
