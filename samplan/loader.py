"""Load one plan folder: read every YAML file, merge, validate, and locate every error.

Nothing here raises on bad input: every problem becomes a located Diagnostic, and all
problems of all files are reported in one run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from samplan import diagnostics as d
from samplan.locale import t
from samplan.model import Plan
from samplan.plan_files import PlanFiles, relative
from samplan.references import dangling_references, duplicate_ids
from samplan.registry import registry
from samplan.validation_errors import DataPath, problems
from samplan.yamlmarks import MarkTree
from samplan.yamlsource import Document, Mark, read_yaml

PROBLEM_CODES = {
    "syntax": d.YAML_SYNTAX,
    "duplicate-key": d.DUPLICATE_KEY,
    "refused": d.REFUSED_YAML,
    "character": d.FORBIDDEN_CHARACTER,
    "comment-in-text": d.COMMENT_IN_TEXT,
}


@dataclass
class PlanSource:
    """Where every key and value of a merged plan came from."""

    lines: dict[str, list[str]] = field(default_factory=dict)  # file -> its lines
    owner: dict[str, str] = field(default_factory=dict)  # top-level key -> file
    keys: Mapping[DataPath, Mark] = field(default_factory=dict)
    values: Mapping[DataPath, Mark] = field(default_factory=dict)

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
        self.plan_files = PlanFiles(folder, root, self.report)
        self.rel = self.plan_files.rel
        self.marks = MarkTree.merged()  # each top-level key's marks, from the file it is in
        self.source = PlanSource(keys=self.marks.keys, values=self.marks.values)
        self.diags: list[d.Diagnostic] = []
        self.district = folder.parent.name
        self.year = int(folder.name) if folder.name.isdigit() else None

    def report(
        self, code: d.Code, message: str, file: str | None, mark: Mark | None, hint: str | None
    ) -> None:
        self.diags.append(
            d.Diagnostic(
                code.code,
                code.name,
                code.severity,
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

    def read(self, path: Path, rel: str) -> Document | None:
        text = self.plan_files.text(path, rel)
        if text is None:
            return None
        lines = text.splitlines()
        self.source.lines[rel] = lines or [""]
        doc = read_yaml(text, lines)
        for problem in doc.problems:
            code = PROBLEM_CODES.get(problem.kind, d.LIMIT_EXCEEDED)
            self.report(code, problem.message, rel, problem.mark, problem.help)
        if doc.data is None:
            return None
        if not isinstance(doc.data, dict):
            what = (
                t("loader.not-a-mapping.list")
                if isinstance(doc.data, list)
                else t("loader.not-a-mapping")
            )
            self.report(
                d.NOT_A_MAPPING,
                what,
                rel,
                Mark(1, 1),
                t("loader.not-a-mapping.help"),
            )
            return None
        return doc

    def merge(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for path in self.plan_files.files():
            rel = relative(path, self.root)
            doc = self.read(path, rel)
            if doc is None:
                continue
            for key, value in (doc.data or {}).items():
                if key in merged:
                    first = self.source.owner[key]
                    self.report(
                        d.KEY_IN_TWO_FILES,
                        t("loader.key-in-two-files", key=d.shown(key), file=first),
                        rel,
                        doc.keys.get((key,)),
                        t("loader.key-in-two-files.help"),
                    )
                    continue
                merged[key] = value
                self.source.owner[key] = rel
                self.marks.adopt(doc.marks, key)
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
                t("loader.duplicate-id", id=ident, kind=kind),
                (*path, "id"),
                False,
                t("loader.duplicate-id.help"),
            )
        for path, kind, ident in dangling_references(plan):
            message = t("loader.unknown-reference", kind=kind, id=ident)
            self.at(d.UNKNOWN_REFERENCE, message, path, False, _closest_id(plan, kind, ident))
        self.check_identity(plan)
        return plan

    def check_identity(self, plan: Plan) -> None:
        reg = registry()
        if reg.district(plan.district) is None:
            near = reg.suggest_district(plan.district)
            hint = t("did-you-mean", word=near[0]) if near else t("loader.unknown-district.help")
            self.at(
                d.UNKNOWN_DISTRICT,
                t("loader.unknown-district", district=d.shown(plan.district)),
                ("district",),
                False,
                hint,
            )
        if plan.district != self.district:
            self.at(
                d.FOLDER_MISMATCH,
                t(
                    "loader.district-mismatch",
                    district=d.shown(plan.district),
                    folder=d.shown(self.district),
                ),
                ("district",),
                False,
                t("loader.district-mismatch.help"),
            )
        if plan.year != self.year:
            self.at(
                d.FOLDER_MISMATCH,
                t("loader.year-mismatch", year=plan.year, folder=d.shown(self.folder.name)),
                ("year",),
                False,
                t("loader.year-mismatch.help"),
            )


def load_plan(folder: Path, root: Path) -> LoadResult:
    """Read, merge and validate the plan in `folder`; file names relative to `root`."""
    loader = _Loader(folder, root)
    data = loader.merge()
    del loader.plan_files  # it holds loader.report: a cycle that only a collection frees
    plan = loader.validate(data)
    if any(x.severity == "error" for x in loader.diags):
        plan = None
    return LoadResult(loader.rel, plan, loader.source, loader.diags)


def _closest_id(plan: Plan, kind: str, wrong: str) -> str:
    """'did you mean ...?' for a dangling id, from the ids of the kind it should name."""
    candidates = [e.key for k, entities in plan.entity_lists() if k == kind for e in entities]
    import difflib  # only for a did-you-mean

    near = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return (
        t("did-you-mean", word=near[0]) if near else t("loader.unknown-reference.help", kind=kind)
    )
