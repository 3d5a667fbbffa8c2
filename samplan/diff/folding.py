"""A change that every entity of a part shares, folded into one line.

When a plan drops its grouping of initiatives, each initiative's category is no longer
given: that is one change of the plan, said once ("Alle 6 initiativer: kategori ikke
længere angivet"), not six lines. The folded change names the entities in `ids`.
"""

from __future__ import annotations

import json

from samplan.diff import wording
from samplan.diff.changes import Change, Kind


def fold_shared(kind: Kind, changes: list[Change], matched: int) -> list[Change]:
    """Fold each field change found, with the same new value, on all `matched` entities."""
    if matched < 2:
        return changes
    groups: dict[tuple[str, str], list[int]] = {}
    for index, change in enumerate(changes):
        if change.change == "changed" and change.kind == kind and change.field != "title":
            key = (str(change.field), _data_key(change.new))
            groups.setdefault(key, []).append(index)
    folded: dict[int, Change] = {}
    dropped: set[int] = set()
    for indexes in groups.values():
        if len(indexes) == matched:
            folded[indexes[0]] = _one_line(kind, [changes[i] for i in indexes])
            dropped.update(indexes[1:])
    return [folded.get(i, c) for i, c in enumerate(changes) if i not in dropped]


def _data_key(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _one_line(kind: Kind, members: list[Change]) -> Change:
    first = members[0]
    field = str(first.field)
    same_before = len({_data_key(m.old) for m in members}) == 1
    subject = wording.shared_subject(kind, len(members))
    if same_before:  # every line said the same after its subject: say it once
        rest = first.text.removeprefix(f"{wording.quoted(str(first.title))}: ")
        text = f"{subject}: {rest}"
    else:
        text = wording.shared_sentence(kind, len(members), field, first.new_text)
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
