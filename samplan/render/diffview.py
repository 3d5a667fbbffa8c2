"""A plan diff for people and for machines: terminal text, Markdown, HTML and JSON.

The Markdown and HTML pages are rendered from templates (diff.md.j2, diff.html.j2)
through the same sandboxed environment as the plans; terminal text and JSON are
written here. Changed prose is shown as word-level runs, trimmed to some context.

Whatever comes from a plan is shown with its control characters escaped (`visible`): a
newline in a title must not forge a line of the report (or a GitHub workflow command),
a carriage return must not overwrite one, nor an escape sequence or a bidirectional
override change what a terminal shows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import click

from samplan.diff.changes import DIFF_VERSION, Change, PlanDiff
from samplan.diff.words import word_diff
from samplan.registry import registry
from samplan.render.frozen import freeze_context
from samplan.text import join_danish

if TYPE_CHECKING:  # jinja2 is imported only by those who render pages
    from jinja2.sandbox import ImmutableSandboxedEnvironment

CONTEXT_WORDS = 12
HEADINGS = {"added": "Nyt", "removed": "Udgået", "changed": "Ændret"}


# Characters that break or rewrite a line, or reorder what is shown: C0 and C1 controls,
# DEL, the line and paragraph separators, and the bidirectional marks and overrides.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """Text from a plan with every control character written as its escape (\\n, \\x1b)."""
    return _CONTROL.sub(lambda m: _NAMED.get(m[0]) or _escape(m[0]), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True)
class Item:
    """One change as shown on a page: its sentence and, for prose, its word runs."""

    change: Change
    runs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return visible(self.change.text)


@dataclass
class DiffView:
    """The page model of one diff: title, summary sentence and the groups of changes."""

    diff: PlanDiff
    district_name: str
    summary_text: str
    groups: list[tuple[str, str, list[Item]]]  # (change type, heading, items)

    @property
    def title(self) -> str:
        return f"Hvad er nyt i {self.diff.new_year}"

    @property
    def new_title(self) -> str:
        return visible(self.diff.new_title)


def view(diff: PlanDiff) -> DiffView:
    """Group the changes: new, ended, then changed (renamed ones among the changed)."""
    groups: list[tuple[str, str, list[Item]]] = []
    for kind, heading in HEADINGS.items():
        wanted = {"changed", "renamed"} if kind == "changed" else {kind}
        items = [_item(c) for c in diff.changes if c.change in wanted]
        if items:
            groups.append((kind, heading, items))
    return DiffView(diff, district_name(diff), summary_sentence(diff), groups)


def district_name(diff: PlanDiff) -> str:
    """The name of the diff's district as shown (its id when the registry lacks it)."""
    district = registry().districts.get(diff.district)
    return visible(district.name if district else diff.district)


def _item(change: Change) -> Item:
    if change.prose and change.old_text is not None and change.new_text is not None:
        runs = trim(word_diff(change.old_text, change.new_text))
        return Item(change, [(op, visible(_SPACE.sub(" ", text))) for op, text in runs])
    return Item(change)


# How each count reads: (one, several).
_COUNTED = {
    "added": ("nyt", "nye"),
    "removed": ("udgået", "udgåede"),
    "changed": ("ændret", "ændrede"),
    "renamed": ("omdøbt", "omdøbte"),
}


def summary_sentence(diff: PlanDiff) -> str:
    """'3 ændringer fra 2019 til 2020: 2 nye og 1 ændret.': the counts that are not 0."""
    if not diff.changes:
        return f"Ingen ændringer fra {diff.old_year} til {diff.new_year}."
    parts = [
        f"{count} {_COUNTED[kind][count != 1]}" for kind, count in diff.summary.items() if count
    ]
    total = len(diff.changes)
    noun = "ændring" if total == 1 else "ændringer"
    return f"{total} {noun} fra {diff.old_year} til {diff.new_year}: {join_danish(parts)}."


_WORD = re.compile(r"\S+")


def trim(runs: list[tuple[str, str]], context: int = CONTEXT_WORDS) -> list[tuple[str, str]]:
    """Shorten unchanged runs to `context` words on each side of a change, with '…'."""
    out: list[tuple[str, str]] = []
    for index, (op, text) in enumerate(runs):
        if op != "=":
            out.append((op, text))
            continue
        words = _WORD.findall(text)
        first, last = index == 0, index == len(runs) - 1
        keep = context if first or last else 2 * context
        if len(words) <= keep:
            out.append((op, text))
            continue
        lead = " " if text[:1].isspace() else ""
        tail = " " if text[-1:].isspace() else ""
        if first:
            out.append((op, "… " + " ".join(words[-context:]) + tail))
        elif last:
            out.append((op, lead + " ".join(words[:context]) + " …"))
        else:
            head, end = " ".join(words[:context]), " ".join(words[-context:])
            out.append((op, f"{lead}{head} … {end}{tail}"))
    return out


# --- text -----------------------------------------------------------------------------

_MARK = {"added": "+", "removed": "-", "changed": "~", "renamed": "~"}
_COLOUR = {"added": "green", "removed": "red", "changed": "yellow", "renamed": "yellow"}


def as_text(diffs: list[PlanDiff], colour: bool) -> str:
    """The terminal report: a heading per district, a marked line per change."""

    def paint(text: str, fg: str, **style: bool) -> str:
        return click.style(text, fg=fg, **style) if colour else text

    lines: list[str] = []
    for diff in diffs:
        # Not view(diff): it works out the word runs of every change, done here line by line.
        heading = f"{district_name(diff)}: {diff.old_year} → {diff.new_year}"
        lines += [paint(heading, "white", bold=True), summary_sentence(diff), ""]
        for change in diff.changes:
            item = _item(change)
            mark = _MARK[change.change]
            lines.append(paint(f"{mark} {item.text}", _COLOUR[change.change]))
            if item.runs:
                lines.append("    " + _text_runs(item.runs, paint))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _text_runs(runs: list[tuple[str, str]], paint: Callable[..., str]) -> str:
    parts = []
    for op, text in runs:
        flat = " ".join(text.split())
        if op == "-":
            parts.append(paint(f"[-{flat}-]", "red"))
        elif op == "+":
            parts.append(paint(f"{{+{flat}+}}", "green"))
        else:
            lead = " " if text[:1].isspace() else ""
            parts.append(lead + flat + (" " if flat and text[-1:].isspace() else ""))
    return "".join(parts).strip()


# --- JSON -----------------------------------------------------------------------------


def as_json(diffs: list[PlanDiff]) -> str:
    """SPEC's object for one district; {"version", "diffs": [...]} for several."""
    data = (
        diffs[0].as_json()
        if len(diffs) == 1
        else {"version": DIFF_VERSION, "diffs": [d.as_json() for d in diffs]}
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- pages ----------------------------------------------------------------------------


def as_page(
    env: ImmutableSandboxedEnvironment,
    diffs: list[PlanDiff],
    fmt: str,
    home: str | None = None,
    plan_href: str | None = None,
) -> str:
    """The Markdown or HTML page of one or more diffs.

    `home` links the page to the site's index, `plan_href` to the new year's plan page;
    both are set by `samplan build` and left out of a page written elsewhere.
    """
    template = env.get_template("diff.md.j2" if fmt == "md" else "diff.html.j2")
    views = [view(d) for d in diffs]
    return template.render(freeze_context(views=views, home=home, plan_href=plan_href))
