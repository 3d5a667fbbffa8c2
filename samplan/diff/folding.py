"""A change that every entity of a part shares, folded into one line.

When a plan drops its grouping of initiatives, each initiative's category is no longer
given: that is one change of the plan, said once ("Alle 6 initiativer: kategori ikke
længere angivet"), not six lines. A field change folds when at least two entities made
it and every entity found in both plans now has the same value (those that had it
already did not change: "27 initiativer: ..."). The folded change names them in `ids`.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from samplan.diff import wording
from samplan.diff.changes import Change, Kind
from samplan.diff.fields import model_fields
from samplan.diff.values import data
from samplan.model import Entity


def fold_shared(kind: Kind, changes: list[Change], matched: list[Entity]) -> list[Change]:
    """Fold each field change that brought all `matched` entities to one value."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, change in enumerate(changes):
        if change.change == "changed" and change.kind == kind and change.field != "title":
            key = (str(change.field), _data_key(change.new))
            groups.setdefault(key, []).append(index)
    shared = [key for key, indexes in groups.items() if len(indexes) >= 2]
    if not shared:
        return changes
    states = _states(matched, {name for name, _ in shared})
    folded: dict[int, Change] = {}
    dropped: set[int] = set()
    for name, value in shared:
        if states[name][value] == len(matched):
            indexes = groups[name, value]
            members = [changes[i] for i in indexes]
            folded[indexes[0]] = _one_line(kind, members, len(members) == len(matched))
            dropped.update(indexes[1:])
    return [folded.get(i, c) for i, c in enumerate(changes) if i not in dropped]


def _states(entities: list[Entity], names: set[str]) -> dict[str, Counter[str]]:
    """How many entities hold each value of each named field, now."""
    states: dict[str, Counter[str]] = {name: Counter() for name in names}
    for entity in entities:
        values: dict[str, Any] = {}
        if any("." in name for name in names):  # a part of a model value: spread them
            values = dict(model_fields(entity))
        for name in names:
            value = values.get(name) if "." in name else getattr(entity, name, None)
            states[name][_data_key(data(value))] += 1
    return states


def _data_key(value: object) -> str:
    """Equal for equal data: text as itself (no JSON starts with '"' but a string's)."""
    if isinstance(value, str):
        return f'"{value}'
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _one_line(kind: Kind, members: list[Change], every: bool) -> Change:
    first = members[0]
    field = str(first.field)
    same_before = len({_data_key(m.old) for m in members}) == 1
    subject = wording.shared_subject(kind, len(members), every)
    if same_before:  # every line said the same after its subject: say it once
        rest = first.text.removeprefix(f"{wording.quoted(str(first.title))}: ")
        text = f"{subject}: {rest}"
    else:
        text = wording.shared_sentence(subject, field, first.new_text)
    return Change(
        "changed",
        kind,
        None,
        None,
        field,
        first.old if same_before else None,
        first.new,
        text,
        old_text=first.old_text if same_before else None,
        new_text=first.new_text,
        prose=first.prose and same_before,
        ids=tuple(str(m.id) for m in members),
    )
