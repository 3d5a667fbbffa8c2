"""Matching the entities of two plans: one way, shared by `samplan diff` and rule SP115.

Entities are matched by id in one pass (a dictionary lookup each). Only what is left
over on both sides is compared pairwise, for entities whose id changed but whose
content is nearly the same: those are *renamed*, not removed and added.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from samplan.model import Entity

T = TypeVar("T")

# How alike two leftover entities must be to count as one entity renamed.
RENAME_THRESHOLD = 0.8
# Below this many characters of content besides the title, titles are compared instead.
MIN_SIGNATURE = 20
# Pairwise comparison is quadratic: beyond this many pairs, only likely pairs (same
# length class) are compared, so that a plan rewritten from scratch stays fast.
MAX_PAIRS = 250_000


@dataclass
class Matching(Generic[T]):
    """How the items of an old and a new list correspond."""

    pairs: list[tuple[T, T]] = field(default_factory=list)
    renamed: list[tuple[T, T]] = field(default_factory=list)
    removed: list[T] = field(default_factory=list)
    added: list[T] = field(default_factory=list)

    def counterpart(self, new: T) -> T | None:
        """The old item matched to `new`, by id or as renamed."""
        for old, candidate in (*self.pairs, *self.renamed):
            if candidate is new:
                return old
        return None


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
    Items with the same key pair in order. The result lists keep document order.
    """
    result: Matching[T] = Matching()
    waiting: dict[Hashable, deque[T]] = defaultdict(deque)
    for item in old:
        waiting[key(item)].append(item)
    matched_old: set[int] = set()
    unmatched_new: list[T] = []
    for item in new:
        queue = waiting.get(key(item))
        if queue:
            partner = queue.popleft()
            result.pairs.append((partner, item))
            matched_old.add(id(partner))
        else:
            unmatched_new.append(item)
    unmatched_old = [item for item in old if id(item) not in matched_old]
    if signature is not None and unmatched_old and unmatched_new:
        result.renamed = _pair_renamed(unmatched_old, unmatched_new, signature, label)
    paired_old = {id(a) for a, _ in result.renamed}
    paired_new = {id(b) for _, b in result.renamed}
    result.removed = [item for item in unmatched_old if id(item) not in paired_old]
    result.added = [item for item in unmatched_new if id(item) not in paired_new]
    return result


def _pair_renamed(
    old: list[T],
    new: list[T],
    signature: Callable[[T], str],
    label: Callable[[T], str] | None,
) -> list[tuple[T, T]]:
    """Greedy best-first pairing of leftovers whose similarity reaches the threshold."""
    old_sig = [signature(x) for x in old]
    new_sig = [signature(x) for x in new]
    crowded = len(old) * len(new) > MAX_PAIRS
    scored: list[tuple[float, int, int]] = []
    for i, a in enumerate(old_sig):
        for j, b in enumerate(new_sig):
            if crowded and len(a).bit_length() != len(b).bit_length():
                continue
            score = _similarity(a, b, old[i], new[j], label)
            if score >= RENAME_THRESHOLD:
                scored.append((-score, i, j))
    scored.sort()
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in scored:
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs.append((i, j))
    pairs.sort(key=lambda p: p[1])
    return [(old[i], new[j]) for i, j in pairs]


def _similarity(a: str, b: str, x: T, y: T, label: Callable[[T], str] | None) -> float:
    if min(len(a), len(b)) < MIN_SIGNATURE:
        if a != b or label is None:
            return 0.0
        a, b = label(x), label(y)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < RENAME_THRESHOLD or matcher.quick_ratio() < RENAME_THRESHOLD:
        return 0.0
    return matcher.ratio()


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
    """What an entity whose id changed is compared on: its content (sections aside)."""
    return content_signature(entity, frozenset({"sections"}))


def title(entity: Entity) -> str:
    """What entities with little content are compared on instead: their titles."""
    return entity.title
