"""What a command's YEAR arguments and `--district` options select.

A selection that matches no plan is refused, never read as success: a CI filter with a
typo (`--district nordjylland`) must not stay green for ever because it checked nothing.
A year that some districts have and others lack is fine.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from samplan.diagnostics import Diagnostic, shown
from samplan.locale import t
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
        names = t("selection.or").join(repr(n) for n in near)
        hint = t("selection.did-you-mean", names=names) if near else ""
        ids = _listed(sorted(reg.districts))
        raise NothingSelected(
            t(
                "selection.not-a-district",
                name=shown(name),
                hint=hint,
                count=len(reg.districts),
                ids=ids,
            )
        )


def require_folder(data: Path) -> None:
    """Refuse a data folder that does not exist."""
    if not data.is_dir():
        raise NothingSelected(t("selection.no-folder", folder=shown(str(data))))


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
        asked += t("selection.of-districts", names=_listed(sorted(districts)))
    if years:
        asked += t("selection.for-years", years=_listed(sorted(years)))
    if not every:
        return t("selection.no-plans", asked=asked, where=where, data=data.as_posix())
    years_there = sorted({r.year for r in every if not districts or r.district in districts})
    if not years_there:
        names = _listed(sorted({r.district for r in every}))
        there = t("selection.districts-there", names=names)
    elif not districts:
        there = t("selection.years-there", years=_listed(years_there))
    elif len(districts) == 1:
        there = t("selection.years-there-district", years=_listed(years_there))
    else:
        there = t("selection.years-there-districts", years=_listed(years_there))
    return t("selection.no-match", asked=asked, where=where, there=there)


def _listed(items: list[int] | list[str]) -> str:
    return ", ".join(str(item) for item in items)
