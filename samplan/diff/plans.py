"""Which plans `samplan diff` compares: two years of a repository, or two plan folders."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from samplan import diagnostics as d
from samplan.diff.changes import PlanDiff
from samplan.diff.compare import diff_plans
from samplan.loader import load_plan
from samplan.model import Plan
from samplan.repository import discover
from samplan.selection import require_known_districts


class ComparisonError(Exception):
    """Nothing to compare: the years or folders named do not hold two plans."""


@dataclass
class Comparison:
    """The diffs asked for, and the problems met loading the plans."""

    diffs: list[PlanDiff] = field(default_factory=list)
    diagnostics: list[d.Diagnostic] = field(default_factory=list)
    failed: int = 0


def _load(folder: Path, root: Path, result: Comparison) -> Plan | None:
    loaded = load_plan(folder, root)
    result.diagnostics += loaded.diagnostics
    if loaded.plan is None:
        result.failed += 1
    return loaded.plan


def compare_years(
    root: Path, data: Path, old: int, new: int, districts: set[str] | None
) -> Comparison:
    """The diff from year `old` to year `new` of every district that has both."""
    require_known_districts(districts)
    refs, problems = discover(data, root, {old, new}, districts)
    result = Comparison(diagnostics=problems)
    by_district: dict[str, dict[int, Path]] = {}
    for ref in refs:
        by_district.setdefault(ref.district, {})[ref.year] = ref.folder
    both = {k: v for k, v in by_district.items() if old in v and new in v}
    if not both:
        where = f"district {', '.join(sorted(districts))}" if districts else "any district"
        raise ComparisonError(
            f"no plans for both {old} and {new} in {where} under '{data}' "
            f"(years found: {_years(by_district) or 'none'})"
        )
    for district in sorted(both):
        before = _load(both[district][old], root, result)
        after = _load(both[district][new], root, result)
        if before is not None and after is not None:
            result.diffs.append(diff_plans(before, after))
    return result


def _years(by_district: dict[str, dict[int, Path]]) -> str:
    return ", ".join(str(y) for y in sorted({y for v in by_district.values() for y in v}))


def compare_folders(root: Path, old: Path, new: Path) -> Comparison:
    """The diff from the plan in folder `old` to the plan in folder `new`."""
    result = Comparison()
    before = _load(old, root, result)
    after = _load(new, root, result)
    if before is not None and after is not None:
        result.diffs.append(diff_plans(before, after))
    return result
