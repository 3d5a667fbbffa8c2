"""The files of one plan's output folder and the site's index, rendered in memory:
index.html, plan.md, plan.json, diff.html (with an earlier plan), moeder.ics (with dated
meetings) and plan.pdf (when asked). samplan.build writes them; nothing here touches
the filesystem but reading the output folder's plan.json files for the index.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from jinja2.sandbox import ImmutableSandboxedEnvironment

from samplan.model import SCHEMA_VERSION, Plan
from samplan.registry import registry
from samplan.render.calendar import FILENAME as CALENDAR
from samplan.render.calendar import meeting_calendar
from samplan.render.frozen import Memo, freeze_context
from samplan.render.outline import build_page
from samplan.render.site import plan_links
from samplan.text import danish_key


def plan_json(plan: Plan) -> str:
    """The validated plan as data, with its schema version."""
    data = {"schema_version": SCHEMA_VERSION, **plan.model_dump(mode="json", exclude_none=True)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def tidy(text: str) -> str:
    """One blank line between blocks, a blank line before headings, one final newline."""
    lines = text.replace("\r\n", "\n").split("\n")
    # per line, not `[ \t]+\n` over the whole text: that regex retries every blank of a
    # long run of blanks without a newline, quadratic in the run (40,000 tabs took 38 s)
    text = "\n".join([line.rstrip(" \t") for line in lines[:-1]] + lines[-1:])
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
    memo: Memo = {}  # the page is frozen once for all its templates
    data = freeze_context(memo, page=page, diff_href=diff_href, links=links)
    html = tidy(template.render(data))
    files: dict[str, str | bytes] = {
        "index.html": html,
        "plan.md": tidy(env.get_template("plan.md.j2").render(freeze_context(memo, page=page))),
        "plan.json": plan_json(plan),
    }
    if previous is not None:
        files["diff.html"] = diff_page(env, previous, plan)
    if calendar is not None:
        files[CALENDAR] = calendar
    if pdf:
        from samplan.render import worker
        from samplan.render.pdf import html_to_pdf

        worker.allow(worker.PDF_SECONDS, "the PDF")  # its own time, in a worker
        site = env.globals.get("site")  # frozen, as templates see it
        logo = site.get("logo_data") if isinstance(site, Mapping) else None  # no logo file
        if logo:
            data = freeze_context(memo, page=page, diff_href=diff_href, links=links, logo=logo)
            html = tidy(template.render(data))
        files["plan.pdf"] = html_to_pdf(html)
    return files


def diff_page(env: ImmutableSandboxedEnvironment, previous: Plan, plan: Plan) -> str:
    """diff.html: what changed since the district's nearest earlier plan (the diff is
    imported only for a plan that has one)."""
    from samplan.diff.compare import diff_plans
    from samplan.render.diffview import as_page

    changes = diff_plans(previous, plan)
    page_html = as_page(env, [changes], "html", home="../../index.html", plan_href="index.html")
    return tidy(page_html)


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
    return env.get_template("index.html.j2").render(freeze_context(districts=districts))
