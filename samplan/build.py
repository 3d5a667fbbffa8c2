"""`samplan build`: discover → load → render → write, as named steps.

Everything is rendered in memory first; only then is anything written, each plan's
folder staged and moved into place whole (samplan.publish), and only under the output
folder.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from jinja2.sandbox import ImmutableSandboxedEnvironment

from samplan import diagnostics as d
from samplan import outfolder, publish
from samplan.config import Config
from samplan.loader import LoadResult, load_plan
from samplan.locale import t
from samplan.publish import write_atomic as write_atomic  # where callers found it
from samplan.registry import registry
from samplan.render.calendar import calendar_findings
from samplan.render.documents import plan_json, render_index, render_plan, tidy
from samplan.render.environment import warm_builtin
from samplan.render.guarded import Guard, own_templates
from samplan.render.site import Site, site_environment, site_settings, sitemap
from samplan.repository import PlanRef, discover, previous_of
from samplan.selection import require_known_districts, select

# What callers found here before the rendering of a plan's files moved to render.documents.
__all__ = ["BuildReport", "build", "plan_json", "render_plan", "tidy", "write_atomic"]


@dataclass
class BuildReport:
    """What a build did: plans built, files written and every finding."""

    built: list[PlanRef] = field(default_factory=list)
    failed: list[PlanRef] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    diagnostics: list[d.Diagnostic] = field(default_factory=list)


def _output_name(target: Path, root: Path) -> str:
    """An output path as given (never resolved: a link in it is what the message is about)."""
    try:
        return target.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return target.as_posix()


def _not_written(err: OSError, target: Path, root: Path) -> d.Diagnostic:
    code = d.OUTPUT_NOT_WRITTEN
    return d.Diagnostic(
        code.code,
        code.name,
        "error",
        t("build.not-written", reason=err.strerror or err),
        file=_output_name(target, root),
        help=t("build.not-written.help"),
    )


def write_plans(
    out: Path,
    root: Path,
    stage: Path,
    rendered: dict[PlanRef, dict[str, str | bytes]],
    report: BuildReport,
) -> None:
    """Publish each rendered plan whole, through the staging folder `stage`."""
    for ref, files in rendered.items():
        folder = f"{ref.district}/{ref.year}"
        try:
            report.written += publish.publish_plan(stage, out, folder, files)
        except OSError as err:
            report.diagnostics.append(_not_written(err, out / folder, root))
            report.failed.append(ref)
            continue
        report.built.append(ref)


def _pdf_seconds(pdf: bool) -> float:
    """The time a plan's PDF may take of its own (samplan.render.worker)."""
    if not pdf:
        return 0
    from samplan.render.worker import PDF_SECONDS

    return PDF_SECONDS


