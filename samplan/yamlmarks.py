"""Where the keys and values of a YAML file stand: marks, problems at a mark, and the
marks of a whole file by path.

A 2 MB plan has some 76,000 keys and values, and a check looks up the marks of a few of
them (those of its findings). So the reader keeps each mark as one int (`pack`: line,
column and width) in a tree shaped like the data, with no path built for any node, and a
`Mark` is made only when one is looked up. `Marks` shows that tree as the mapping from a
path (`("bodies", 0, "title")`) to its mark that the loader and the rules locate
findings by; a plan merged from several files shares its files' subtrees (`MarkTree.adopt`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

Path_ = tuple[str | int, ...]
# A node of the tree: a scalar's (or an alias's) packed mark; a mapping as [its packed
# mark, {key: the key's packed mark}, {key: node}]; a list as [its packed mark, None,
# [node]]. Lists and ints, not objects: the reader makes one per key and value, and an int
# is no work for the garbage collector.
Node = Any  # int | list[Any]


# Named tuples, not frozen dataclasses: defining one costs every command ~0.3 ms.
class Mark(NamedTuple):
    """A 1-based line and column, with the width of the token it points at."""

    line: int
    column: int
    width: int = 1


class YamlProblem(NamedTuple):
    """Something wrong in the YAML text itself, at a mark."""

    kind: str  # "syntax", "duplicate-key", "refused", "depth", "character", "comment-in-text",
    # "parser-limit" (libyaml's own limit, read again without it)
    message: str
    mark: Mark
    help: str | None = None


def pack(event: Any) -> int:
    """A parser event's mark as one int: 0-based line and column, and the width of the
    token on its first line (at least 1); each part below 2**32 (no file is that long)."""
    start, end = event.start_mark, event.end_mark
    line: int = start.line
    column: int = start.column
    width = end.column - column if end.line == line else 1
    return line << 64 | column << 32 | (width if width > 1 else 1)


def unpack(packed: int) -> Mark:
    return Mark((packed >> 64) + 1, (packed >> 32 & 0xFFFFFFFF) + 1, packed & 0xFFFFFFFF)


class MarkTree:
    """The marks of one file (its root node, once read), or of a plan merged from files."""

    __slots__ = ("root",)

    def __init__(self, root: list[Node] | None = None) -> None:
        self.root: list[Node] = root if root is not None else []  # [] or [the root node]

    @classmethod
    def merged(cls) -> MarkTree:
        """An empty top-level mapping, with no mark of its own, to adopt files' keys into."""
        return cls([[None, {}, {}]])

    def adopt(self, other: MarkTree, key: str) -> None:
        """Take the top-level `key` of `other` (a file whose root is a mapping) into this."""
        mine, theirs = self.root[0], other.root[0]
        if key in theirs[1]:
            mine[1][key] = theirs[1][key]
        if key in theirs[2]:
            mine[2][key] = theirs[2][key]

    @property
    def keys(self) -> Marks:
        return Marks(self, of_keys=True)

    @property
    def values(self) -> Marks:
        return Marks(self, of_keys=False)


def _child(node: Node, part: Any) -> Node:
    """The node at `part` below `node`, or None."""
    if type(node) is not list:
        return None
    children = node[2]
    if node[1] is not None:  # a mapping
        return children.get(part)
    if isinstance(part, int) and 0 <= part < len(children):
        return children[part]
    return None


class Marks(Mapping[Path_, Mark]):
    """The marks of every key (`of_keys`) or every value of a MarkTree, by path."""

    __slots__ = ("of_keys", "tree")

    def __init__(self, tree: MarkTree, of_keys: bool) -> None:
        self.tree, self.of_keys = tree, of_keys

    def packed(self, path: Path_) -> int | None:
        node = self.tree.root[0] if self.tree.root else None
        if self.of_keys:
            if not path:
                return None
            for part in path[:-1]:
                node = _child(node, part)
            if type(node) is not list or node[1] is None:
                return None
            found: int | None = node[1].get(path[-1])
            return found
        for part in path:
            node = _child(node, part)
        return node[0] if type(node) is list else node

    def __getitem__(self, path: Path_) -> Mark:
        found = self.packed(path)
        if found is None:
            raise KeyError(path)
        return unpack(found)

    def __contains__(self, path: object) -> bool:
        return isinstance(path, tuple) and self.packed(path) is not None

    def __iter__(self) -> Iterator[Path_]:
        if self.tree.root:
            yield from _paths(self.tree.root[0], (), self.of_keys)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return f"Marks(of_keys={self.of_keys}, {len(self)} paths)"


def _paths(node: Node, path: Path_, of_keys: bool) -> Iterator[Path_]:
    """Every path below `node` (itself first) that has a mark, in the file's order."""
    if type(node) is not list:
        if not of_keys:
            yield path
        return
    if not of_keys and node[0] is not None:
        yield path
    keys, children = node[1], node[2]
    if keys is None:
        for index, child in enumerate(children):
            yield from _paths(child, (*path, index), of_keys)
        return
    for key in keys:  # a key's value is missing where the file stopped after the key
        if of_keys:
            yield (*path, key)
        if key in children:
            yield from _paths(children[key], (*path, key), of_keys)
