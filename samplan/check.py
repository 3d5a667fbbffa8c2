"""`samplan check`: load every selected plan, run every rule, apply settings and
inline suppressions. Returns diagnostics; printing is the CLI's and the reporters' job.

A plan whose inputs did not change is answered from the check cache (samplan.cache), so
the loader, the plan model and the rules (pydantic with them) are imported only when a
plan must really be checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from samplan import diagnostics as d
from samplan.config import Config
from samplan.locale import language, t
from samplan.registry import registry
from samplan.repository import PlanRef, discover, previous_of
from samplan.selection import require_known_districts, select

if TYPE_CHECKING:
    from samplan.cache import CheckCache
    from samplan.loader import LoadResult, PlanSource
    from samplan.rules.base import Finding, Rule
    from samplan.yamlsource import Mark


# A NamedTuple, not a frozen dataclass: defining one costs every command ~0.3 ms.
class Unjudged(NamedTuple):
    """A rule that did not judge a plan, and why ('excerpt'): `check --verbose`."""

    district: str
    year: int
    code: str
    name: str
    reason: str

    def text(self) -> str:
        plan, rule = f"{self.district} {self.year}", f"{self.code} {self.name}"
        return t("check.not-judged", plan=plan, code=rule, reason=self.reason)


@dataclass
class CheckReport:
    plans: int = 0
    diagnostics: list[d.Diagnostic] = field(default_factory=list)
    not_judged: list[Unjudged] = field(default_factory=list)


class _Plans:
    """Loads each plan folder once (a plan may be checked and be another's previous)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cache: dict[PlanRef, LoadResult] = {}

    def load(self, ref: PlanRef) -> LoadResult:
        from samplan.loader import load_plan

        if ref not in self.cache:
            self.cache[ref] = load_plan(ref.folder, self.root)
        return self.cache[ref]


def _value_at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part] if isinstance(part, int) else getattr(data, part, None)
        if data is None:
            return None
    return data


def _refine(source: PlanSource, file: str, mark: Mark, text: str, offset: int) -> Mark:
    """The line and column of `offset` within a literal block or one-line scalar."""
    from samplan.yamlsource import Mark

    lines = source.lines.get(file, [])
    start = lines[mark.line - 1][mark.column - 1 :] if mark.line <= len(lines) else ""
    line_start = text.rfind("\n", 0, offset) + 1
    if start.startswith("|"):
        line = mark.line + 1 + text.count("\n", 0, offset)
        if line > len(lines):
            return mark
        indent = len(lines[line - 1]) - len(lines[line - 1].lstrip())
        return Mark(line, indent + 1 + offset - line_start)
    if "\n" not in text[:offset] and not start.startswith(">"):
        quoted = 1 if start[:1] in ("'", '"') else 0
        return Mark(mark.line, mark.column + quoted + offset)
    return mark


def _diagnostic(
    rule: Rule, severity: str, finding: Finding, result: LoadResult, ref: PlanRef
) -> d.Diagnostic:
    source = result.source
    file, mark = source.locate(finding.path, finding.at_key)
    if file and mark and finding.offset is not None:
        text = _value_at(result.plan, finding.path)
        if isinstance(text, str):
            mark = _refine(source, file, mark, text, finding.offset)
    return d.Diagnostic(
        rule.CODE,
        rule.NAME,
        cast(d.Severity, severity),
        finding.message,
        file=file if mark else None,
        line=mark.line if mark else None,
        column=mark.column if mark else None,
        help=finding.help,
        district=ref.district,
        year=ref.year,
        snippet=source.snippet(file, mark),
        width=mark.width if mark and not finding.offset else 1,
    )