def build(
    root: Path,
    data: Path,
    out: Path,
    years: set[int] | None = None,
    districts: set[str] | None = None,
    templates: Path | None = None,
    pdf: bool = False,
    config: Config | None = None,
    env: ImmutableSandboxedEnvironment | None = None,
) -> BuildReport:
    """Build every selected plan under `data` into `out` (with plan.pdf if `pdf`), as
    the site settings of `config` present it; `env` is a template environment to reuse
    (samplan serve keeps one across rebuilds, made by render.site.site_environment).

    Raises outfolder.OutputRefused, before anything is written, for an output folder
    that would hold the sources or is not samplan's."""
    report = BuildReport()
    require_known_districts(districts)
    every, problems = discover(data, root, None, districts)
    sources = [data, *([templates] if templates else []), *(r.folder for r in every)]
    outfolder.refuse_sources(out, root, sources)
    report.diagnostics += problems
    refs = select(every, data, years, districts, problems)
    config = config or Config()
    site = site_settings(config)
    env = env or site_environment(templates, site)
    guard = Guard(root, own_templates(templates))
    if guard.templates is not None:
        warm_builtin(env, guard.templates)
    loaded: dict[PlanRef, LoadResult] = {}

    def load(ref: PlanRef) -> LoadResult:
        if ref not in loaded:
            loaded[ref] = load_plan(ref.folder, root)
        return loaded[ref]

    rendered: dict[PlanRef, dict[str, str | bytes]] = {}
    for ref in refs:
        result = load(ref)
        report.diagnostics += result.diagnostics
        if result.plan is None:
            report.failed.append(ref)
            continue
        report.diagnostics += calendar_findings(result, ref.district, ref.year)
        before = previous_of(ref, every)
        previous = load(before).plan if before is not None else None
        years_of = [r.year for r in every if r.district == ref.district]
        job = functools.partial(render_plan, env, result.plan, previous, years_of, pdf)
        outcome = guard.render(job, ref.district, ref.year, _pdf_seconds(pdf))
        if isinstance(outcome, d.Diagnostic):
            report.diagnostics.append(outcome)
            report.failed.append(ref)
        else:
            rendered[ref] = outcome
    if not (rendered or out.is_dir()):
        return report
    try:
        outfolder.claim(out)
    except OSError as err:
        report.diagnostics.append(_not_written(err, out, root))
        report.failed += list(rendered)
        return report
    with outfolder.locked(out):
        write_all(env, guard, out, rendered, report, (site, config))
    return report


def write_all(
    env: ImmutableSandboxedEnvironment,
    guard: Guard,
    out: Path,
    rendered: dict[PlanRef, dict[str, str | bytes]],
    report: BuildReport,
    settings: tuple[Site, Config],
) -> None:
    """Publish every rendered plan, the index and the site's own files (logo, sitemap),
    through one staging folder."""
    try:
        stage = publish.start(out)
    except OSError as err:
        report.diagnostics.append(_not_written(err, out, guard.root))
        report.failed += list(rendered)
        return
    try:
        write_plans(out, guard.root, stage, rendered, report)
        write_index(env, guard, out, stage, report)
        write_site_files(*settings, guard.root, out, stage, report)
    finally:
        publish.finish(stage)


def write_index(
    env: ImmutableSandboxedEnvironment, guard: Guard, out: Path, stage: Path, report: BuildReport
) -> None:
    """out/index.html, listing every plan in the output folder."""
    outcome = guard.render(lambda: {"index.html": tidy(render_index(env, out))})
    if isinstance(outcome, d.Diagnostic):
        report.diagnostics.append(outcome)
        return
    try:
        publish.publish_file(stage, out / "index.html", outcome["index.html"])
    except OSError as err:
        report.diagnostics.append(_not_written(err, out / "index.html", guard.root))
        return
    report.written.append(out / "index.html")


def site_pages(out: Path) -> list[str]:
    """Every page of the output folder that the site index leads to, relative to it."""
    reg = registry()
    pages = ["index.html"]
    for plan_file in sorted(out.glob("*/*/plan.json")):
        if reg.district(plan_file.parent.parent.name) is None:
            continue
        base = f"{plan_file.parent.parent.name}/{plan_file.parent.name}/"
        pages += [
            base + name
            for name in ("index.html", "diff.html")
            if (plan_file.parent / name).is_file()
        ]
    return pages


def write_site_files(
    site: Site, config: Config, root: Path, out: Path, stage: Path, report: BuildReport
) -> None:
    """The logo (copied from the repository) and sitemap.xml (with a base URL)."""
    files: dict[str, str | Path | None] = {"sitemap.xml": sitemap(site, site_pages(out))}
    if site.logo is not None:
        files[site.logo] = config.logo
    for name, content in files.items():
        if content is None:
            continue
        try:
            data = content.read_bytes() if isinstance(content, Path) else content
            publish.publish_file(stage, out / name, data)
        except OSError as err:
            report.diagnostics.append(_not_written(err, out / name, root))
            continue
        report.written.append(out / name)
