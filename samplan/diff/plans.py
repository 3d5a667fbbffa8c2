"""Which plans `samplan diff` compares: two years of a repository, or two plan folders."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path

from samplan import diagnostics as d
from samplan.diff.changes import PlanDiff
from samplan.diff.compare import diff_plans
from samplan.loader import load_plan
from samplan.locale import listed, t
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


def _diff_pairs(pairs: list[tuple[Path, Path]], root: Path, result: Comparison) -> None:
    """Each pair of plan folders loaded and compared, with no garbage collection meanwhile.

    Two 2 MB plans are a million objects, nearly all trees that reference counting frees:
    the collector would traverse them again and again (a sixth of a diff's time) and find
    nothing. What a pair leaves in cycles is young: it is collected before the next pair,
    and after the last by the collector as it was (`samplan diff` exits first).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        for number, (old, new) in enumerate(pairs):
            if number:
                gc.collect(0)
            diff = _loaded_diff(old, new, root, result)  # the plans are gone once it returns
            if diff is not None:
                result.diffs.append(diff)
    finally:
        if enabled:
            gc.enable()


def _loaded_diff(old: Path, new: Path, root: Path, result: Comparison) -> PlanDiff | None:
    before = _load(old, root, result)
    after = _load(new, root, result)
    return diff_plans(before, after) if before is not None and after is not None else None


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
        years = _years(by_district) or t("diff.no-years")
        if districts:
            message = t(
                "diff.no-pair.districts",
                old=old,
                new=new,
                districts=listed(sorted(districts)),
                data=data,
                years=years,
            )
        else:
            message = t("diff.no-pair", old=old, new=new, data=data, years=years)
        raise ComparisonError(message)
    _diff_pairs([(both[k][old], both[k][new]) for k in sorted(both)], root, result)
    return result


def _years(by_district: dict[str, dict[int, Path]]) -> str:
    return ", ".join(str(y) for y in sorted({y for v in by_district.values() for y in v}))


def compare_folders(root: Path, old: Path, new: Path) -> Comparison:
    """The diff from the plan in folder `old` to the plan in folder `new`."""
    result = Comparison()
    _diff_pairs([(old, new)], root, result)
    return result
