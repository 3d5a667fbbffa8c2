"""What a command's YEAR arguments and `--district` options select.

A selection that matches no plan is refused, never read as success: a CI filter with a
typo (`--district nordjylland`) must not stay green for ever because it checked nothing.
A year that some districts have and others lack is fine.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from samplan.diagnostics import Diagnostic, shown
from samplan.registry import registry
from samplan.repository import PlanRef


class NothingSelected(Exception):
    """The selection matches no plan; the message says what matched nothing.

    `diagnostics` are the problems found on the way (a folder that is no plan folder),
    which may be why nothing matched.
    """

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics or []


def require_known_districts(districts: Iterable[str] | None) -> None:
    """Refuse a `--district` that is no district id, naming the closest ids."""
    reg = registry()
    for name in sorted(set(districts or ())):
        if reg.district(name) is not None:
            continue
        near = reg.suggest_district(name)
        hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        raise NothingSelected(
            f"--district {shown(name)} is not a police district id{hint} "
            f"(the {len(reg.districts)} ids: {_listed(sorted(reg.districts))})"
        )


def require_folder(data: Path) -> None:
    """Refuse a data folder that does not exist."""
    if not data.is_dir():
        raise NothingSelected(
            f"data folder {shown(str(data))} does not exist: run samplan from the root of a "
            "plan repository, or name the folder with --data DIR"
        )


def select(
    every: list[PlanRef],
    data: Path,
    years: set[int] | None,
    districts: set[str] | None,
    problems: list[Diagnostic],
) -> list[PlanRef]:
    """The plans of `every` that the selection names; refused when there are none."""
    chosen = [
        ref
        for ref in every
        if (not years or ref.year in years) and (not districts or ref.district in districts)
    ]
    if not chosen:
        raise NothingSelected(nothing_matched(every, data, years, districts), problems)
    return chosen


def nothing_matched(
    every: list[PlanRef], data: Path, years: set[int] | None, districts: set[str] | None
) -> str:
    """Why the selection is empty, with what there is to select instead."""
    where = shown(str(data))
    asked = ""
    if districts:
        asked += " of " + _listed(sorted(districts))
    if years:
        asked += " for " + _listed(sorted(years))
    if not every:
        return (
            f"no plan{asked} in {where}: a plan is a folder "
            f"{data.as_posix()}/<district-id>/<year>/ holding .yaml files "
            "(see the README, 'A plan repository')"
        )
    years_there = sorted({r.year for r in every if not districts or r.district in districts})
    if years_there:
        of = " of " + ("that district" if len(districts or ()) == 1 else "those districts")
        there = f"years with plans{of if districts else ''}: {_listed(years_there)}"
    else:
        there = f"districts with plans: {_listed(sorted({r.district for r in every}))}"
    return f"no plan{asked} in {where} ({there})"


def _listed(items: list[int] | list[str]) -> str:
    return ", ".join(str(item) for item in items)
