"""Turn pydantic's validation errors into plain messages located in the plan data."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, NamedTuple

from pydantic import BaseModel

from samplan.diagnostics import INVALID_VALUE, MISSING_KEY, UNKNOWN_KEY, Code, shown
from samplan.locale import N_, t
from samplan.model import Plan

DataPath = tuple[str | int, ...]


class Problem(NamedTuple):  # a named tuple: cheaper to define than a frozen dataclass
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


def fields_at(path: DataPath, root: type[BaseModel] = Plan) -> list[str]:
    """The keys the model `root` (the plan) allows in the mapping at `path`."""
    model: type[BaseModel] | None = root
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        model = _model_of(field.annotation) if field else None
    return list(model.model_fields) if model else []


def describe(path: DataPath, data: Any, whole: str = N_("where.plan")) -> str:
    """'bodies[0] (Kredsrådet)' for a path, naming the nearest titled entity; the
    message `whole` names the root."""
    if not path:
        return t(whole)
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
        return t("value.nothing")
    if isinstance(value, dict):
        return t("value.a-mapping")
    if isinstance(value, list):
        return t("value.a-list")
    return shown(value)


def _did_you_mean(word: str, options: list[str]) -> str | None:
    import difflib  # only for a plan with an error

    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return t("did-you-mean", word=close[0]) if close else None


# pydantic error types by the message that explains them (with {value}, {length}, {limit})
_MESSAGE_OF_TYPE = {
    **dict.fromkeys(
        ("int_parsing", "int_type", "int_from_float", "int_parsing_size"), N_("value.number")
    ),
    "string_type": N_("value.text"),
    "list_type": N_("value.list"),
    **dict.fromkeys(("model_type", "dict_type", "model_attributes_type"), N_("value.mapping")),
    **dict.fromkeys(("bool_parsing", "bool_type"), N_("value.yes-no")),
    "string_too_short": N_("value.empty"),
    "greater_than_equal": N_("value.too-small"),
    "less_than_equal": N_("value.too-large"),
}
# What to do, where the message alone does not say it.
_HELP_OF_TYPE = {"list_type": N_("value.list.help"), "string_too_short": N_("value.empty.help")}
# The plan model's own value errors, by their text.
_MODEL_ERRORS = {
    "a person needs a name or a title": N_("value.person-unnamed"),
    "a person needs a name, a title or an organisation": N_("value.person-unnamed"),
    "give a number of meetings a year, a range or a keyword": N_("value.meetings-form"),
    "give either a count (min/max) or a keyword, not both or neither": N_("value.meetings-both"),
}


def _value_message(err: dict[str, Any]) -> tuple[str, str | None]:
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    if value is None and kind in ("string_type", "int_type", "date_type", "model_type"):
        return t("value.required"), t("value.required.help")
    if kind.startswith("date") or kind.startswith("datetime"):
        return t("value.date", value=_kind(value)), t("value.date.help")
    if kind == "fact_not_a_date":
        return t("value.date-or-yes", value=_kind(value)), t("value.date.help")
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        hint = _did_you_mean(str(value), allowed)
        return (
            t("value.not-allowed", value=_kind(value)),
            hint or t("value.not-allowed.help", allowed=", ".join(allowed)),
        )
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return t("value.too-long", length=len(str(value)), limit=limit), None
    if kind == "string_pattern_mismatch":
        if "https" in str(ctx.get("pattern", "")):
            return t("value.not-a-url", value=_kind(value)), t("value.not-a-url.help")
        return t("value.not-an-id", value=_kind(value)), t("value.not-an-id.help")
    if kind in _MESSAGE_OF_TYPE:
        limit = ctx.get("ge", ctx.get("le"))
        hint = t(_HELP_OF_TYPE[kind]) if kind in _HELP_OF_TYPE else None
        return t(_MESSAGE_OF_TYPE[kind], value=_kind(value), limit=limit), hint
    message = str(err["msg"]).removeprefix("Value error, ")
    if message in _MODEL_ERRORS:
        return t(_MODEL_ERRORS[message]), None
    numbers = re.fullmatch(r"min \((\d+)\) is larger than max \((\d+)\)", message)
    if numbers:
        return t("value.meetings-range", min=numbers[1], max=numbers[2]), None
    if "is not a meeting frequency" in message:
        keywords = message.rpartition("one of: ")[2]
        return t("value.meetings-word", value=_kind(value), keywords=keywords), None
    return t("value.other", detail=message[:1].lower() + message[1:]), None


def problems(
    errors: list[dict[str, Any]], data: Any, root: type[BaseModel] = Plan
) -> list[Problem]:
    """One Problem per pydantic error, located in the data of model `root` (the plan)."""
    whole = N_("where.plan") if root is Plan else N_("where.settings")
    found: list[Problem] = []
    for err in errors:
        loc = tuple(err["loc"])
        path = trim(loc, data)
        if err["type"] == "extra_forbidden":
            parent, key = path[:-1], str(path[-1]) if path else ""
            message = t("key.unknown", key=shown(key), where=describe(parent, data, whole))
            hint = _did_you_mean(key, fields_at(parent, root))
            found.append(Problem(UNKNOWN_KEY, message, path, True, hint))
        elif err["type"] == "missing":
            key = str(loc[-1])
            message = t("key.missing", key=key, where=describe(path, data, whole))
            found.append(Problem(MISSING_KEY, message, path, False, t("key.missing.help", key=key)))
        else:
            message, hint = _value_message(err)
            where = describe(path, data, whole)
            found.append(
                Problem(
                    INVALID_VALUE, t("value.at", where=where, message=message), path, False, hint
                )
            )
    return found
