"""Every text field of a plan with its path, for rules that read prose; and the plan's
prose read once for all of them (`prose`), each text with its whitespace-separated tokens."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from samplan.model import Plan
from samplan.plan_walk import entity_paths
from samplan.validation_errors import DataPath

TEXT_FIELDS = ("title", "text", "text_after", "description", "topic")


def text_fields(plan: Plan) -> Iterator[tuple[DataPath, str]]:
    """(path, text) of the plan's title and every entity's text fields, in document order."""
    yield ("title",), plan.title
    if plan.subtitle:
        yield ("subtitle",), plan.subtitle
    for _, path, entity in entity_paths(plan):
        values = vars(entity)  # the model's fields; getattr of a field a kind lacks is slow
        for field in TEXT_FIELDS:
            value = values.get(field)
            if isinstance(value, str) and value:
                yield (*path, field), value


class Prose(NamedTuple):
    """One text field: where it stands, its text, and its tokens (`text.split()` as a set,
    which the prose rules screen before they look at a text word by word)."""

    path: DataPath
    text: str
    tokens: frozenset[str]


def prose(plan: Plan) -> tuple[Prose, ...]:
    """Every text field of the plan (text_fields), each text split once: equal texts, such
    as a standard sentence under several bodies, share their tokens."""
    split: dict[str, frozenset[str]] = {}
    found = []
    for path, text in text_fields(plan):
        tokens = split.get(text)
        if tokens is None:
            tokens = split[text] = frozenset(text.split())
        found.append(Prose(path, text, tokens))
    return tuple(found)
