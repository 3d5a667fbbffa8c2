"""A position-tracking YAML reader that reads YAML as written.

libyaml's C parser turns the text into events; we build plain Python values from them
ourselves, so that:

* every scalar reaches the schema as the text typed (`no`, `0301`, `12:30`, `2020-01-01`
  stay strings); only an empty plain value, `~` and `null` mean "not given";
* every key and value knows its line and column;
* duplicate keys, tags, anchors, aliases and merge keys are refused before anything is
  expanded (so an alias bomb costs nothing), and nesting depth is bounded;
* no key or value holds a control character (even one written as an escape, `"\\e"`), a
  line or paragraph separator, or a character that overrides the direction of text
  (which can make published text read differently from what was reviewed).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from samplan.diagnostics import shown
from samplan.locale import t

Path_ = tuple[str | int, ...]
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
MAX_DEPTH = 50
# What libyaml says when it stops on a limit of its own (nesting, in libyaml 0.2.5+).
LIBYAML_LIMIT = "exceeded maximum nesting depth"
_LINE_SEPARATOR = re.compile("[\x85\u2028\u2029]")
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column, with the width of the token it points at."""

    line: int
    column: int
    width: int = 1


@dataclass(frozen=True)
class YamlProblem:
    """Something wrong in the YAML text itself, at a mark."""

    kind: str  # "syntax", "duplicate-key", "refused", "depth", "character", "comment-in-text",
    # "parser-limit" (libyaml's own limit, read again without it)
    message: str
    mark: Mark
    help: str | None = None


@dataclass
class Document:
    """The values of one YAML file with the marks of every key and value."""

    data: Any = None
    keys: dict[Path_, Mark] = field(default_factory=dict)
    values: dict[Path_, Mark] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)


def _mark(event: yaml.Event, width: int | None = None) -> Mark:
    start, end = event.start_mark, event.end_mark
    assert start is not None and end is not None  # the C parser marks every event
    if width is None:
        width = end.column - start.column if end.line == start.line else 1
    return Mark(start.line + 1, start.column + 1, max(width, 1))


def _character_problem(char: str, mark: Mark) -> YamlProblem:
    name = unicodedata.name(char, "a control character").lower()
    return YamlProblem(
        "character",
        t("yaml.forbidden-character", code=format(ord(char), "04X"), name=name),
        mark,
        t("yaml.forbidden-character.help"),
    )


def _forbidden_character(event: yaml.ScalarEvent, problems: list[YamlProblem]) -> None:
    found = FORBIDDEN.search(event.value)
    if found is not None:
        problems.append(_character_problem(found.group(), _mark(event)))


def _line_separator(text: str) -> YamlProblem | None:
    """YAML breaks lines at U+0085, U+2028 and U+2029, editors do not: refuse them before
    parsing, so that no line number means something else in the editor."""
    found = _LINE_SEPARATOR.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return _character_problem(found.group(), Mark(line, column))


class _Refused(Exception):
    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _refuse_features(event: yaml.Event, problems: list[YamlProblem]) -> None:
    anchor = getattr(event, "anchor", None)
    if isinstance(event, yaml.AliasEvent):
        problems.append(
            YamlProblem(
                "refused",
                t("yaml.alias", alias=anchor),
                _mark(event),
                t("yaml.alias.help"),
            )
        )
        return
    if anchor is not None:
        problems.append(
            YamlProblem(
                "refused",
                t("yaml.anchor", anchor=anchor),
                _mark(event, len(anchor) + 1),
                t("yaml.anchor.help"),
            )
        )
    tag = getattr(event, "tag", None)
    if tag is not None:
        tag_text = tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(
            YamlProblem(
                "refused",
                t("yaml.tag", tag=shown(tag_text)),
                _mark(event),
                t("yaml.tag.help"),
            )
        )


