"""Load one plan folder: read every YAML file, merge, validate, and locate every error.

Nothing here raises on bad input: every problem becomes a located Diagnostic, and all
problems of all files are reported in one run.
"""

from __future__ import annotations

import difflib
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from samplan import diagnostics as d
from samplan.model import Plan
from samplan.references import dangling_references, duplicate_ids
from samplan.registry import registry
from samplan.repository import is_plan_file, looks_like_plan_file
from samplan.validation_errors import DataPath, problems
from samplan.yamlsource import Document, Mark, read_yaml

MAX_FILE_BYTES = 2 * 1024 * 1024  # one plan file
MAX_FILES = 100  # YAML files in one plan folder
MAX_PLAN_BYTES = 10 * 1024 * 1024  # all files of one plan folder together

_PROBLEM_CODES = {
    "syntax": d.YAML_SYNTAX,
    "duplicate-key": d.DUPLICATE_KEY,
    "refused": d.REFUSED_YAML,
    "character": d.FORBIDDEN_CHARACTER,
}


@dataclass
class PlanSource:
    """Where every key and value of a merged plan came from."""

    lines: dict[str, list[str]] = field(default_factory=dict)  # file -> its lines
    owner: dict[str, str] = field(default_factory=dict)  # top-level key -> file
    keys: dict[DataPath, Mark] = field(default_factory=dict)
    values: dict[DataPath, Mark] = field(default_factory=dict)

    def resolve(self, path: DataPath) -> DataPath:
        """`path` as it stands in the files: a lone mapping may stand for a one-item list
        (`include: {part: fora}`), so an index that is not there is skipped."""
        resolved: DataPath = ()
        for part in path:
            here = (*resolved, part)
            if here in self.values or here in self.keys:
                resolved = here
            elif not isinstance(part, int):
                resolved = here  # not in the files: locate() falls back to an ancestor
        return resolved

    def locate(self, path: DataPath, at_key: bool = False) -> tuple[str | None, Mark | None]:
        """The file and mark of `path`, or of its nearest located ancestor."""
        path = self.resolve(path)
        plan_file = self.owner.get("title") or next(iter(self.lines), None)
        file = self.owner.get(str(path[0])) if path else plan_file
        for depth in range(len(path), 0, -1):
            here = path[:depth]
            first = self.keys if at_key or depth < len(path) else self.values
            mark = first.get(here) or self.keys.get(here)
            if mark is not None:
                return file, mark
        return file, (Mark(1, 1) if file else None)

    def snippet(self, file: str | None, mark: Mark | None) -> str | None:
        if file is None or mark is None or mark.line > len(self.lines.get(file, [])):
            return None
        return self.lines[file][mark.line - 1]


@dataclass
class LoadResult:
    """A validated plan (None when it could not be built) with its findings."""

    folder: str
    plan: Plan | None
    source: PlanSource
    diagnostics: list[d.Diagnostic]


