"""Diagnostics: one typed record for every finding, from the loader or a rule.

Emitters (text, json, ...) only format these records; they never decide anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

from samplan.locale import N_, t

Severity = Literal["error", "warning", "note"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "note": 2}
SEVERITY_WORD = {
    "error": N_("severity.error"),
    "warning": N_("severity.warning"),
    "note": N_("severity.note"),
}


class Code(NamedTuple):  # a named tuple: cheaper to define at import than a dataclass
    """A stable diagnostic code with its kebab-case name."""

    code: str
    name: str
    summary: str
    severity: Severity = "error"  # what the loader reports it as


# Codes of the loader (SP0xx). Rules (SP1xx) register their own codes in samplan.rules.
YAML_SYNTAX = Code("SP001", "invalid-yaml", "the file is not valid YAML")
DUPLICATE_KEY = Code("SP002", "duplicate-key", "a key is given twice in one mapping")
REFUSED_YAML = Code(
    "SP003", "refused-yaml-feature", "tags, anchors, aliases, merge keys or extra documents"
)
NOT_A_MAPPING = Code("SP004", "file-not-a-mapping", "a plan file must hold a mapping of keys")
KEY_IN_TWO_FILES = Code(
    "SP005", "key-in-two-files", "a top-level key stands in two files of a plan"
)
UNKNOWN_KEY = Code("SP006", "unknown-key", "a key the plan format does not know")
MISSING_KEY = Code("SP007", "missing-key", "a required key is missing")
INVALID_VALUE = Code("SP008", "invalid-value", "a value of the wrong type or form")
FOLDER_MISMATCH = Code(
    "SP009", "folder-mismatch", "district or year differs from the plan's folder"
)
DUPLICATE_ID = Code("SP010", "duplicate-id", "two entities of one kind share an id")
UNREADABLE_FILE = Code(
    "SP011", "unreadable-file", "a file that cannot be read as UTF-8 text, or is too large"
)
BAD_FOLDER = Code(
    "SP012", "bad-plan-folder", "a folder that is not <district-id>/<year>/ with YAML files"
)
LIMIT_EXCEEDED = Code("SP013", "limit-exceeded", "a plan exceeds one of samplan's limits")
UNKNOWN_DISTRICT = Code("SP014", "unknown-district", "a district id not in the registry")
UNKNOWN_REFERENCE = Code("SP015", "unknown-reference", "an id that names no entity of the plan")
TEMPLATE_ERROR = Code("SP016", "template-error", "a template could not be rendered")
FORBIDDEN_CHARACTER = Code(
    "SP017", "forbidden-character", "a control or text-direction character in a value or key"
)
OUTPUT_NOT_WRITTEN = Code("SP018", "output-not-written", "a plan's output could not be written")
UNREAD_FILE = Code(
    "SP019",
    "unread-file",
    "a file in a plan folder that looks like a plan part but is not read",
    "warning",
)
COMMENT_IN_TEXT = Code(
    "SP020",
    "comment-cuts-text",
    "a ' #' in a plain value starts a comment and cuts the text",
    "warning",
)

LOADER_CODES: tuple[Code, ...] = (
    YAML_SYNTAX,
    DUPLICATE_KEY,
    REFUSED_YAML,
    NOT_A_MAPPING,
    KEY_IN_TWO_FILES,
    UNKNOWN_KEY,
    MISSING_KEY,
    INVALID_VALUE,
    FOLDER_MISMATCH,
    DUPLICATE_ID,
    UNREADABLE_FILE,
    BAD_FOLDER,
    LIMIT_EXCEEDED,
    UNKNOWN_DISTRICT,
    UNKNOWN_REFERENCE,
    TEMPLATE_ERROR,
    FORBIDDEN_CHARACTER,
    OUTPUT_NOT_WRITTEN,
    UNREAD_FILE,
    COMMENT_IN_TEXT,
)
# Loader findings that do not stop a plan from being built (their severity is settable).
WARNING_CODES = frozenset(c.code for c in LOADER_CODES if c.severity == "warning")

SNIPPET_WIDTH = 100  # columns of a long source line shown around the caret
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(ch: str) -> str:
    """`ch`, or an escape for a character a reader cannot see or a terminal would obey."""
    if ch.isprintable() or ch == " ":
        return ch
    return _ESCAPES.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def shown(value: object, limit: int = 60, quote: str = "'") -> str:
    """`value` quoted for a message: one short line, every invisible character visible."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return quote + printable(text) + quote


@dataclass(frozen=True)
class Diagnostic:
    """A located finding. `file` is relative to the repository root."""

    code: str
    name: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    help: str | None = None
    district: str | None = None
    year: int | None = None
    snippet: str | None = None  # the source line, for the caret display
    width: int = 1  # how many columns the caret underlines

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file or "", self.line or 0, self.column or 0, self.code)


def format_text(diag: Diagnostic) -> str:
    """`file:line:col: severity[CODE name] message`, the source line with a caret, help."""
    where = diag.file or "<repository>"
    if diag.line is not None:
        where += f":{diag.line}:{diag.column or 1}"
    message = printable(diag.message)
    severity = t(SEVERITY_WORD[diag.severity])
    lines = [f"{printable(where)}: {severity}[{diag.code} {diag.name}] {message}"]
    if diag.snippet is not None and diag.line is not None:
        gutter = " " * len(str(diag.line))
        source, column = _window(diag.snippet.rstrip("\r\n").expandtabs(1), diag.column or 1)
        width = min(max(diag.width, 1), len(source) - column + 2)
        caret = " " * (column - 1) + "^" * max(width, 1)
        lines += [f"{gutter} |", f"{diag.line} | {source}", f"{gutter} | {caret}"]
    if diag.help:
        label = t("severity.help")
        lines.append(f"  = {label}: {printable(diag.help)}")
    return "\n".join(lines)


def printable(text: str) -> str:
    """`text` with every character a reader cannot see escaped (`visible`)."""
    return text if text.isprintable() else "".join(visible(ch) for ch in text)


def _window(line: str, column: int) -> tuple[str, int]:
    """At most SNIPPET_WIDTH columns of `line` around `column`, and the column within them;
    characters a terminal would obey or hide are shown as U+FFFD, one column each."""
    start = max(0, min(column - 1 - SNIPPET_WIDTH // 3, len(line) - SNIPPET_WIDTH))
    part = line[start : start + SNIPPET_WIDTH]
    if not part.isprintable():
        part = "".join(ch if ch.isprintable() else "\ufffd" for ch in part)
    head = "…" if start else ""
    tail = "…" if start + SNIPPET_WIDTH < len(line) else ""
    return head + part + tail, column - start + len(head)


def repository_name(path: Path, root: Path) -> str:
    """How a diagnostic names a file it has resolved: relative to the repository if in it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
