"""Matching the entities of two plans: one way, shared by `samplan diff` and rule SP115.

Entities are matched by id in one pass (a dictionary lookup each). What is left over on
both sides is searched for entities whose id changed but whose content is nearly the
same (`renames`, through an index): those are *renamed*, not removed and added.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from samplan.diff.fields import entity_fields
from samplan.diff.renames import Bag, pair_renamed
from samplan.model import Entity

T = TypeVar("T")


@dataclass
class Matching(Generic[T]):
    """How the items of an old and a new list correspond."""

    pairs: list[tuple[T, T]] = field(default_factory=list)
    renamed: list[tuple[T, T]] = field(default_factory=list)
    removed: list[T] = field(default_factory=list)
    added: list[T] = field(default_factory=list)
    _partner: dict[int, T] | None = field(default=None, repr=False, compare=False)

    def counterpart(self, new: T) -> T | None:
        """The old item matched to `new`, by id or as renamed."""
        if self._partner is None:
            self._partner = {id(b): a for a, b in (*self.pairs, *self.renamed)}
        return self._partner.get(id(new))


def match(
    old: Sequence[T],
    new: Sequence[T],
    key: Callable[[T], Hashable],
    signature: Callable[[T], str] | None = None,
    label: Callable[[T], str] | None = None,
) -> Matching[T]:
    """Match `old` to `new` by `key`; leftovers are paired when nearly the same.

    `signature` is the content an item is compared on when its key changed (without
    the title); `label` is its title, compared when the content is too short to tell.
    With a signature, leftovers whose keys differ only in a year ("handlingsplan-2019",
    "handlingsplan-2020") are the same item renamed, whatever their content.
    Items with the same key pair in order. The result lists keep document order.
    """
    result: Matching[T] = Matching()
    result.pairs, old_left, new_left = _by_key(old, new, key)
    if signature is not None and old_left and new_left:
        yearless, old_left, new_left = _by_key(old_left, new_left, lambda x: _yearless(key(x)))
        renamed = yearless + _pair_renamed(old_left, new_left, signature, label)
        place = {id(item): n for n, item in enumerate(new)}
        result.renamed = sorted(renamed, key=lambda pair: place[id(pair[1])])
    paired_old = {id(a) for a, _ in result.renamed}
    paired_new = {id(b) for _, b in result.renamed}
    result.removed = [item for item in old_left if id(item) not in paired_old]
    result.added = [item for item in new_left if id(item) not in paired_new]
    return result


def _by_key(
    old: Sequence[T], new: Sequence[T], key: Callable[[T], Hashable]
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pairs of equal key (in order), and what is left of `old` and of `new`."""
    waiting: dict[Hashable, deque[T]] = defaultdict(deque)
    for item in old:
        waiting[key(item)].append(item)
    pairs: list[tuple[T, T]] = []
    new_left: list[T] = []
    for item in new:
        queue = waiting.get(key(item))
        if queue:
            pairs.append((queue.popleft(), item))
        else:
            new_left.append(item)
    taken = {id(a) for a, _ in pairs}
    return pairs, [item for item in old if id(item) not in taken], new_left


YEAR = re.compile(r"(?<!\d)(19|20|21)\d\d(?!\d)")


def without_years(text: str) -> str:
    """A title or id with every year masked: what stays when only the year moved on."""
    return YEAR.sub("#", text)


def _yearless(key: Hashable) -> Hashable:
    """The key without its years; a key with no year is matched by nothing (a new object)."""
    if isinstance(key, str) and YEAR.search(key):
        return without_years(key)
    return object()


def _pair_renamed(
    old: list[T],
    new: list[T],
    signature: Callable[[T], str],
    label: Callable[[T], str] | None,
) -> list[tuple[T, T]]:
    """Leftovers paired as renamed, best first (`renames`)."""
    old_bags = [Bag(signature(x), label(x) if label else "") for x in old]
    new_bags = [Bag(signature(x), label(x) if label else "") for x in new]
    return [(old[i], new[j]) for i, j in pair_renamed(old_bags, new_bags)]


def content_signature(entity: BaseModel, skip: frozenset[str] = frozenset()) -> str:
    """The content of an entity as stable text, without id, title and `skip` fields."""
    data = entity.model_dump(mode="json", exclude_none=True, exclude={"id", "title", *skip})
    return _flatten(data)


def _flatten(value: Any) -> str:
    if isinstance(value, dict):
        return "\n".join(f"{k}: {_flatten(v)}" for k, v in sorted(value.items()))
    if isinstance(value, list):
        return "[" + "; ".join(_flatten(v) for v in value) + "]"
    return str(value)


def entity_key(entity: Entity) -> str:
    """What entities are matched on first: their id."""
    return entity.key


def signature(entity: Entity) -> str:
    """What an entity whose id changed is compared on: its content (sub-entities aside)."""
    return content_signature(entity, entity_fields(type(entity)))


def title(entity: Entity) -> str:
    """What entities with little content are compared on instead: their titles."""
    return entity.title
