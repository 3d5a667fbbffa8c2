"""Find the plan folders of a repository: `<data>/<district-id>/<year>/*.yaml` (or `.yml`)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from samplan import diagnostics as d
from samplan.locale import t
from samplan.registry import registry

MAX_PLANS = 2000
PLAN_SUFFIXES = (".yaml", ".yml")  # as written: `x.YAML` is reported, not read


def is_plan_file(path: Path) -> bool:
    """A file the loader reads as part of its plan (by name; the loader checks the rest)."""
    return path.suffix in PLAN_SUFFIXES


def looks_like_plan_file(path: Path) -> bool:
    """A name that an author may have meant as a plan part, but that is not read:
    `x.YAML`, `x.yaml~`, `x.yml.bak`, `x.json`."""
    name = path.name.casefold()
    if is_plan_file(path) or name.startswith("."):
        return False
    return ".yaml" in name or ".yml" in name or name.endswith(".json")


# A NamedTuple, not a frozen dataclass: defining one costs every command ~0.3 ms.
class PlanRef(NamedTuple):
    """Where one plan lives."""

    district: str
    year: int
    folder: Path


def _problem(code: d.Code, message: str, folder: Path, root: Path, hint: str) -> d.Diagnostic:
    try:
        rel = folder.relative_to(root).as_posix()
    except ValueError:
        rel = folder.as_posix()
    return d.Diagnostic(code.code, code.name, "error", message, file=rel, help=hint)


def _entries(folder: Path, root: Path, problems: list[d.Diagnostic]) -> list[Path] | None:
    """The entries of a folder, or None (after an SP012) when it cannot be read."""
    try:
        return list(folder.iterdir())
    except OSError as err:
        why = err.strerror or type(err).__name__
        hint = t("repository.unreadable-folder.help")
        message = t("repository.unreadable-folder", reason=why)
        problems.append(_problem(d.BAD_FOLDER, message, folder, root, hint))
        return None


def discover(
    data: Path, root: Path, years: set[int] | None = None, districts: set[str] | None = None
) -> tuple[list[PlanRef], list[d.Diagnostic]]:
    """Every plan folder under `data` (filtered by year and district), with folder problems."""
    reg = registry()
    found: list[PlanRef] = []
    problems: list[d.Diagnostic] = []
    for district_dir in sorted(p for p in _entries(data, root, problems) or [] if p.is_dir()):
        name = district_dir.name
        if name.startswith("."):
            continue
        if districts and name not in districts:
            continue
        if reg.district(name) is None:
            near = reg.suggest_district(name)
            hint = t("did-you-mean", word=near[0]) if near else t("repository.not-a-district.help")
            problems.append(
                _problem(
                    d.UNKNOWN_DISTRICT,
                    t("repository.not-a-district", name=d.shown(name)),
                    district_dir,
                    root,
                    hint,
                )
            )
            continue
        for year_dir in sorted(
            p for p in _entries(district_dir, root, problems) or [] if p.is_dir()
        ):
            ref = _year_folder(year_dir, root, name, years, problems)
            if ref is not None:
                found.append(ref)
    if len(found) > MAX_PLANS:
        problems.append(
            _problem(
                d.LIMIT_EXCEEDED,
                t("repository.too-many-plans", count=len(found), limit=MAX_PLANS),
                data,
                root,
                t("repository.too-many-plans.help"),
            )
        )
        found = found[:MAX_PLANS]
    return sorted(found), problems


def _year_folder(
    folder: Path, root: Path, district: str, years: set[int] | None, problems: list[d.Diagnostic]
) -> PlanRef | None:
    name = folder.name
    if name.startswith("."):
        return None
    if not (name.isascii() and name.isdigit() and len(name) == 4):
        problems.append(
            _problem(
                d.BAD_FOLDER,
                t("repository.not-a-year", name=d.shown(name)),
                folder,
                root,
                t("repository.not-a-year.help"),
            )
        )
        return None
    year = int(name)
    if years and year not in years:
        return None
    entries = _entries(folder, root, problems)
    if entries is None:
        return None
    if not any(is_plan_file(p) for p in entries):
        problems.append(
            _problem(
                d.BAD_FOLDER,
                t("repository.no-yaml"),
                folder,
                root,
                t("repository.no-yaml.help"),
            )
        )
        return None
    return PlanRef(district, year, folder)


def previous_of(ref: PlanRef, refs: list[PlanRef]) -> PlanRef | None:
    """The nearest earlier plan of the same district."""
    earlier = [r for r in refs if r.district == ref.district and r.year < ref.year]
    return max(earlier, key=lambda r: r.year) if earlier else None
