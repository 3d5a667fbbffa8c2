"""The walk over two plans: plan fields first, then each part, entity by entity.

Bodies, fora, initiatives and sections (at any depth) are matched by id (`matching`),
members and representatives by who they are, dated meetings by date (`gatherings`).
Reordering alone is no change, a part the new plan does not state at all (its key
absent) is not reported as removed, a title that changed only in its year is no change,
and a change every entity of a part shares is one change (`folding`).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from samplan.diff import wording
from samplan.diff.changes import Change, Kind, PlanDiff
from samplan.diff.fields import (
    PROSE_FIELDS,
    differing_fields,
    equal,
    model_fields,
    sub_entities,
)
from samplan.diff.folding import fold_shared
from samplan.diff.gatherings import meeting_dates, people
from samplan.diff.matching import entity_key, match, signature, title
from samplan.diff.values import comparable, data, show
from samplan.model import Entity, Gathering, Plan

PARTS: tuple[tuple[str, Kind], ...] = (
    ("bodies", "body"),
    ("fora", "forum"),
    ("initiatives", "initiative"),
    ("sections", "section"),
)


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Every change from `old` to `new`, plan fields first, then each part in new order."""
    result = PlanDiff(new.district, old.year, new.year, old.title, new.title)
    result.changes += _plan_fields(old, new)
    for part, kind in PARTS:
        after: list[Entity] | None = getattr(new, part)
        if after is None:  # the new plan does not state this part: nothing is removed
            continue
        before: list[Entity] = getattr(old, part) or []
        result.changes += _part(kind, _walk(before), _walk(after), new.year)
    return result


def _walk(entities: list[Entity]) -> list[Entity]:
    """A part's entities and those they hold, depth first: moving one is no change."""
    found: list[Entity] = []
    for entity in entities:
        found.append(entity)
        found += sub_entities(entity)
    return found


def _part(kind: Kind, old: list[Entity], new: list[Entity], year: int) -> list[Change]:
    matching = match(old, new, key=entity_key, signature=signature, label=title)
    changes: list[Change] = []
    for item in new:
        partner = matching.counterpart(item)
        if partner is None:
            text = wording.added_sentence(kind, item.title)
            changes.append(Change.whole("added", kind, item.key, item.title, text))
            continue
        changes += _matched(kind, partner, item, year)
    for item in matching.removed:
        text = wording.removed_sentence(kind, item.title)
        changes.append(Change.whole("removed", kind, item.key, item.title, text))
    matched = [b for _, b in (*matching.pairs, *matching.renamed)]
    return fold_shared(kind, changes, matched)


def _matched(kind: Kind, old: Entity, new: Entity, year: int) -> Iterator[Change]:
    """The changes of one entity found in both plans."""
    if equal(old, new):  # the same id and fields, the same people and meetings: no change
        return
    renamed = old.key != new.key
    if renamed and not wording.only_the_year_differs(old.title, new.title):
        yield _renamed(kind, old, new)
    skip = frozenset({"title"}) if renamed else frozenset()
    subject = wording.quoted(new.title)
    yield from _field_changes(kind, old, new, (new.key, new.title, subject), skip)
    if isinstance(old, Gathering) and isinstance(new, Gathering):
        yield from people(old, new)
        yield from meeting_dates(old, new, year)


def _renamed(kind: Kind, old: Entity, new: Entity) -> Change:
    if old.title != new.title:
        text = wording.renamed_sentence(kind, old.title, new.title)
        values = (old.title, new.title, text, old.title, new.title)
        return Change("renamed", kind, new.key, new.title, "title", *values)
    text = wording.new_id_sentence(kind, new.title, old.key, new.key)
    return Change(
        "renamed", kind, new.key, new.title, "id", old.key, new.key, text, old.key, new.key
    )


def _plan_fields(old: Plan, new: Plan) -> Iterator[Change]:
    """Field changes of the plan itself; a key the new plan leaves out is not stated."""
    absent = {name for name, value in model_fields(new) if value is None}
    skip = frozenset({"district", "year", *absent})
    yield from _field_changes("plan", old, new, (None, new.title, "Planen"), skip)


def _field_changes(
    kind: Kind,
    old: BaseModel,
    new: BaseModel,
    about: tuple[str | None, str, str],
    skip: frozenset[str],
) -> Iterator[Change]:
    """Each field whose value differs; `about` is the (id, title, subject) of `new`."""
    ident, shown_title, subject = about
    differing = differing_fields(old, new)  # equal values are never a change
    if not differing:
        return
    before, after = dict(model_fields(old, differing)), dict(model_fields(new, differing))
    for name in [*after, *(n for n in before if n not in after)]:
        previous, value = before.get(name), after.get(name)
        if name in skip or name.partition(".")[0] in skip:  # a skipped value, or its part
            continue
        if comparable(name, previous) == comparable(name, value):
            continue
        if name == "title":
            if wording.only_the_year_differs(str(previous), str(value)):
                continue
            text = wording.retitled_sentence(kind, str(previous), str(value))
        else:
            text = wording.field_sentence(subject, name, previous, value)
        yield Change(
            "changed",
            kind,
            ident,
            shown_title,
            name,
            data(previous),
            data(value),
            text,
            old_text=show(name, previous),
            new_text=show(name, value),
            prose=name in PROSE_FIELDS,
        )
