"""The organisation chart: levels in order, escaped text, well-formed deterministic SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from golden import GOLDEN

from samplan.model import Plan
from samplan.render.orgchart import levels, orgchart_svg, wrap

SVG = "{http://www.w3.org/2000/svg}"


def plan(*bodies: dict[str, object]) -> Plan:
    return Plan.model_validate(
        {"district": "fyns-politi", "year": 2020, "title": "Plan", "bodies": list(bodies)}
    )


def test_levels_are_ordered_and_staff_is_last() -> None:
    p = plan(
        {"title": "Sekretariatet", "kind": "sekretariat", "level": "staff"},
        {"title": "Odense", "kind": "lokalråd", "level": "operative"},
        {"title": "Kredsrådet", "kind": "kredsråd", "level": "strategic",
         "chair": {"title": "politidirektør"}},
    )  # fmt: skip
    chart = levels(p)
    assert [level.label for level in chart] == [
        "Strategisk niveau",
        "Operativt niveau",
        "Stabsfunktioner",
    ]
    assert [(e.title, e.kind, e.chair) for level in chart for e in level.entries] == [
        ("Kredsrådet", None, "politidirektør"),
        ("Odense", "Lokalråd", None),
        ("Sekretariatet", None, None),
    ]
    assert [level.staff for level in chart] == [False, False, True]


def test_svg_is_well_formed_named_and_escaped() -> None:
    p = plan({"title": 'Kredsråd <&> "x"', "kind": "kredsråd", "level": "strategic"})
    svg = orgchart_svg(p)
    assert svg is not None
    root = ET.fromstring(str(svg))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "organisation-titel organisation-beskrivelse"
    assert root.find(f"{SVG}title").text == "Organisationen i Plan"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text == 'Strategisk niveau: Kredsråd <&> "x".'  # type: ignore[union-attr]
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts == ["Strategisk", "niveau", 'Kredsråd <&> "x"']


def test_svg_is_deterministic_and_absent_without_bodies() -> None:
    p = plan({"title": "Kredsrådet", "kind": "kredsråd", "level": "strategic"})
    assert orgchart_svg(p) == orgchart_svg(p.model_copy(deep=True))
    assert orgchart_svg(plan()) is None


def test_wrap_breaks_between_words_only() -> None:
    assert wrap("Det kriminalpræventive Sekretariat", 14, 200, bold=True) == [
        "Det kriminalpræventive",
        "Sekretariat",
    ]
    assert wrap("Kort", 14, 200) == ["Kort"]


def test_golden_plan_pages_show_one_chart_except_the_plan_without_bodies() -> None:
    pages = sorted(GOLDEN.glob("*/*/index.html"))
    charts = {p.parent.relative_to(GOLDEN).as_posix(): chart_count(p) for p in pages}
    assert charts == {
        "fyns-politi/2020": 1,
        "midt-og-vestjyllands-politi/2020": 1,
        "midt-og-vestsjaellands-politi/2007": 1,
        "midt-og-vestsjaellands-politi/2011": 0,
        "sydoestjyllands-politi/2011": 1,
    }


def chart_count(page: Path) -> int:
    return page.read_text("utf-8").count('<svg xmlns="http://www.w3.org/2000/svg" class="orgchart"')