class _Loader:
    def __init__(self, folder: Path, root: Path) -> None:
        self.folder, self.root = folder, root
        # Files may not lead out of the repository; a plan folder named from outside it
        # (`samplan diff /elsewhere/2019 ...`) is its own boundary.
        self.within_root = folder.absolute().is_relative_to(root.absolute())
        self.boundary = root if self.within_root else folder
        self.rel = _relative(folder, root)
        self.source = PlanSource()
        self.diags: list[d.Diagnostic] = []
        self.district = folder.parent.name
        self.year = int(folder.name) if folder.name.isdigit() else None
        self.bytes_read = 0

    def report(
        self,
        code: d.Code,
        message: str,
        file: str | None,
        mark: Mark | None,
        hint: str | None,
        severity: d.Severity = "error",
    ) -> None:
        self.diags.append(
            d.Diagnostic(
                code.code,
                code.name,
                severity,
                message,
                file=file,
                line=mark.line if mark else None,
                column=mark.column if mark else None,
                help=hint,
                district=self.district,
                year=self.year,
                snippet=self.source.snippet(file, mark),
                width=mark.width if mark else 1,
            )
        )

    def at(
        self, code: d.Code, message: str, path: DataPath, at_key: bool, hint: str | None
    ) -> None:
        file, mark = self.source.locate(path, at_key)
        self.report(code, message, file, mark, hint)

    def files(self) -> list[Path]:
        entries = sorted(self.folder.iterdir())
        for path in entries:
            if looks_like_plan_file(path):
                self.report(
                    d.UNREAD_FILE,
                    f"{d.shown(path.name)} is not read: a plan's parts are its .yaml and "
                    ".yml files",
                    _relative(path, self.root),
                    None,
                    "rename the file to end in .yaml if it is part of the plan, else remove it",
                    severity=d.UNREAD_FILE.severity,
                )
        found = self.one_file_a_part([p for p in entries if is_plan_file(p)])
        if len(found) > MAX_FILES:
            self.report(
                d.LIMIT_EXCEEDED,
                f"{len(found)} YAML files in one plan folder, at most {MAX_FILES}",
                self.rel,
                None,
                "merge some files",
            )
            return []
        return found

    def one_file_a_part(self, found: list[Path]) -> list[Path]:
        """`x.yaml` and `x.yml` together are one part saved twice: read `x.yaml` only."""
        stems = {p.stem for p in found if p.suffix == ".yaml"}
        for path in found:
            if path.suffix == ".yml" and path.stem in stems:
                self.report(
                    d.BAD_FOLDER,
                    f"{d.shown(path.name)} and {d.shown(path.stem + '.yaml')} are the same plan "
                    f"part saved twice; {d.shown(path.name)} is not read",
                    _relative(path, self.root),
                    None,
                    "keep one of the two files",
                )
        return [p for p in found if not (p.suffix == ".yml" and p.stem in stems)]

    def read(self, path: Path, rel: str) -> Document | None:
        text = self.text(path, rel)
        if text is None:
            return None
        self.source.lines[rel] = text.splitlines() or [""]
        doc = read_yaml(text)
        for problem in doc.problems:
            code = _PROBLEM_CODES.get(problem.kind, d.LIMIT_EXCEEDED)
            self.report(code, problem.message, rel, problem.mark, problem.help)
        if doc.data is None:
            return None
        if not isinstance(doc.data, dict):
            what = "a list" if isinstance(doc.data, list) else "a single value"
            self.report(
                d.NOT_A_MAPPING,
                f"the file holds {what}, not a mapping of plan keys",
                rel,
                Mark(1, 1),
                "start the file with keys such as 'title: ...'",
            )
            return None
        return doc

    def text(self, path: Path, rel: str) -> str | None:
        if not _inside(path, self.boundary):
            where = "the repository" if self.within_root else "the plan folder"
            self.report(
                d.UNREADABLE_FILE,
                f"the file links to a place outside {where}",
                rel,
                Mark(1, 1),
                "copy the file into the plan folder",
            )
            return None
        raw = self.bytes_of(path, rel)
        if raw is None:
            return None
        try:
            return raw.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as err:
            line = raw[: err.start].count(b"\n") + 1
            column = len(raw[: err.start].rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
            self.report(
                d.UNREADABLE_FILE,
                f"the file is not UTF-8 text (byte 0x{raw[err.start]:02x})",
                rel,
                Mark(line, column),
                "save the file as UTF-8",
            )
            return None

    def bytes_of(self, path: Path, rel: str) -> bytes | None:
        """The file's bytes, unless it is no regular file or exceeds a size limit."""
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):  # a pipe or device would block or never end
                self.report(
                    d.UNREADABLE_FILE,
                    "not a regular file",
                    rel,
                    Mark(1, 1),
                    "a plan file is a plain text file",
                )
                return None
            too_large = info.st_size > MAX_FILE_BYTES  # never read a huge file
            raw = b"" if too_large else path.read_bytes()
        except OSError as err:
            message = f"cannot read the file: {err.strerror}"
            self.report(d.UNREADABLE_FILE, message, rel, Mark(1, 1), None)
            return None
        if too_large or len(raw) > MAX_FILE_BYTES:
            message = f"the file is larger than {MAX_FILE_BYTES // 1024 // 1024} MiB"
            self.report(
                d.LIMIT_EXCEEDED, message, rel, Mark(1, 1), "split the plan over several files"
            )
            return None
        already_over = self.bytes_read > MAX_PLAN_BYTES  # reported once, at the first file
        self.bytes_read += len(raw)
        if already_over:
            return None
        if self.bytes_read > MAX_PLAN_BYTES:
            message = (
                f"the plan's files together are larger than {MAX_PLAN_BYTES // 1024 // 1024} MiB"
            )
            self.report(d.LIMIT_EXCEEDED, message, rel, Mark(1, 1), "shorten the plan")
            return None
        return raw

    def merge(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for path in self.files():
            rel = _relative(path, self.root)
            doc = self.read(path, rel)
            if doc is None:
                continue
            for key, value in (doc.data or {}).items():
                if key in merged:
                    first = self.source.owner[key]
                    self.report(
                        d.KEY_IN_TWO_FILES,
                        f"top-level key {d.shown(key)} is also given in {first}",
                        rel,
                        doc.keys.get((key,)),
                        "keep the key in one file",
                    )
                    continue
                merged[key] = value
                self.source.owner[key] = rel
                self.source.keys.update((p, m) for p, m in doc.keys.items() if p[0] == key)
                self.source.values.update(
                    (p, m) for p, m in doc.values.items() if p and p[0] == key
                )
        return merged

    def validate(self, data: dict[str, Any]) -> Plan | None:
        try:
            plan = Plan.model_validate(data)
        except ValidationError as err:
            file_errors = any(x.severity == "error" for x in self.diags)
            for p in problems(err.errors(include_url=False), data):  # type: ignore[arg-type]
                if file_errors and p.code is d.MISSING_KEY and not p.path:
                    continue  # the key may stand in a file that could not be read
                self.at(p.code, p.message, p.path, p.at_key, p.help)
            return None
        for kind, path, ident in duplicate_ids(plan):
            self.at(
                d.DUPLICATE_ID,
                f"id '{ident}' is used twice in {kind}",
                (*path, "id"),
                False,
                "give each entity of a kind its own id",
            )
        for path, kind, ident in dangling_references(plan):
            message = f"no entity in {kind} has the id '{ident}'"
            self.at(d.UNKNOWN_REFERENCE, message, path, False, _closest_id(plan, kind, ident))
        self.check_identity(plan)
        return plan

    def check_identity(self, plan: Plan) -> None:
        reg = registry()
        if reg.district(plan.district) is None:
            near = reg.suggest_district(plan.district)
            hint = f"did you mean '{near[0]}'?" if near else "see the registry of districts"
            self.at(
                d.UNKNOWN_DISTRICT,
                f"unknown district {d.shown(plan.district)}",
                ("district",),
                False,
                hint,
            )
        if plan.district != self.district:
            self.at(
                d.FOLDER_MISMATCH,
                f"district {d.shown(plan.district)} but the plan's folder is "
                f"{d.shown(self.district)}",
                ("district",),
                False,
                "move the plan or correct the district",
            )
        if plan.year != self.year:
            self.at(
                d.FOLDER_MISMATCH,
                f"year {plan.year} but the plan's folder is {d.shown(self.folder.name)}",
                ("year",),
                False,
                "move the plan or correct the year",
            )


def load_plan(folder: Path, root: Path) -> LoadResult:
    """Read, merge and validate the plan in `folder`; file names relative to `root`."""
    loader = _Loader(folder, root)
    data = loader.merge()
    plan = loader.validate(data)
    if any(x.severity == "error" for x in loader.diags):
        plan = None
    return LoadResult(loader.rel, plan, loader.source, loader.diags)


def _closest_id(plan: Plan, kind: str, wrong: str) -> str:
    """'did you mean ...?' for a dangling id, from the ids of the kind it should name."""
    candidates = [e.key for k, entities in plan.entity_lists() if k == kind for e in entities]
    near = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return f"did you mean '{near[0]}'?" if near else f"use the id of one of the plan's {kind}"


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
