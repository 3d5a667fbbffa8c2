"""`samplan new YEAR`: start next year's plan of each district from its latest plan.

Select → load (a plan that does not load is not copied) → copy each plan folder into a
staging folder beside it → roll every YAML file forward (samplan.authoring.next_year,
through the round-trip reader) → move the folder into place whole. Nothing is written
until every selected plan is known to load and no target folder exists.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.error import YAMLError

from samplan import diagnostics as d
from samplan.authoring.next_year import roll_forward
from samplan.authoring.roundtrip import RoundTrip
from samplan.loader import load_plan
from samplan.model import Plan
from samplan.registry import registry
from samplan.repository import PlanRef, discover
from samplan.rules import stale_year
from samplan.rules.base import Context

SUFFIXES = (".yaml", ".yml")
BOM = b"\xef\xbb\xbf"


class NewError(Exception):
    """The selection cannot be started (usage): a folder exists, nothing matches."""


@dataclass
class Started:
    """One new plan folder: where it came from, what changed, what is left to write."""

    source: PlanRef
    target: Path
    changes: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)


@dataclass
class NewReport:
    started: list[Started] = field(default_factory=list)
    diagnostics: list[d.Diagnostic] = field(default_factory=list)  # of plans not loaded


def _source(refs: list[PlanRef], district: str, year: int, from_year: int | None) -> PlanRef | None:
    mine = [r for r in refs if r.district == district]
    if from_year is not None:
        return next((r for r in mine if r.year == from_year), None)
    earlier = [r for r in mine if r.year < year]
    return max(earlier, key=lambda r: r.year) if earlier else None


def select(
    refs: list[PlanRef], year: int, from_year: int | None, districts: set[str] | None
) -> list[PlanRef]:
    """The plan each selected district starts from; a usage error when there is none."""
    if from_year is not None and from_year >= year:
        raise NewError(f"--from {from_year} is not a year before {year}")
    names = sorted(districts or {r.district for r in refs})
    chosen = []
    for name in names:
        source = _source(refs, name, year, from_year)
        if source is None and districts:
            before = f"for {from_year}" if from_year is not None else f"before {year}"
            raise NewError(f"{name} has no plan {before} in the data folder")
        if source is not None:
            chosen.append(source)
    if not chosen:
        raise NewError(f"no district has a plan before {year} to start from")
    for source in chosen:
        target = source.folder.parent / str(year)
        if target.exists():
            raise NewError(f"{target.as_posix()} already exists; nothing was written")
    return chosen


def new(
    root: Path,
    data: Path,
    year: int,
    from_year: int | None = None,
    districts: set[str] | None = None,
) -> NewReport:
    """Start the plan for `year` of every selected district (see the module docstring)."""
    refs, _ = discover(data, root)
    chosen = select(refs, year, from_year, districts)
    report = NewReport()
    loaded: dict[PlanRef, Plan | None] = {}
    for source in chosen:
        result = load_plan(source.folder, root)
        report.diagnostics += result.diagnostics
        loaded[source] = result.plan
    if any(x.severity == "error" for x in report.diagnostics):
        return report
    for source in chosen:
        started = start(source, year)
        started.todo += left_behind(root, started, loaded[source])
        report.started.append(started)
    return report


def left_behind(root: Path, started: Started, previous: Plan | None) -> list[str]:
    """What rule SP120 still finds in the new plan: headings naming the old year, ..."""
    result = load_plan(started.target, root)
    if result.plan is None:
        return ["the new plan does not load: run samplan check"]
    ctx = Context(result.plan, registry().district(started.source.district), previous)
    return [f"{x.message} ({x.help})" if x.help else x.message for x in stale_year.check(ctx)]


def start(source: PlanRef, year: int) -> Started:
    """Copy one plan folder to `year`, rolled forward, moved into place whole."""
    target = source.folder.parent / str(year)
    started = Started(source, target)
    stage = source.folder.parent / f".samplan-new-{year}-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    try:
        shutil.copytree(source.folder, stage)
        for path in sorted(p for p in stage.iterdir() if p.suffix in SUFFIXES):
            _roll_file(path, source.year, year, started)
        os.rename(stage, target)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return started


def _roll_file(path: Path, old: int, new: int, started: Started) -> None:
    """Roll one file forward in place, keeping its byte-order mark and line endings."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
        trip = RoundTrip(text)
    except (UnicodeDecodeError, YAMLError):
        started.todo.append(f"{path.name}: copied unchanged (not readable for rewriting)")
        return
    rolled = roll_forward(trip.data, old, new)
    started.changes += [f"{path.name}: {change}" for change in rolled.changes]
    started.todo += rolled.todo
    written = trip.dump()
    if written == text:
        return
    if b"\r\n" in raw:
        written = written.replace("\n", "\r\n")
    bom = BOM if raw.startswith(BOM) else b""
    path.write_bytes(bom + written.encode("utf-8"))
