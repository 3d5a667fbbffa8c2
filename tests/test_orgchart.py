"""The organisation chart: levels in order, escaped text, words that break at syllables."""

from __future__ import annotations

from pathlib import Path

from golden import GOLDEN

from samplan.build import render_plan
from samplan.model import Plan
from samplan.render.environment import make_environment
from samplan.render.hyphens import SHY, hyphenated
from samplan.render.orgchart import describe, levels


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


def test_the_chart_is_html_lists_with_escaped_text() -> None:
    p = plan({"title": 'Kredsråd <&> "x"', "kind": "kredsråd", "level": "strategic"})
    html = render_plan(make_environment(), p)["index.html"]
    chart = html.split('<ol class="orgchart">', 1)[1].split("</ol>", 1)[0]
    assert '<p class="band-name">Strategisk niveau</p>' in chart
    assert '<strong class="name">Kredsråd &lt;&amp;&gt; &#34;x&#34;</strong>' in chart
    assert "<svg" not in html


def test_long_danish_words_get_soft_hyphens_and_short_ones_none() -> None:
    assert hyphenated("Kredsrådet") == "Kredsrådet"
    long = hyphenated("Kriminalitetsforebyggelsessekretariatet")
    assert long.replace(SHY, "") == "Kriminalitetsforebyggelsessekretariatet"
    assert long.count(SHY) >= 8
    assert all(len(part) <= 8 for part in long.split(SHY))  # no part wider than a box


def test_bodies_without_a_stated_level_are_drawn_without_one() -> None:
    p = plan({"title": "Kredsrådet", "kind": "kredsråd", "level": "strategic"})
    odd = p.bodies[0].model_copy(update={"level": None})  # type: ignore[index]
    p = p.model_copy(update={"bodies": [*p.bodies, odd.model_copy(update={"title": "X"})]})  # type: ignore[misc]
    chart = levels(p)
    assert [(x.label, x.stated, [e.title for e in x.entries]) for x in chart] == [
        ("Strategisk niveau", True, ["Kredsrådet"]),
        ("Øvrige organer", False, ["X"]),
    ]


def test_chart_is_deterministic_and_absent_without_bodies() -> None:
    p = plan({"title": "Kredsrådet", "kind": "kredsråd", "level": "strategic"})
    assert levels(p) == levels(p.model_copy(deep=True))
    assert levels(plan()) == ()
    assert describe(levels(p)) == "Strategisk niveau: Kredsrådet."


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
    return page.read_text("utf-8").count('<ol class="orgchart">')
