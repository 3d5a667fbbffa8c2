"""The seed plans in data/: encoded as structure, rendered with their whole content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from seed_coverage import SEED_PLANS, SEEDS, coverage

from samplan.build import build
from samplan.loader import load_plan
from samplan.model import Plan

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    report = build(ROOT, ROOT / "data", target)
    assert report.failed == []
    assert [x for x in report.diagnostics if x.severity == "error"] == []
    return target


def plan(folder: str) -> Plan:
    result = load_plan(ROOT / "data" / folder, ROOT)
    assert result.diagnostics == []
    assert result.plan is not None
    return result.plan


@pytest.mark.parametrize(("seed", "folder"), sorted(SEED_PLANS.items()))
def test_rendered_plan_carries_95_percent_of_its_seed(seed: str, folder: str, out: Path) -> None:
    rendered = (out / folder / "plan.md").read_text(encoding="utf-8")
    share, missing = coverage((SEEDS / seed).read_text(encoding="utf-8"), rendered)
    assert share >= 0.95, f"{share:.1%} carried; missing: {missing}"


def test_plan_json_has_schema_version_and_structure(out: Path) -> None:
    data = json.loads((out / "midt-og-vestjyllands-politi/2020/plan.json").read_text("utf-8"))
    assert data["schema_version"] == 2
    assert data["district"] == "midt-og-vestjyllands-politi"
    assert len(data["initiatives"]) >= 20


def test_midt_og_vestjylland_2020_initiatives_are_entries() -> None:
    p = plan("midt-og-vestjyllands-politi/2020")
    initiatives = p.initiatives or []
    assert len(initiatives) >= 20
    assert [i.title for i in initiatives if i.status == "new"] != []
    assert all(i.status in ("new", "continued") for i in initiatives)


def test_midt_og_vestsjaelland_2007_fora_and_bodies_have_meeting_frequencies() -> None:
    p = plan("midt-og-vestsjaellands-politi/2007")
    gatherings = [*(p.bodies or []), *(p.fora or [])]
    assert len(gatherings) >= 35
    assert [g.title for g in gatherings if g.meetings is None] == []
    lokalraad = next(b for b in p.bodies or [] if b.kind == "lokalråd")
    assert len(lokalraad.meeting_dates or []) == 13
    assert lokalraad.meetings is not None and lokalraad.meetings.danish() == "Min. 4 (2 i 2007)"


def test_fyn_2020_kredsraad_has_the_politidirektoer_and_ten_mayors() -> None:
    p = plan("fyns-politi/2020")
    kredsraad = next(b for b in p.bodies or [] if b.kind == "kredsråd")
    titles = [(m.title or "").casefold() for m in kredsraad.members or []]
    assert titles.count("borgmester") == 10
    assert titles.count("politidirektør") == 1


def test_sydoestjylland_2011_has_six_national_and_six_local_focus_areas() -> None:
    p = plan("sydoestjyllands-politi/2011")
    priorities = [i.priority for i in p.initiatives or []]
    assert priorities.count("national") == 6
    assert priorities.count("local") == 6


def test_the_2011_news_item_is_a_partial_plan_of_new_and_continued_initiatives() -> None:
    p = plan("midt-og-vestsjaellands-politi/2011")
    assert p.bodies is None and p.fora is None
    statuses = {i.status for i in p.initiatives or []}
    assert statuses == {"new", "continued"}
    assert "ungesamraad" in [i.id for i in p.initiatives or []]
