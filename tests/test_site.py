"""The site: the index and the plan pages link each plan's neighbours and other files,
and every local link resolves."""

from __future__ import annotations

import re
from pathlib import Path

from samplan.build import build
from samplan.render.site import Link, PlanLinks, plan_links

ROOT = Path(__file__).resolve().parent.parent
HREF = re.compile(r'href="([^"#]*)(?:#[^"]*)?"')


def test_plan_links_name_neighbours_and_files() -> None:
    assert plan_links(2011, [2020, 2007, 2011, 2005], calendar=True, pdf=True) == PlanLinks(
        "../../index.html",
        Link("../2007/index.html", "Forrige plan: 2007"),
        Link("../2020/index.html", "Næste plan: 2020"),
        (Link("moeder.ics", "Mødekalender (iCalendar)"), Link("plan.pdf", "Planen som PDF")),
    )
    assert plan_links(2007, [2007], calendar=False, pdf=False) == PlanLinks(
        "../../index.html", None, None, ()
    )


def test_plan_pages_link_the_previous_and_next_plan(seed_site: Path) -> None:
    page_2007 = (seed_site / "midt-og-vestsjaellands-politi/2007/index.html").read_text("utf-8")
    page_2011 = (seed_site / "midt-og-vestsjaellands-politi/2011/index.html").read_text("utf-8")
    assert '<a href="../2011/index.html" rel="next">Næste plan: 2011' in page_2007
    assert 'rel="prev"' not in page_2007 and '<a href="diff.html">' not in page_2007
    assert '<a href="../2007/index.html" rel="prev">' in page_2011
    assert '<a href="diff.html">Hvad er nyt i 2011: ændringer siden sidste plan</a>' in page_2011
    assert '<span aria-current="page">2011</span>' in page_2011


def test_neighbours_come_from_the_repository_not_the_selection(tmp_path: Path) -> None:
    report = build(ROOT, ROOT / "data", tmp_path, years={2011})
    assert not report.failed
    page = (tmp_path / "midt-og-vestsjaellands-politi/2011/index.html").read_text("utf-8")
    assert '<a href="../2007/index.html" rel="prev">' in page


def test_index_links_other_files_only_where_they_exist(tmp_path: Path) -> None:
    build(ROOT, ROOT / "data", tmp_path, districts={"midt-og-vestsjaellands-politi"})
    index = (tmp_path / "index.html").read_text("utf-8")
    base = "midt-og-vestsjaellands-politi"
    assert f'<a href="{base}/2007/moeder.ics">Mødekalender 2007 (iCalendar)</a>' in index
    assert f'<a href="{base}/2011/diff.html">Hvad er nyt i 2011</a>' in index
    assert f"{base}/2007/diff.html" not in index and "plan.pdf" not in index
    # A plan folder is replaced whole by the build of its year; the index lists what is
    # there, so a PDF left from an earlier build of 2007 is linked when 2011 is rebuilt.
    (tmp_path / base / "2007/plan.pdf").write_bytes(b"%PDF-1.7\n")
    build(ROOT, ROOT / "data", tmp_path, years={2011}, districts={base})
    index = (tmp_path / "index.html").read_text("utf-8")
    assert f'<a href="{base}/2007/plan.pdf">PDF af planen for 2007</a>' in index
    build(ROOT, ROOT / "data", tmp_path, years={2007}, districts={base})
    assert "plan.pdf" not in (tmp_path / "index.html").read_text("utf-8")


def test_every_local_link_resolves(seed_site: Path) -> None:
    broken = []
    for page in sorted(seed_site.rglob("*.html")):
        for href in HREF.findall(page.read_text("utf-8")):
            if not href or href.startswith(("http://", "https://", "mailto:")):
                continue
            if not (page.parent / href).exists():
                broken.append(f"{page.relative_to(seed_site)} -> {href}")
    assert broken == []