def run_rules(
    result: LoadResult,
    ref: PlanRef,
    previous: LoadResult | None,
    config: Config,
    not_judged: list[Unjudged] | None = None,
) -> Iterator[d.Diagnostic]:
    """Every rule's findings on one loaded plan, at the configured severities; the rules
    that did not judge a partial plan go to `not_judged`."""
    from samplan.rules import RULES
    from samplan.rules.base import Context, NotJudged

    plan = result.plan
    assert plan is not None
    before = previous.plan if previous is not None else None
    ctx = Context(plan, registry().district(ref.district), before, frozenset(config.words))
    skipped = not_judged if not_judged is not None else []
    for rule in RULES.values():
        severity = config.severity_of(rule.CODE, rule.SEVERITY)
        if severity == "off" or plan.year < rule.FIRST_YEAR:
            continue
        if rule.WHOLE_PLAN and plan.source is not None and plan.source.partial:
            skipped.append(Unjudged(ref.district, ref.year, rule.CODE, rule.NAME, plan.source.name))
            continue
        for finding in rule.check(ctx):
            if isinstance(finding, NotJudged):
                skipped.append(
                    Unjudged(ref.district, ref.year, rule.CODE, rule.NAME, finding.reason)
                )
            else:
                yield _diagnostic(rule, severity, finding, result, ref)


def loader_findings(diags: list[d.Diagnostic], config: Config) -> list[d.Diagnostic]:
    """The loader's findings at their configured severity (only its warnings have one)."""
    kept = []
    for diag in diags:
        severity = config.severity_of(diag.code, diag.severity)
        if diag.code not in d.WARNING_CODES or severity == diag.severity:
            kept.append(diag)
        elif severity != "off":
            kept.append(replace(diag, severity=cast(d.Severity, severity)))
    return kept


def settings_key(config: Config) -> str:
    """What of the settings changes a plan's findings (for the cache's key); messages are
    made in the language in use, so it is part of the key too."""
    return json.dumps([sorted(config.severity.items()), sorted(config.words), language()])


def check_plan(
    ref: PlanRef, before: PlanRef | None, plans: _Plans, config: Config
) -> tuple[list[d.Diagnostic], list[Unjudged]]:
    """The findings on one plan (the loader's, or the rules' after suppressions) and the
    rules that did not judge it."""
    result = plans.load(ref)
    loaded = loader_findings(result.diagnostics, config)
    if result.plan is None:
        return loaded, []
    previous = plans.load(before) if before else None
    not_judged: list[Unjudged] = []
    found = list(run_rules(result, ref, previous, config, not_judged))
    from samplan.suppressions import suppress

    return loaded + suppress(found, result.source, ref, config), not_judged


def _cached_check_plan(
    ref: PlanRef, before: PlanRef | None, plans: _Plans, config: Config, cache: CheckCache
) -> tuple[list[d.Diagnostic], list[Unjudged]]:
    """check_plan, answered from the cache when the plan and its earlier year are unchanged;
    stored only when the inputs did not change while they were checked."""
    settings = settings_key(config)
    previous = before.folder if before else None
    key = cache.plan_key(plans.root, ref.folder, previous, settings)
    hit = cache.get(key)
    if hit is not None:
        try:
            return hit[0], [Unjudged(**note) for note in hit[1]]
        except TypeError:  # notes of another shape: not ours
            pass
    found, not_judged = check_plan(ref, before, plans, config)
    if key is not None and key == cache.plan_key(plans.root, ref.folder, previous, settings):
        cache.put(key, found, [x._asdict() for x in not_judged])
    return found, not_judged


def check(
    root: Path,
    data: Path,
    config: Config,
    years: set[int] | None = None,
    districts: set[str] | None = None,
    cache: CheckCache | None = None,
) -> CheckReport:
    """Check every selected plan under `data` (through `cache` when one is given)."""
    report = CheckReport()
    require_known_districts(districts)
    every, problems = discover(data, root)
    report.diagnostics += problems
    plans = _Plans(root)
    for ref in select(every, data, years, districts, problems):
        report.plans += 1
        before = previous_of(ref, every)
        if cache is not None and cache.enabled:
            found, not_judged = _cached_check_plan(ref, before, plans, config, cache)
        else:
            found, not_judged = check_plan(ref, before, plans, config)
        report.diagnostics += found
        report.not_judged += not_judged
    if cache is not None:
        cache.prune()
    report.diagnostics.sort(key=lambda x: (*x.sort_key, x.message))
    return report
