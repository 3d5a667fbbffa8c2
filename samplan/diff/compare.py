"""The walk over two plans: plan fields first, then each part, entity by entity.

Bodies, fora, initiatives and sections are matched by id (`matching`), members and
representatives by who they are, dated meetings by date (`gatherings`). Reordering alone
is no change, and a part the new plan does not state at all (its key absent) is not
reported as removed.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from samplan.diff import wording
from samplan.diff.changes import Change, Kind, PlanDiff
from samplan.diff.fields import PROSE_FIELDS, model_fields
from samplan.diff.gatherings import meeting_dates, people
from samplan.diff.matching import entity_key, match, signature, title
from samplan.diff.values import comparable, show
from samplan.model import Entity, Gathering, Plan, walk_sections

PARTS: tuple[tuple[str, Kind], ...] = (
    ("bodies", "body"),
    ("fora", "forum"),
    ("initiatives", "initiative"),
)


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Every change from `old` to `new`, plan fields first, then each part in new order."""
    result = PlanDiff(new.district, old.year, new.year, old.title, new.title)
    result.changes += _plan_fields(old, new)
    for part, kind in PARTS:
        before: list[Entity] | None = getattr(old, part)
        after: list[Entity] | None = getattr(new, part)
        if after is None:  # the new plan does not state this part: nothing is removed
            continue
        result.changes += _entities(kind, before or [], after)
    if new.sections is not None:
        before_sections: list[Entity] = [s for s, _ in walk_sections(old.sections or [])]
        after_sections: list[Entity] = [s for s, _ in walk_sections(new.sections)]
        result.changes += _entities("section", before_sections, after_sections)
    return result


def _entities(kind: Kind, old: list[Entity], new: list[Entity]) -> Iterator[Change]:
    matching = match(old, new, key=entity_key, signature=signature, label=title)
    for item in new:
        partner = matching.counterpart(item)
        if partner is None:
            text = wording.added_sentence(kind, item.title)
            yield Change.whole("added", kind, item.key, item.title, text)
            continue
        if partner.key != item.key:
            yield _renamed(kind, partner, item)
        yield from _entity_fields(kind, partner, item, renamed=partner.key != item.key)
        if isinstance(partner, Gathering) and isinstance(item, Gathering):
            yield from people(partner, item)
            yield from meeting_dates(partner, item)
    for item in matching.removed:
        text = wording.removed_sentence(kind, item.title)
        yield Change.whole("removed", kind, item.key, item.title, text)


def _renamed(kind: Kind, old: Entity, new: Entity) -> Change:
    if old.title != new.title:
        text = wording.renamed_sentence(kind, old.title, new.title)
        return Change("renamed", kind, new.key, new.title, "title", old.title, new.title, text)
    text = wording.new_id_sentence(kind, new.title, old.key, new.key)
    return Change("renamed", kind, new.key, new.title, "id", old.key, new.key, text)


def _entity_fields(kind: Kind, old: Entity, new: Entity, renamed: bool) -> Iterator[Change]:
    """Field changes of a matched entity (its title aside when reported as renamed)."""
    skip = frozenset({"title"}) if renamed else frozenset()
    yield from _field_changes(kind, old, new, new.key, new.title, new.title, skip)


def _plan_fields(old: Plan, new: Plan) -> Iterator[Change]:
    """Field changes of the plan itself; a key the new plan leaves out is not stated."""
    absent = {name for name, value in model_fields(new) if value is None}
    skip = frozenset({"district", "year", *absent})
    yield from _field_changes("plan", old, new, None, new.title, "Planen", skip)


def _field_changes(
    kind: Kind,
    old: BaseModel,
    new: BaseModel,
    ident: str | None,
    title: str,
    subject: str,
    skip: frozenset[str],
) -> Iterator[Change]:
    before = dict(model_fields(old))
    for name, value in model_fields(new):
        previous = before.get(name)
        if name in skip or comparable(name, previous) == comparable(name, value):
            continue
        if name == "title":
            text = wording.renamed_sentence(kind, str(previous), str(value))
        else:
            text = wording.field_sentence(subject, name, previous, value)
        shown_before, shown_after = show(name, previous), show(name, value)
        prose = name in PROSE_FIELDS
        yield Change("changed", kind, ident, title, name, shown_before, shown_after, text, prose)
