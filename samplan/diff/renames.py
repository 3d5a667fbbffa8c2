"""Renamed entities: leftovers of both plans paired when their content is nearly the same.

Two leftovers are one entity renamed when they share at least `RENAME_THRESHOLD` of
their words (weighted Jaccard); an entity with little content besides its title
(under `MIN_SIGNATURE` characters) is compared on its title, and only with an entity
of exactly the same content. Pairs are taken best first (ties in document order).

Scoring every leftover pair is quadratic. Instead, candidates are found through an
index, and the result is the same as scoring every pair:

* entities with the same content form one *class*, scored once against another class;
* two classes are scored only when they share one of their rarest words (prefix
  filtering: two word bags alike to 80 % must share a word among the rarest 20 % + 1
  of each), or, for short content, when the content is the same and the titles' lengths
  allow a close match;
* the best-first pairing walks the class pairs through a heap, each class pair offering
  its first free old and new entity, so that a class of many copies costs its members,
  not their product.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

# How alike two leftover entities must be to count as one entity renamed: the share of
# their words they have in common (titles, for entities with little content).
RENAME_THRESHOLD = 0.8
# Below this many characters of content besides the title, titles are compared instead.
MIN_SIGNATURE = 20


class Bag:
    """An entity's content as a bag of words: comparing two costs time linear in size."""

    def __init__(self, content: str, title: str) -> None:
        self.content = content
        self.title = title
        self.words = Counter(content.split())
        self.size = sum(self.words.values())
        self.short = len(content) < MIN_SIGNATURE

    def similarity(self, other: Bag) -> float:
        """Shared words over all words (weighted Jaccard); titles when content is short."""
        if self.short or other.short:
            if self.content != other.content or not (self.title and other.title):
                return 0.0
            return SequenceMatcher(None, self.title, other.title, autojunk=False).ratio()
        if min(self.size, other.size) < RENAME_THRESHOLD * max(self.size, other.size):
            return 0.0
        shared = sum((self.words & other.words).values())
        return shared / sum((self.words | other.words).values())

    def tokens(self) -> Iterator[tuple[str, int]]:
        """Each word once per occurrence: the bag as a set, for prefix filtering."""
        for word, count in self.words.items():
            for n in range(count):
                yield word, n

    @property
    def key(self) -> Hashable:
        """Entities with the same key score the same against any other."""
        return (self.content, self.title) if self.short else self.content


@dataclass
class _Class:
    """The leftovers of one side that have the same content, in document order."""

    bag: Bag
    members: list[int] = field(default_factory=list)
    next: int = 0  # members before this one are taken

    def first_free(self, taken: set[int]) -> int | None:
        while self.next < len(self.members) and self.members[self.next] in taken:
            self.next += 1
        return self.members[self.next] if self.next < len(self.members) else None


def pair_renamed(old: list[Bag], new: list[Bag]) -> list[tuple[int, int]]:
    """(old index, new index) of every pair taken, in new order."""
    old_classes, new_classes = _classes(old), _classes(new)
    heap: list[tuple[float, int, int, int, int]] = []
    for a, b in _candidates(old_classes, new_classes):
        score = old_classes[a].bag.similarity(new_classes[b].bag)
        if score >= RENAME_THRESHOLD:
            i, j = old_classes[a].members[0], new_classes[b].members[0]
            heap.append((-score, i, j, a, b))
    heapq.heapify(heap)
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs: list[tuple[int, int]] = []
    while heap:
        score, i, j, a, b = heapq.heappop(heap)
        free_i = old_classes[a].first_free(taken_old)
        free_j = new_classes[b].first_free(taken_new)
        if free_i is None or free_j is None:
            continue
        if (free_i, free_j) != (i, j):  # taken meanwhile: offer the next free pair
            heapq.heappush(heap, (score, free_i, free_j, a, b))
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs.append((i, j))
        heapq.heappush(heap, (score, i, j, a, b))  # revalidated on the next pop
    pairs.sort(key=lambda p: p[1])
    return pairs


def _classes(bags: list[Bag]) -> list[_Class]:
    by_key: dict[Hashable, _Class] = {}
    for index, bag in enumerate(bags):
        by_key.setdefault(bag.key, _Class(bag)).members.append(index)
    return list(by_key.values())


def _candidates(old: list[_Class], new: list[_Class]) -> Iterator[tuple[int, int]]:
    """Every class pair that could reach the threshold (and few others)."""
    yield from _short_candidates(old, new)
    yield from _long_candidates(old, new)


def _short_candidates(old: list[_Class], new: list[_Class]) -> Iterator[tuple[int, int]]:
    """Same short content, titles of lengths that a close match allows."""
    by_content: dict[str, list[int]] = defaultdict(list)
    for b, cls in enumerate(new):
        if cls.bag.short and cls.bag.title:
            by_content[cls.bag.content].append(b)
    for a, cls in enumerate(old):
        if not (cls.bag.short and cls.bag.title):
            continue
        for b in by_content.get(cls.bag.content, ()):
            la, lb = len(cls.bag.title), len(new[b].bag.title)
            if 2 * min(la, lb) >= RENAME_THRESHOLD * (la + lb):
                yield a, b


def _long_candidates(old: list[_Class], new: list[_Class]) -> Iterator[tuple[int, int]]:
    """Classes that share a word among the rarest of each (prefix filtering)."""
    frequency: Counter[tuple[str, int]] = Counter()
    for cls in (*old, *new):
        if not cls.bag.short:
            frequency.update(cls.bag.tokens())
    index: dict[tuple[str, int], list[int]] = defaultdict(list)
    for b, cls in enumerate(new):
        if not cls.bag.short:
            for token in _prefix(cls.bag, frequency):
                index[token].append(b)
    for a, cls in enumerate(old):
        if cls.bag.short:
            continue
        found = {b for token in _prefix(cls.bag, frequency) for b in index.get(token, ())}
        for b in sorted(found):
            yield a, b


def _prefix(bag: Bag, frequency: Counter[tuple[str, int]]) -> list[tuple[str, int]]:
    """The rarest words of a bag, as many as any bag alike to the threshold must share."""
    tokens = sorted(bag.tokens(), key=lambda t: (frequency[t], t))
    length = bag.size - math.floor(RENAME_THRESHOLD * bag.size) + 1
    return tokens[:length]