class _Builder:
    """Builds values from parser events, iteratively (no recursion limit to hit)."""

    def __init__(self, events: Any, doc: Document, comment_check: Callable[..., Any]) -> None:
        self.events = events
        self.doc = doc
        self.comment_check = comment_check  # yamladvice.comment_in_text, with the lines

    def node(self, event: yaml.Event, path: Path_) -> Any:
        _refuse_features(event, self.doc.problems)
        if len(path) > MAX_DEPTH:
            raise _Refused(
                YamlProblem(
                    "depth",
                    t("yaml.too-deep", limit=MAX_DEPTH),
                    _mark(event),
                    t("yaml.too-deep.help"),
                )
            )
        self.doc.values[path] = _mark(event)
        if isinstance(event, yaml.AliasEvent):
            return None
        if isinstance(event, yaml.ScalarEvent):
            _forbidden_character(event, self.doc.problems)
            if event.style == "" and event.value in NULLS:
                return None
            if event.style == "":
                cut = self.comment_check(event)
                if cut is not None:
                    self.doc.problems.append(cut)
            return _nfc(event.value)
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(path)
        return self.mapping(path)

    def sequence(self, path: Path_) -> list[Any]:
        items: list[Any] = []
        for event in self.events:
            if isinstance(event, yaml.SequenceEndEvent):
                return items
            items.append(self.node(event, (*path, len(items))))
        raise AssertionError("unterminated sequence")  # the parser raises first

    def mapping(self, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for event in self.events:
            if isinstance(event, yaml.MappingEndEvent):
                return result
            key = self.key(event)
            if key is None:
                self.skip(next(self.events))
                continue
            here = (*path, key)
            if key in result:
                first = self.doc.keys[here]
                self.doc.problems.append(
                    YamlProblem(
                        "duplicate-key",
                        t("yaml.duplicate-key", key=shown(key)),
                        _mark(event),
                        t("yaml.duplicate-key.help", line=first.line),
                    )
                )
                self.skip(next(self.events))
                continue
            self.doc.keys[here] = _mark(event)
            result[key] = self.node(next(self.events), here)
        raise AssertionError("unterminated mapping")

    def key(self, event: yaml.Event) -> str | None:
        """The text of a key, or None (with a problem) for a key samplan refuses."""
        _refuse_features(event, self.doc.problems)
        if not isinstance(event, yaml.ScalarEvent):
            self.doc.problems.append(YamlProblem("refused", t("yaml.key-not-text"), _mark(event)))
            self.skip(event)
            return None
        _forbidden_character(event, self.doc.problems)
        if event.value == "<<" and event.style == "":
            self.doc.problems.append(
                YamlProblem(
                    "refused",
                    t("yaml.merge-key"),
                    _mark(event),
                    t("yaml.merge-key.help"),
                )
            )
            return None
        return _nfc(str(event.value))

    def skip(self, event: yaml.Event) -> None:
        """Consume the rest of a node whose start event is `event`."""
        depth = 1 if isinstance(event, yaml.CollectionStartEvent) else 0
        while depth:
            nxt = next(self.events)
            if isinstance(nxt, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(nxt, yaml.CollectionEndEvent):
                depth -= 1


def _nfc(text: str) -> str:
    """Text in Unicode's composed form (NFC): a decomposed 'Tårnby' (a + U+030A, as some
    editors and macOS file names write it) is the registry's 'Tårnby'."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def read_yaml(text: str) -> Document:
    """Parse one YAML file; problems are collected, never raised.

    libyaml is used for speed. Its own limits differ between the copies that PyYAML's
    wheels bundle (newer ones stop flow nesting deeper than 1000 while they scan ahead,
    before any event of that depth reaches us); when libyaml stops on such a limit of its
    own, the file is read again with PyYAML's pure-Python parser, which has none, so that
    samplan's limits and their codes and positions are the same with every libyaml.
    """
    doc = _read(text, yaml.CSafeLoader)
    if any(_is_parser_limit(p) for p in doc.problems):
        doc = _read(text, yaml.SafeLoader)
    return doc


def _is_parser_limit(problem: YamlProblem) -> bool:
    return problem.kind == "parser-limit"  # yamladvice.syntax_problem names it so


def _read(text: str, loader: Any) -> Document:
    from samplan import yamladvice  # it builds on this module's Mark and YamlProblem

    doc = Document()
    separator = _line_separator(text)
    if separator is not None:
        doc.problems.append(separator)
        return doc
    try:
        _build(yaml.parse(text, Loader=loader), doc, text.splitlines())
    except _Refused as refused:
        doc.problems.append(refused.problem)
    except yaml.MarkedYAMLError as err:
        doc.problems.append(yamladvice.syntax_problem(err, text))
    except UnicodeEncodeError as err:  # a lone surrogate: not text libyaml can take
        line = text[: err.start].count("\n") + 1
        column = err.start - (text.rfind("\n", 0, err.start) + 1) + 1
        doc.problems.append(YamlProblem("syntax", t("yaml.invalid-character"), Mark(line, column)))
    except yaml.reader.ReaderError as err:  # a character YAML does not allow
        doc.problems.append(yamladvice.reader_problem(text, err))
    return doc


def _build(events: Any, doc: Document, lines: list[str]) -> None:
    from samplan import yamladvice

    builder = _Builder(iter(events), doc, lambda e: yamladvice.comment_in_text(e, lines))
    documents = 0
    for event in builder.events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused(
                    YamlProblem(
                        "refused",
                        t("yaml.second-document"),
                        _mark(event),
                        t("yaml.second-document.help"),
                    )
                )
        elif isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
            continue
        elif isinstance(event, yaml.StreamEndEvent):
            break
        else:
            doc.data = builder.node(event, ())
