"""A position-tracking YAML reader that reads YAML as written.

libyaml's C parser turns the text into events; we build plain Python values from them
ourselves, so that:

* every scalar reaches the schema as the text typed (`no`, `0301`, `12:30`, `2020-01-01`
  stay strings); only an empty plain value, `~` and `null` mean "not given";
* every key and value knows its line and column (samplan.yamlmarks);
* duplicate keys, tags, anchors, aliases and merge keys are refused before anything is
  expanded (so an alias bomb costs nothing), and nesting depth is bounded;
* no key or value holds a control character (even one written as an escape, `"\\e"`), a
  line or paragraph separator, or a character that overrides the direction of text
  (which can make published text read differently from what was reviewed).

The text is checked and parsed here; samplan.yamlevents builds the values from the
parser's events, samplan.yamlrefusals words what is refused, samplan.yamlmarks keeps the marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from samplan import yamladvice
from samplan import yamlrefusals as refusals
from samplan.locale import t
from samplan.yamlevents import ValueBuilder
from samplan.yamlmarks import Mark, Marks, MarkTree, Path_, YamlProblem
from samplan.yamlrefusals import FORBIDDEN, LIBYAML_LIMIT, MAX_DEPTH, Refused

__all__ = [
    "LIBYAML_LIMIT",
    "MAX_DEPTH",
    "Document",
    "Mark",
    "Path_",
    "YamlProblem",
    "read_yaml",
]

_LINE_SEPARATOR = re.compile("[\x85\u2028\u2029]")


@dataclass
class Document:
    """The values of one YAML file with the marks of every key and value."""

    data: Any = None
    marks: MarkTree = field(default_factory=MarkTree)
    problems: list[YamlProblem] = field(default_factory=list)

    @property
    def keys(self) -> Marks:
        return self.marks.keys

    @property
    def values(self) -> Marks:
        return self.marks.values


def _line_separator(text: str) -> YamlProblem | None:
    """YAML breaks lines at U+0085, U+2028 and U+2029, editors do not: refuse them before
    parsing, so that no line number means something else in the editor."""
    found = _LINE_SEPARATOR.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return refusals.character_problem(found.group(), Mark(line, column))


def read_yaml(text: str, lines: list[str] | None = None) -> Document:
    """Parse one YAML file; problems are collected, never raised.

    libyaml is used for speed. Its own limits differ between the copies that PyYAML's
    wheels bundle (newer ones stop flow nesting deeper than 1000 while they scan ahead,
    before any event of that depth reaches us); when libyaml stops on such a limit of its
    own, the file is read again with PyYAML's pure-Python parser, which has none, so that
    samplan's limits and their codes and positions are the same with every libyaml.
    `lines` are `text.splitlines()`, where the caller has them already.
    """
    doc = _read(text, yaml.CSafeLoader, lines)
    if any(_is_parser_limit(p) for p in doc.problems):
        doc = _read(text, yaml.SafeLoader, lines)
    return doc


def _is_parser_limit(problem: YamlProblem) -> bool:
    return problem.kind == "parser-limit"  # yamladvice.syntax_problem names it so


def _read(text: str, loader: Any, lines: list[str] | None = None) -> Document:
    doc = Document()
    forbidden = FORBIDDEN.search(text) is not None  # line separators are forbidden too
    separator = _line_separator(text) if forbidden else None
    if separator is not None:
        doc.problems.append(separator)
        return doc
    parser = builder = None
    try:
        parser = loader(text)
        builder = ValueBuilder(parser, doc.marks, doc.problems, text, lines, forbidden)
        builder.run()
    except Refused as refused:
        doc.problems.append(refused.problem)
    except yaml.MarkedYAMLError as err:
        doc.problems.append(yamladvice.syntax_problem(err, text))
    except UnicodeEncodeError as err:  # a lone surrogate: not text libyaml can take
        line = text[: err.start].count("\n") + 1
        column = err.start - (text.rfind("\n", 0, err.start) + 1) + 1
        doc.problems.append(YamlProblem("syntax", t("yaml.invalid-character"), Mark(line, column)))
    except yaml.reader.ReaderError as err:  # a character YAML does not allow
        doc.problems.append(yamladvice.reader_problem(text, err))
    finally:
        if builder is not None:
            doc.data = builder.value()
        if parser is not None:
            parser.dispose()
    return doc
