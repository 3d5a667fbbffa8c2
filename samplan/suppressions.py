"""Inline suppressions: `# samplan: ignore[SP104]` on a line drops the findings of those
codes on that line, and a suppression that drops nothing is itself reported (SP117
unused-suppression), so none outlives the finding it was written for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from samplan import diagnostics as d
from samplan.config import Config
from samplan.locale import t

if TYPE_CHECKING:
    from samplan.loader import PlanSource
    from samplan.repository import PlanRef

_SUPPRESS = re.compile(r"#\s*samplan:\s*ignore\[([A-Z0-9,\s]+)\]")
Wanted = dict[tuple[str, int], tuple[set[str], int]]  # (file, line) -> (codes, column)


def suppressions(source: PlanSource) -> Wanted:
    """The codes each `# samplan: ignore[...]` line names, and its column, by file and line.
    A line without "samplan" holds none: the substring test spares the regex nearly every
    line (a 2 MB plan has 54,000)."""
    wanted: Wanted = {}
    for file, lines in source.lines.items():
        for number, text in enumerate(lines, 1):
            if "samplan" not in text:
                continue
            match = _SUPPRESS.search(text)
            if match:
                codes = {c.strip() for c in match.group(1).split(",") if c.strip()}
                wanted[(file, number)] = (codes, match.start() + 1)
    return wanted


def suppress(
    diags: list[d.Diagnostic], source: PlanSource, ref: PlanRef, config: Config
) -> list[d.Diagnostic]:
    """Drop findings suppressed by `# samplan: ignore[CODE]` on their line; report
    suppressions that suppress nothing."""
    wanted = suppressions(source)
    used: set[tuple[str, int, str]] = set()
    kept = []
    for diag in diags:
        codes, _ = wanted.get((diag.file or "", diag.line or 0), (set(), 0))
        if diag.code in codes:
            used.add((diag.file or "", diag.line or 0, diag.code))
        else:
            kept.append(diag)
    return kept + _unused(wanted, used, source, ref, config)


def _unused(
    wanted: Wanted,
    used: set[tuple[str, int, str]],
    source: PlanSource,
    ref: PlanRef,
    config: Config,
) -> list[d.Diagnostic]:
    """An SP117 for every code a suppression names that dropped no finding."""
    from samplan.rules import UNUSED_SUPPRESSION

    code, name = UNUSED_SUPPRESSION
    severity = config.severity_of(code, "warning")
    if severity == "off":
        return []
    return [
        d.Diagnostic(
            code,
            name,
            cast(d.Severity, severity),
            t("check.unused-suppression", code=unused),
            file=file,
            line=line,
            column=column,
            help=t("check.unused-suppression.help"),
            district=ref.district,
            year=ref.year,
            snippet=source.lines[file][line - 1],
        )
        for (file, line), (codes, column) in sorted(wanted.items())
        for unused in sorted(c for c in codes if (file, line, c) not in used)
    ]
