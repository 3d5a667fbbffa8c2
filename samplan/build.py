"""`samplan build`: discover → load → render → write, as named steps.

Everything is rendered in memory first; only then is anything written, each file
through a temporary file and an atomic rename, and only under the output folder.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from samplan import diagnostics as d
from samplan.diff import diff_plans
from samplan.loader import LoadResult, load_plan
from samplan.model import SCHEMA_VERSION, Plan
from samplan.registry import registry
from samplan.render.calendar import FILENAME as CALENDAR
from samplan.render.calendar import meeting_calendar
from samplan.render.diffview import as_page
from samplan.render.environment import make_environment
from samplan.render.outline import build_page
from samplan.render.site import plan_links
from samplan.repository import PlanRef, discover, previous_of
from samplan.text import danish_key


@dataclass
class BuildReport:
    """What a build did: plans built, files written and every finding."""

    built: list[PlanRef] = field(default_factory=list)
    failed: list[PlanRef] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    diagnostics: list[d.Diagnostic] = field(default_factory=list)


def plan_json(plan: Plan) -> str:
    """The validated plan as data, with its schema version."""
    data = {"schema_version": SCHEMA_VERSION, **plan.model_dump(mode="json", exclude_none=True)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def tidy(text: str) -> str:
    """One blank line between blocks, a blank line before headings, one final newline."""
    text = re.sub(r"[ \t]+\n", "\n", text.replace("\r\n", "\n"))
    text = re.sub(r"(?<=[^\n])\n(#{1,6} )", r"\n\n\1", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def render_plan(
    env: ImmutableSandboxedEnvironment,
    plan: Plan,
    previous: Plan | None = None,
    years: Iterable[int] = (),
    pdf: bool = False,
) -> dict[str, str | bytes]:
    """The files of one plan's output folder, by name.

    With the district's nearest earlier plan, also diff.html: what changed since then.
    `years` are all the years the district has a plan for (for the links to the
    previous and next plan); moeder.ics when the plan has dated meetings; plan.pdf
    with `pdf`.
    """
    page = build_page(plan)
    diff_href = "diff.html" if previous is not None else None
    calendar = meeting_calendar(plan, f"Møder i {page.district_name} {plan.year}")
    links = plan_links(plan.year, years, calendar is not None, pdf)
    template = env.get_template("plan.html.j2")
    html = tidy(template.render(page=page, diff_href=diff_href, links=links))
    files: dict[str, str | bytes] = {
        "index.html": html,
        "plan.md": tidy(env.get_template("plan.md.j2").render(page=page)),
        "plan.json": plan_json(plan),
    }
    if previous is not None:
        changes = diff_plans(previous, plan)
        page_html = as_page(env, [changes], "html", home="../../index.html", plan_href="index.html")
        files["diff.html"] = tidy(page_html)
    if calendar is not None:
        files[CALENDAR] = calendar
    if pdf:
        from samplan.render.pdf import html_to_pdf

        files["plan.pdf"] = html_to_pdf(html)
    return files


def _plan_files(plan_dir: Path) -> dict[str, str | None]:
    """The index's links to a plan's other files, where they were written."""
    names = {"diff_href": "diff.html", "calendar_href": CALENDAR, "pdf_href": "plan.pdf"}
    base = f"{plan_dir.parent.name}/{plan_dir.name}/"
    return {
        key: base + name if (plan_dir / name).is_file() else None for key, name in names.items()
    }


def render_index(env: ImmutableSandboxedEnvironment, out: Path) -> str:
    """out/index.html: every plan present in the output folder, by district and year."""
    reg = registry()
    districts = []
    for district_dir in sorted(p for p in out.iterdir() if p.is_dir() and reg.district(p.name)):
        plans = []
        for plan_file in sorted(district_dir.glob("*/plan.json")):
            try:
                title = json.loads(plan_file.read_text("utf-8"))["title"]
            except (OSError, ValueError, KeyError, TypeError):
                continue
            year = plan_file.parent.name
            href = f"{district_dir.name}/{year}/index.html"
            files = _plan_files(plan_file.parent)
            plans.append({"year": year, "title": title, "href": href, **files})
        if plans:
            district = reg.districts[district_dir.name]
            districts.append({"id": district.id, "name": district.name, "plans": plans})
    districts.sort(key=lambda x: danish_key(str(x["name"])))
    return env.get_template("index.html.j2").render(districts=districts)


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write `text` so that `path` holds either its old or its new content, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _template_problem(err: TemplateError, ref: PlanRef | None) -> d.Diagnostic:
    name = getattr(err, "filename", None) or getattr(err, "name", None)
    line = getattr(err, "lineno", None)
    code = d.TEMPLATE_ERROR
    return d.Diagnostic(
        code.code,
        code.name,
        "error",
        f"template error: {err.message or err}",
        file=name,
        line=line,
        column=1 if line else None,
        district=ref.district if ref else None,
        year=ref.year if ref else None,
        help="check the template against the page model in samplan/render/page.py",
    )


def build(
    root: Path,
    data: Path,
    out: Path,
    years: set[int] | None = None,
    districts: set[str] | None = None,
    templates: Path | None = None,
    pdf: bool = False,
) -> BuildReport:
    """Build every selected plan under `data` into `out` (with plan.pdf if `pdf`)."""
    report = BuildReport()
    every, problems = discover(data, root, None, districts)
    report.diagnostics += problems
    refs = [r for r in every if years is None or r.year in years]
    env = make_environment(templates)
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
        before = previous_of(ref, every)
        previous = load(before).plan if before is not None else None
        try:
            years_of = [r.year for r in every if r.district == ref.district]
            rendered[ref] = render_plan(env, result.plan, previous, years_of, pdf)
        except TemplateError as err:
            report.diagnostics.append(_template_problem(err, ref))
            report.failed.append(ref)
    for ref, files in rendered.items():
        folder = out / ref.district / str(ref.year)
        for name, text in files.items():
            write_atomic(folder / name, text)
            report.written.append(folder / name)
        if "diff.html" not in files:  # no earlier plan (any more): no stale diff page
            (folder / "diff.html").unlink(missing_ok=True)
        report.built.append(ref)
    if rendered or out.is_dir():
        try:
            index = render_index(env, out) if out.is_dir() else None
        except TemplateError as err:
            report.diagnostics.append(_template_problem(err, None))
            index = None
        if index is not None:
            write_atomic(out / "index.html", tidy(index))
            report.written.append(out / "index.html")
    return report
