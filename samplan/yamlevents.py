"""From YAML parser events to plain values and the mark of every key and value.

samplan.yamlsource hands the parser here; `ValueBuilder.run` reads its events in one loop
with a stack (no recursion limit to hit). It runs once per key and value of a file (76,000
times in a 2 MB plan), so the common case is inline: a scalar or a list or mapping is
stored with its packed mark (samplan.yamlmarks), and every refusal is a call to
samplan.yamlrefusals, in the order the events come, so problems come in the file's order.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml

from samplan import yamladvice
from samplan import yamlrefusals as refusals
from samplan.yamlmarks import MarkTree, YamlProblem, pack, unpack
from samplan.yamlrefusals import MAX_DEPTH, Refused

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAPPING, _SEQUENCE = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAPPING_END, _SEQUENCE_END = yaml.MappingEndEvent, yaml.SequenceEndEvent
_normalize = unicodedata.normalize


class ValueBuilder:
    """Builds the values of one document and their mark tree from a parser's events."""

    def __init__(
        self,
        parser: Any,
        marks: MarkTree,
        problems: list[YamlProblem],
        text: str,
        lines: list[str] | None,
        forbidden: bool,
    ) -> None:
        self.get = parser.get_event
        self.marks, self.problems = marks, problems
        # A forbidden character in a value is in the text (`forbidden`), or written as an
        # escape in a double-quoted scalar: look in values only where the text may hold one.
        self.in_any, self.in_quoted = forbidden, "\\" in text
        # ` #` after a plain value (yamladvice.comment_in_text) is looked for on these lines.
        commented = "#" in text and " #" in text  # the first test is the quicker one
        self.lines = (text.splitlines() if lines is None else lines) if commented else []
        self.hashed = {i for i, line in enumerate(self.lines) if " #" in line}
        self.documents = 0
        self.top: list[Any] = []  # the root value, once its first event is read
        self.open = 0  # lists and mappings begun and not yet ended

    def value(self) -> Any:
        """The document's value: its root's, if the root was read whole, else None."""
        return self.top[-1] if self.top and not self.open else None

    def run(self) -> None:
        """Read the events to the end of the stream, or until a refusal stops it."""
        get, hashed, in_any, in_quoted = self.get, self.hashed, self.in_any, self.in_quoted
        problems: list[YamlProblem] = self.problems
        stack: list[tuple[Any, Any, Any]] = []
        data: Any = self.top  # the list or mapping being read, with its key marks and nodes
        keys: dict[str, int] | None = None
        nodes: Any = self.marks.root
        key: str | None = None  # in a mapping: the key whose value comes next
        depth = 0
        while True:
            event = get()
            kind = type(event)
            if kind is _SCALAR:
                if event.anchor is not None or event.tag is not None:
                    refusals.refuse_features(event, problems)
                start, end = event.start_mark, event.end_mark
                line, column, end_line = start.line, start.column, end.line
                width = end.column - column if end_line == line else 1
                mark = line << 64 | column << 32 | (width if width > 1 else 1)  # yamlmarks.pack
                value, style = event.value, event.style  # plain: "" (libyaml) or None (PyYAML)
                check = in_any or (in_quoted and style == '"')
                if keys is not None and key is None:  # a key of the mapping `data`
                    if check:
                        refusals.forbidden_character(value, mark, problems)
                    if not style and value == "<<":
                        self.refuse(refusals.merge_key(event))
                        continue
                    if not value.isascii():
                        value = _normalize("NFC", value)
                    if value in data:
                        self.refuse(refusals.duplicate_key(event, value, unpack(keys[value])))
                        continue
                    keys[value] = mark
                    key = value
                    continue
                if depth > MAX_DEPTH:
                    raise refusals.too_deep(event)
                if check:
                    refusals.forbidden_character(value, mark, problems)
                if not style:
                    if value in NULLS:
                        value = None
                    elif end_line in hashed:
                        self.comment(event)
                if value is not None and not value.isascii():
                    value = _normalize("NFC", value)
            elif kind is _MAPPING or kind is _SEQUENCE:
                if event.anchor is not None or event.tag is not None:
                    refusals.refuse_features(event, problems)
                if keys is not None and key is None:
                    self.refuse_key(event)
                    continue
                if depth > MAX_DEPTH:
                    raise refusals.too_deep(event)
                inner: Any = ({}, {}, {}) if kind is _MAPPING else ([], None, [])
                record = [pack(event), inner[1], inner[2]]
                if keys is None:
                    data.append(inner[0])
                    nodes.append(record)
                else:
                    data[key] = inner[0]
                    nodes[key] = record
                stack.append((data, keys, nodes))
                data, keys, nodes = inner
                key, depth = None, depth + 1
                self.open = depth
                continue
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                data, keys, nodes = stack.pop()
                key, depth = None, depth - 1
                self.open = depth
                continue
            elif kind is _ALIAS:
                if keys is not None and key is None:
                    self.refuse_key(event)
                    continue
                value, mark = None, self.alias(event, depth)
            elif self.outside(event):
                return
            else:
                continue
            if keys is None:
                data.append(value)
                nodes.append(mark)
            else:
                data[key] = value
                nodes[key] = mark
                key = None

    def refuse(self, problem: YamlProblem) -> None:
        """A refused key: its problem, and its value skipped."""
        self.problems.append(problem)
        self.skip(self.get())

    def refuse_key(self, event: Any) -> None:
        """A key that is a list, a mapping or an alias: refused, and its value skipped."""
        if type(event) is _ALIAS:
            refusals.refuse_features(event, self.problems)
        self.problems.append(refusals.key_not_text(event))
        self.skip(event)
        self.skip(self.get())

    def alias(self, event: Any, depth: int) -> int:
        refusals.refuse_features(event, self.problems)
        if depth > MAX_DEPTH:
            raise refusals.too_deep(event)
        return pack(event)

    def comment(self, event: Any) -> None:
        cut = yamladvice.comment_in_text(event, self.lines)
        if cut is not None:
            self.problems.append(cut)

    def skip(self, event: Any) -> None:
        """Consume the rest of a node whose start event is `event`."""
        depth = 1 if isinstance(event, yaml.CollectionStartEvent) else 0
        while depth:
            nxt = self.get()
            if isinstance(nxt, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(nxt, yaml.CollectionEndEvent):
                depth -= 1

    def outside(self, event: Any) -> bool:
        """Handle an event around the document's root; True at the end of the stream."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise Refused(refusals.second_document(event))
        return isinstance(event, yaml.StreamEndEvent)
