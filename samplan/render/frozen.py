"""What a template receives: data, not objects.

A repository's templates are untrusted code, so they never see a pydantic model, a
dataclass or any object with methods (pydantic's deprecated class methods `parse_file`
and `parse_raw` read any file and unpickle). `freeze` turns the page model into plain
read-only values: strings (a `Markup` string where samplan made the HTML itself, such
as the organisation chart), numbers, booleans, None, tuples and read-only mappings
(`types.MappingProxyType`), recursively. A model or dataclass becomes a mapping of its
fields and of the properties samplan defines on it (`key`, `heading_level`, `title`);
a date becomes its ISO text (`2020-01-01`, which the `danish_date` filter formats);
an enumeration its value. The sandbox (samplan.render.sandbox) reads a mapping's keys
as attributes (`page.plan.title`) and refuses every method.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

Frozen = str | int | float | bool | None | tuple[Any, ...] | MappingProxyType[str, Any]
PLAIN = (str, int, float, bool, type(None))


Memo = dict[int, tuple[Any, Frozen]]  # id -> (the object, kept alive so no id is reused; frozen)


def freeze(value: Any, memo: Memo | None = None) -> Frozen:
    """`value` as plain read-only data (see the module docstring). An object met twice
    (a chapter among a chapter's `items` and among its `children`) is frozen once and
    shared: without `memo` a tree reached two ways would cost 2^depth."""
    if isinstance(value, PLAIN):
        return value.value if isinstance(value, enum.Enum) else value
    memo = {} if memo is None else memo
    key = id(value)
    if key not in memo:
        memo[key] = (value, _freeze(value, memo))
    return memo[key][1]


def _freeze(value: Any, memo: Memo) -> Frozen:
    if isinstance(value, enum.Enum):
        return freeze(value.value, memo)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        return tuple(freeze(v, memo) for v in items)
    if isinstance(value, Mapping):
        return MappingProxyType({str(k): freeze(v, memo) for k, v in value.items()})
    if isinstance(value, BaseModel):
        fields = {name: getattr(value, name) for name in type(value).model_fields}
        return _record(value, fields, memo)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return _record(value, fields, memo)
    raise TypeError(f"a template cannot be given a {type(value).__name__}")


def _record(value: object, fields: dict[str, Any], memo: Memo) -> MappingProxyType[str, Any]:
    """A model's or dataclass's fields and samplan's own properties, frozen."""
    for name in _own_properties(type(value)):
        fields.setdefault(name, getattr(value, name))
    return MappingProxyType({name: freeze(v, memo) for name, v in fields.items()})


_PROPERTIES: dict[type, tuple[str, ...]] = {}  # a class -> its own properties, found once


def _own_properties(cls: type) -> tuple[str, ...]:
    """The properties samplan's classes define (not pydantic's own `model_extra`...)."""
    if cls not in _PROPERTIES:
        names: list[str] = []
        for klass in cls.__mro__:
            if klass.__module__.startswith("samplan."):
                names += [n for n, v in vars(klass).items() if isinstance(v, property)]
        _PROPERTIES[cls] = tuple(names)
    return _PROPERTIES[cls]


def freeze_context(memo: Memo | None = None, /, **context: Any) -> dict[str, Frozen]:
    """A template's context, every value frozen (what they share, frozen once); the
    contexts of one page's templates share a `memo`, so the page is frozen once."""
    memo = {} if memo is None else memo
    return {name: freeze(value, memo) for name, value in context.items()}
