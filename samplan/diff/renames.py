"""Renamed entities: leftovers of both plans paired when their content is nearly the same.

Two leftovers are one entity renamed when they share at least `RENAME_THRESHOLD` of
their words (weighted Jaccard); an entity with little content besides its title
(under `MIN_SIGNATURE` characters) is compared on its title, and only with an entity
of exactly the same content. Pairs are taken best first (ties in document order).

Scoring every leftover pair is quadratic. Instead, candidates are found through an
index, and the result is the same as scoring every pair (a property test compares them):

* entities with the same content form one *class*, scored once against another class;
* two classes are scored only when they share one of their rarest tokens (prefix
  filtering): words for content (two bags alike to 80 % share a word among the rarest
  20 % + 1 of each), the title's characters for short content (titles alike to 80 %
  share two thirds of the shorter one's characters), tied to that content;
* a title pair is bounded by its lengths and shared characters before it is scored;
* the best-first pairing walks the class pairs through a heap, each class pair offering
  its first free old and new entity, so that a class of many copies costs its members,
  not their product.

Titles are short and made of few letters, so many title-only leftovers with the same
content are still compared among themselves (cheaply, through the bounds).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property

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
        """Shared words over all words (weighted Jaccard); titles when content is short.

        A score under the threshold may be given as 0: it is never used.
        """
        if self.short or other.short:
            if self.content != other.content or not (self.title and other.title):
                return 0.0
            return self._title_similarity(other)
        if min(self.size, other.size) < RENAME_THRESHOLD * max(self.size, other.size):
            return 0.0
        shared = sum((self.words & other.words).values())
        return shared / sum((self.words | other.words).values())

    def _title_similarity(self, other: Bag) -> float:
        """SequenceMatcher's ratio of the titles; 0 as soon as a bound says it is too low."""
        total = len(self.title) + len(other.title)
        if 2 * min(len(self.title), len(other.title)) < RENAME_THRESHOLD * total:
            return 0.0
        shared = sum((self.letters & other.letters).values())
        if 2 * shared < RENAME_THRESHOLD * total:
            return 0.0
        return SequenceMatcher(None, self.title, other.title, autojunk=False).ratio()

    @cached_property
    def letters(self) -> Counter[str]:
        return Counter(self.title)

    def tokens(self) -> list[Hashable]:
        """Each word once per occurrence: the bag as a set, for prefix filtering."""
        return [(word, n) for word, count in self.words.items() for n in range(count)]

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
    long_old = {a: cls.bag.tokens() for a, cls in enumerate(old) if not cls.bag.short}
    long_new = {b: cls.bag.tokens() for b, cls in enumerate(new) if not cls.bag.short}
    yield from _prefix_join(long_old, long_new, RENAME_THRESHOLD)
    # Titles alike to the threshold share that many characters over the two lengths,
    # so at least RENAME_THRESHOLD / (2 - RENAME_THRESHOLD) of the shorter title's.
    short_old = {a: _title_tokens(cls.bag) for a, cls in enumerate(old) if _titled(cls.bag)}
    short_new = {b: _title_tokens(cls.bag) for b, cls in enumerate(new) if _titled(cls.bag)}
    yield from _prefix_join(short_old, short_new, RENAME_THRESHOLD / (2 - RENAME_THRESHOLD))


def _titled(bag: Bag) -> bool:
    return bag.short and bool(bag.title)


def _title_tokens(bag: Bag) -> list[Hashable]:
    """The title's characters, each once per occurrence, tied to the content: entities
    with short content are alike only when that content is the same."""
    seen: Counter[str] = Counter()
    tokens: list[Hashable] = []
    for char in bag.title:
        tokens.append((bag.content, char, seen[char]))
        seen[char] += 1
    return tokens


def _prefix_join(
    old: dict[int, list[Hashable]], new: dict[int, list[Hashable]], share: float
) -> Iterator[tuple[int, int]]:
    """Pairs of token sets that may have `share` of the larger set in common.

    Prefix filtering: order every token by rarity; two sets that have at least
    `share` x |set| tokens in common for both sets share a token among the first
    |set| - floor(share x |set|) + 1 of each. Only those are paired.
    """
    frequency: Counter[Hashable] = Counter()
    for tokens in (*old.values(), *new.values()):
        frequency.update(tokens)

    def prefix(tokens: list[Hashable]) -> list[Hashable]:
        ordered = sorted(tokens, key=lambda t: (frequency[t], repr(t)))
        return ordered[: len(tokens) - math.floor(share * len(tokens)) + 1]

    index: dict[Hashable, list[int]] = defaultdict(list)
    for b, tokens in new.items():
        for token in prefix(tokens):
            index[token].append(b)
    for a, tokens in old.items():
        for b in sorted({b for token in prefix(tokens) for b in index.get(token, ())}):
            yield a, b
