"""`samplan diff` on real pairs of years: counts and lines agree, one line per real change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from samplan.diff.compare import diff_plans
from samplan.diff.fields import label
from samplan.model import Plan
from samplan.render.diffview import as_json, as_text, summary_sentence

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "tests/schemas/diff-output.schema.json").read_text("utf-8"))
GROUPED = [
    {"id": f"i{n}", "title": f"Initiativ {n}", "category": f"Gruppe {n % 2}"} for n in range(6)
]


def plan(year: int = 2020, **parts: Any) -> Plan:
    return Plan.model_validate(
        {"district": "fyns-politi", "year": year, "title": f"Plan {year}", **parts}
    )


def texts(old: Plan, new: Plan) -> list[str]:
    return [c.text for c in diff_plans(old, new).changes]


def test_summary_counts_the_lines_as_they_are_worded() -> None:
    old = plan(fora=[{"id": "psp", "title": "PSP"}, {"title": "Banderåd"}])
    new = plan(fora=[{"id": "psp", "title": "PSP Fyn"}, {"title": "Banderådet"}])
    diff = diff_plans(old, new)
    assert [c.text for c in diff.changes] == [
        "Samarbejdsforummets titel ændret fra »PSP« til »PSP Fyn«",
        "Samarbejdsforum omdøbt fra »Banderåd« til »Banderådet«",
    ]
    assert diff.summary == {"added": 0, "removed": 0, "changed": 1, "renamed": 1}
    summary = summary_sentence(diff)
    assert summary == "2 ændringer fra 2020 til 2020: 1 ændret og 1 omdøbt."
    lines = as_text([diff], colour=False).splitlines()
    assert len([line for line in lines if "omdøbt fra" in line]) == diff.summary["renamed"]


def test_zero_counts_are_left_out_of_the_summary() -> None:
    diff = diff_plans(plan(), plan(initiatives=[{"title": "A"}, {"title": "B"}]))
    assert summary_sentence(diff) == "2 ændringer fra 2020 til 2020: 2 nye."
    assert " 0 " not in as_text([diff], colour=False)


def test_a_change_every_entity_of_a_part_shares_is_one_line() -> None:
    ungrouped = [{k: v for k, v in i.items() if k != "category"} for i in GROUPED]
    diff = diff_plans(plan(initiatives=GROUPED), plan(initiatives=ungrouped))
    [change] = diff.changes
    assert change.text == "Alle 6 initiativer: kategori ikke længere angivet"
    assert (change.id, change.ids) == (None, tuple(f"i{n}" for n in range(6)))
    data = json.loads(as_json([diff]))
    jsonschema.validate(data, SCHEMA)
    assert data["changes"][0]["ids"] == [f"i{n}" for n in range(6)]
    assert data["summary"]["changed"] == 1


def test_a_shared_change_from_one_value_keeps_its_sentence() -> None:
    fora = [{"id": f"f{n}", "title": f"Forum {n}", "meetings": 4} for n in range(3)]
    after = [{**f, "meetings": 2} for f in fora]
    assert texts(plan(fora=fora), plan(fora=after)) == [
        "Alle 3 samarbejdsfora: møder ændret fra 4 til 2 om året"
    ]


def test_a_change_that_leaves_every_entity_alike_is_one_line() -> None:
    # The first initiative had no category: the five that had one lost it.
    before = [{k: v for k, v in i.items() if k != "category" or n} for n, i in enumerate(GROUPED)]
    ungrouped = [{k: v for k, v in i.items() if k != "category"} for i in GROUPED]
    [change] = diff_plans(plan(initiatives=before), plan(initiatives=ungrouped)).changes
    assert change.text == "5 initiativer: kategori ikke længere angivet"
    assert change.ids == tuple(f"i{n}" for n in range(1, 6))


def test_a_change_most_entities_share_is_not_folded() -> None:
    regrouped = [{**i, "category": "Ny"} if n else i for n, i in enumerate(GROUPED)]
    assert len(texts(plan(initiatives=GROUPED), plan(initiatives=regrouped))) == 5


def test_a_title_that_changed_only_in_its_year_is_no_change() -> None:
    old = plan(2014, initiatives=[{"id": "x", "title": "Handlingsplan 2014"}])
    new = plan(2015, initiatives=[{"id": "x", "title": "Handlingsplan 2015"}])
    assert texts(old, new) == []
    content = {"description": "Indsatsen mod indbrud i hele kredsen, med nabohjælp og kampagner"}
    old = plan(2014, initiatives=[{"title": "Indbrud 2014-2015", **content}])
    new = plan(2015, initiatives=[{"title": "Indbrud 2015-2016", **content}])
    assert texts(old, new) == []  # found again by content, under a new (derived) id
    old = plan(2014, initiatives=[{"id": "x", "title": "Handlingsplan 2014"}])
    new = plan(2015, initiatives=[{"id": "x", "title": "Handlingsplan for 2015"}])
    assert texts(old, new) == [
        "Initiativets titel ændret fra »Handlingsplan 2014« til »Handlingsplan for 2015«"
    ]


def test_an_id_that_moved_on_only_in_its_year_is_the_same_entity() -> None:
    old = plan(2014, initiatives=[{"title": "Handlingsplan 2014", "description": "Før"}])
    new = plan(2015, initiatives=[{"title": "Handlingsplan 2015", "description": "Nu"}])
    [change] = diff_plans(old, new).changes
    assert (change.change, change.id, change.field) == (
        "changed",
        "handlingsplan-2015",
        "description",
    )
    assert change.text == "»Handlingsplan 2015«: beskrivelse ændret"
    other = plan(2015, initiatives=[{"title": "Trafik", "description": "Nu"}])
    assert [c.change for c in diff_plans(old, other).changes] == ["added", "removed"]


def test_last_years_meetings_are_not_dropped_but_this_years_are() -> None:
    def body(*dates: str) -> list[dict[str, Any]]:
        return [
            {
                "id": "k",
                "title": "Kredsråd",
                "kind": "kredsråd",
                "level": "strategic",
                "meeting_dates": list(dates),
            }
        ]

    old = plan(2019, bodies=body("2019-03-01", "2020-01-15"))
    new = plan(2020, bodies=body("2020-03-02"))
    assert texts(old, new) == [
        "»Kredsråd«: nyt møde 2. marts 2020",
        "»Kredsråd«: mødet 15. januar 2020 er udgået",
    ]


def test_json_gives_data_beside_the_display_text() -> None:
    old = plan(initiatives=[{"id": "a", "title": "A", "status": "new", "partners": ["Skoler"]}])
    new = plan(
        initiatives=[
            {"id": "a", "title": "A", "status": "continued", "partners": ["Skoler", "SSP"]}
        ],
        effective_from="2020-02-01",
    )
    data = json.loads(as_json([diff_plans(old, new)]))
    jsonschema.validate(data, SCHEMA)
    by_field = {c["field"]: c for c in data["changes"]}
    assert by_field["status"]["new"] == "continued"
    assert by_field["status"]["new_text"] == "videreført"
    assert by_field["partners"]["new"] == ["Skoler", "SSP"]
    assert by_field["effective_from"]["new"] == "2020-02-01"
    assert by_field["effective_from"]["new_text"] == "1. februar 2020"


def test_a_field_without_a_danish_label_is_still_named() -> None:
    assert label("meetings") == "møder"
    assert label("no_such.field") == "no such field"
