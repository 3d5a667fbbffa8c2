"""Plan files read and written back as the author wrote them (ruamel.yaml's round trip).

The loader's reader (samplan.yamlsource) is for checking; this one is for the commands
that write plan files. It keeps comments, key order, quoting, flow or block style and the
file's own indentation, so that a file rewritten with no change is the same bytes.
Removing an entry keeps the comment lines that stood below it (ruamel.yaml stores them
with the entry above).
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

WIDTH = 1 << 20  # never re-wrap a long line


class RoundTrip:
    """One plan file's data and the YAML settings that write it back as it was."""

    def __init__(self, text: str) -> None:
        _, indent, offset = load_yaml_guess_indent(text)
        indent, offset = indent or 2, offset or 0
        self.yaml = YAML(typ="rt")
        self.yaml.preserve_quotes = True
        self.yaml.width = WIDTH
        mapping = max(indent - offset, 2) if offset else indent
        self.yaml.indent(mapping=mapping, sequence=indent, offset=offset)
        self.data: Any = self.yaml.load(text)

    def dump(self) -> str:
        out = io.StringIO()
        self.yaml.dump(self.data, out)
        return out.getvalue()


def is_flow(node: Any) -> bool:
    """Whether a mapping or list is written in flow style ({...} or [...])."""
    return isinstance(node, CommentedBase) and bool(node.fa.flow_style())


def remove(container: CommentedMap | CommentedSeq, key: Any) -> None:
    """Remove an entry of a mapping (by key) or a list (by index), keeping the comment
    lines that followed it by handing them to the entry before it."""
    keys = list(container.keys()) if isinstance(container, CommentedMap) else None
    position = keys.index(key) if keys is not None else key
    below = _lines_below(container, key)
    del container[key]
    if not below or not len(container):
        return
    if position == 0:
        _set_above_first(container, below)
        return
    before = keys[position - 1] if keys is not None else position - 1
    _append_below(container, before, below)


def _set_above_first(container: Any, lines: str) -> None:
    """Comment lines above the first entry (they stood below the removed one)."""
    first = next(iter(container.keys())) if isinstance(container, CommentedMap) else 0
    texts = [line.strip() for line in lines.splitlines() if line.strip()]
    indent = min((len(x) - len(x.lstrip()) for x in lines.splitlines() if x.strip()), default=0)
    comments = "\n".join(x.removeprefix("#").removeprefix(" ") for x in texts)
    container.yaml_set_comment_before_after_key(first, before=comments, indent=indent)


def _tail(container: Any, key: Any) -> tuple[Any, Any]:
    """The (container, key) whose comment token holds what follows entry `key`."""
    value = container[key]
    if isinstance(value, CommentedMap | CommentedSeq) and len(value) and not is_flow(value):
        last = list(value.keys())[-1] if isinstance(value, CommentedMap) else len(value) - 1
        return _tail(value, last)
    return container, key


def _slot(container: Any) -> int:
    return 2 if isinstance(container, CommentedMap) else 0


def _lines_below(container: Any, key: Any) -> str:
    """The whole comment lines after entry `key` (not its end-of-line comment)."""
    holder, at = _tail(container, key)
    token = (holder.ca.items.get(at) or [None] * 4)[_slot(holder)]
    if token is None or "\n" not in token.value:
        return ""
    return str(token.value.split("\n", 1)[1])


def _append_below(container: Any, key: Any, lines: str) -> None:
    holder, at = _tail(container, key)
    entry = holder.ca.items.setdefault(at, [None] * 4)
    slot = _slot(holder)
    if entry[slot] is None:
        entry[slot] = CommentToken("\n" + lines, CommentMark(0), None)
    else:
        entry[slot].value += lines
