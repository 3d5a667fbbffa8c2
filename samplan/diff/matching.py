"""Matching the entities of two plans: one way, shared by `samplan diff` and rule SP115.

Entities are matched by id in one pass (a dictionary lookup each). Only what is left
over on both sides is compared pairwise, for entities whose id changed but whose
content is nearly the same: those are *renamed*, not removed and added.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from samplan.diff.fields import entity_fields
from samplan.model import Entity

T = TypeVar("T")

# How alike two leftover entities must be to count as one entity renamed: the share of
# their words they have in common (titles, for entities with little content).
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
    old_bags = [_Bag(signature(x), label(x) if label else "") for x in old]
    new_bags = [_Bag(signature(x), label(x) if label else "") for x in new]
    crowded = len(old) * len(new) > MAX_PAIRS
    scored: list[tuple[float, int, int]] = []
    for i, a in enumerate(old_bags):
        for j, b in enumerate(new_bags):
            if crowded and a.size.bit_length() != b.size.bit_length():
                continue
            score = a.similarity(b)
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


class _Bag:
    """An entity's content as a bag of words: comparing two costs time linear in size."""

    def __init__(self, content: str, title: str) -> None:
        self.content = content
        self.title = title
        self.words = Counter(content.split())
        self.size = sum(self.words.values())

    def similarity(self, other: _Bag) -> float:
        """Shared words over all words (weighted Jaccard); titles when content is short."""
        if min(len(self.content), len(other.content)) < MIN_SIGNATURE:
            if self.content != other.content or not (self.title and other.title):
                return 0.0
            return SequenceMatcher(None, self.title, other.title, autojunk=False).ratio()
        if min(self.size, other.size) < RENAME_THRESHOLD * max(self.size, other.size):
            return 0.0
        shared = sum((self.words & other.words).values())
        return shared / sum((self.words | other.words).values())


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
