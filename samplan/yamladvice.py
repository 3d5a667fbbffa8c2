"""Advice on the YAML mistakes a non-programmer makes, in words they know.

libyaml says "mapping values are not allowed in this context"; the secretary who wrote
`title: Forord: en tryg region` needs to read that a colon in a value wants quotation
marks, and which line to write instead. This module turns the parser's errors into such
advice, and finds the quiet mistake the parser accepts: ` #` in a plain value, which
starts a comment and cuts the text off without a word.
"""

from __future__ import annotations

import yaml

from samplan.locale import t
from samplan.yamlmarks import Mark, YamlProblem
from samplan.yamlrefusals import LIBYAML_LIMIT

SUPPRESSION = "# samplan:"


def _line(text: str, number: int) -> str:
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _colon_in_value(line: str, column: int) -> tuple[str, str] | None:
    """(message, help) when `line` is `key: value: more`, the value holding ': '."""
    stripped = line.lstrip(" -")
    key, sep, value = stripped.partition(": ")
    indent = line[: len(line) - len(stripped)]
    if not sep or not value.strip() or value.lstrip()[:1] in "\"'[{|>":
        return None
    if column <= len(indent) + len(key) + 1:  # the key's own colon: a key out of place
        return None
    quoted = value.split(" #", 1)[0].strip().replace("\\", "\\\\").replace('"', '\\"')
    return t("yaml.colon-in-value"), t(
        "yaml.colon-in-value.help", line=indent + key + ': "' + quoted + '"'
    )


def _advice(problem: str, line: str, column: int) -> tuple[str, str]:
    """(message, help) for one parser error at `column` of `line`."""
    at = line[column - 1 : column]
    if "tab" in problem or at == "\t":
        return t("yaml.tab"), t("yaml.tab.help")
    if problem.startswith("mapping values are not allowed"):
        return _colon_in_value(line, column) or (
            t("yaml.indented-key"),
            t("yaml.indented-key.help"),
        )
    if problem.startswith("found character that cannot start any token"):
        return t("yaml.bad-start", character=at), t("yaml.bad-start.help", character=at)
    if problem.startswith("found unexpected end of stream"):
        return t("yaml.unclosed-quote"), t("yaml.unclosed-quote.help")
    if problem.startswith("did not find expected ',' or"):
        return t("yaml.unclosed-bracket"), t("yaml.unclosed-bracket.help")
    if problem.startswith("did not find expected '-' indicator"):
        return t("yaml.list-item"), t("yaml.list-item.help")
    if problem.startswith("could not find expected ':'"):
        return t("yaml.missing-colon"), t("yaml.missing-colon.help")
    return t("yaml.syntax", problem=problem), t("yaml.syntax.help")


def syntax_problem(err: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """The parser's error as a located problem with advice."""
    lines = max(len(text.splitlines()), 1)
    mark = err.problem_mark or err.context_mark
    if mark is not None and mark.line + 1 > lines and err.context_mark is not None:
        mark = err.context_mark  # the end of the file: point at what was left open
    where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
    problem = (err.problem or "").strip()
    if LIBYAML_LIMIT in problem:  # libyaml's own limit: yamlsource reads the file again
        return YamlProblem("parser-limit", problem, where)
    message, hint = _advice(problem, _line(text, where.line), where.column)
    return YamlProblem("syntax", message, where, hint)


def reader_problem(text: str, err: yaml.reader.ReaderError) -> YamlProblem:
    """A character YAML does not allow, located in characters (libyaml counts bytes)."""
    before = text.encode("utf-8", "surrogatepass")[: err.position].decode("utf-8", "replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    return YamlProblem(
        "syntax",
        t("yaml.control-character", character=repr(err.character), reason=err.reason),
        Mark(line, column),
        t("yaml.control-character.help"),
    )


def comment_in_text(event: yaml.ScalarEvent, lines: list[str]) -> YamlProblem | None:
    """A plain value followed by ` #`: YAML reads the rest of the line as a comment.

    A comment set off by two spaces (`4  # exactly four`) is a comment by intent; one
    space before a `#` that touches a word (`Møde #2`), or after a value of several
    words, is text cut off.
    """
    end = event.end_mark
    if end is None or end.line >= len(lines):
        return None
    rest = lines[end.line][end.column :]
    if not rest.startswith(" #") or rest.startswith(" " + SUPPRESSION):
        return None
    touches_word = rest[2:3] not in ("", " ", "#")
    if not (touches_word or " " in event.value.strip()):
        return None
    return YamlProblem(
        "comment-in-text",
        t("yaml.comment-in-text", text=rest[1:].strip()[:40]),
        Mark(end.line + 1, end.column + 2, len(rest) - 1),
        t("yaml.comment-in-text.help"),
    )
