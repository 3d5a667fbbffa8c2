"""Unit tests of the plan model (samplan.model) and meeting frequency (samplan.meetings)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from samplan.meetings import Meetings
from samplan.model import (
    AgendaItem,
    Body,
    Forum,
    Include,
    Initiative,
    MeetingDate,
    Person,
    Plan,
    Section,
)
from samplan.plan_schema import plan_json_schema
from samplan.references import duplicate_ids

MINIMAL: dict[str, Any] = {"district": "fyns-politi", "year": "2020", "title": "Plan"}
BODY: dict[str, Any] = {"title": "Kredsrådet", "kind": "kredsråd", "level": "strategic"}


def errors(model: type[Any], data: Any) -> list[tuple[str, tuple[Any, ...], str]]:
    """(type, location, message) of every validation error of `data` against `model`."""
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return [(e["type"], tuple(e["loc"]), e["msg"]) for e in info.value.errors()]


def value_error(message: str) -> list[tuple[str, tuple[Any, ...], str]]:
    return [("value_error", (), f"Value error, {message}")]


# --- Meetings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "danish"),
    [
        (4, "4"),
        ("4", "4"),
        (0, "0"),
        ({"min": 3, "max": 3}, "3"),
        ({"min": 4}, "Min. 4"),
        ({"min": "4"}, "Min. 4"),
        ({"min": 2, "max": 3}, "2-3"),
        ({"max": 2}, "Max. 2"),
        ({"min": 4, "note": "2 i 2007"}, "Min. 4 (2 i 2007)"),
        ({"min": 2, "max": 3, "note": "mindst"}, "2-3 (mindst)"),
        ("ad-hoc", "Ad hoc"),
        ("as-needed", "Efter behov"),
        ("locally-decided", "Besluttet lokalt"),
        ("weekly", "Ugentligt"),
        ("monthly", "Månedligt"),
        ("quarterly", "Kvartalsvis"),
    ],
)
def test_meetings_danish(written: Any, danish: str) -> None:
    meetings = Meetings.model_validate(written)
    assert meetings.danish() == danish
    assert str(meetings) == danish


@pytest.mark.parametrize(
    ("written", "fields"),
    [
        (4, (4, 4, None)),
        ({"min": 4}, (4, None, None)),
        ({"max": 2}, (None, 2, None)),
        ("weekly", (None, None, "weekly")),
    ],
)
def test_meetings_fields(written: Any, fields: tuple[Any, ...]) -> None:
    meetings = Meetings.model_validate(written)
    assert (meetings.min, meetings.max, meetings.keyword) == fields


@pytest.mark.parametrize(
    ("written", "at_least"),
    [
        (4, 4),
        ({"min": 4}, 4),
        ({"min": 2, "max": 3}, 2),
        ({"max": 2}, None),
        ("weekly", 52),
        ("monthly", 12),
        ("quarterly", 4),
        ("ad-hoc", None),
        ("as-needed", None),
        ("locally-decided", None),
    ],
)
def test_meetings_at_least(written: Any, at_least: int | None) -> None:
    assert Meetings.model_validate(written).at_least == at_least


def test_meetings_min_above_max_rejected() -> None:
    assert errors(Meetings, {"min": 4, "max": 2}) == value_error("min (4) is larger than max (2)")


@pytest.mark.parametrize(
    "written",
    [{"min": 4, "keyword": "weekly"}, {"max": 1, "keyword": "ad-hoc"}, {}, {"note": "x"}],
)
def test_meetings_count_and_keyword_rejected(written: dict[str, Any]) -> None:
    assert errors(Meetings, written) == value_error(
        "give either a count (min/max) or a keyword, not both or neither"
    )


def test_meetings_unknown_word_rejected() -> None:
    assert errors(Meetings, "sometimes") == value_error(
        "'sometimes' is not a meeting frequency; use a number, {min: N}, {min: N, max: M} or "
        "one of: ad-hoc, as-needed, locally-decided, weekly, monthly, quarterly"
    )


def test_meetings_bool_rejected() -> None:
    assert errors(Meetings, True) == value_error(
        "give a number of meetings a year, a range or a keyword"
    )


@pytest.mark.parametrize("written", [-1, {"min": -1}, {"max": 367}, {"min": 1, "extra": 2}])
def test_meetings_out_of_range_or_unknown_key_rejected(written: Any) -> None:
    with pytest.raises(ValidationError):
        Meetings.model_validate(written)


def test_meetings_in_a_body() -> None:
    body = Body.model_validate({**BODY, "meetings": "4"})
    assert body.meetings == Meetings(min=4, max=4)


# --- shorthand strings ----------------------------------------------------------------------


def test_person_shorthand_is_a_title() -> None:
    assert Person.model_validate("politidirektør") == Person(title="politidirektør")


def test_person_mapping() -> None:
    person = Person.model_validate({"name": "Arne Gram", "organisation": "Fyns Politi"})
    assert (person.name, person.title, person.organisation) == ("Arne Gram", None, "Fyns Politi")


@pytest.mark.parametrize("written", [{}, {"note": "x"}, {"municipality": "Odense"}])
def test_person_needs_name_or_title(written: dict[str, Any]) -> None:
    assert errors(Person, written) == value_error(
        "a person needs a name, a title or an organisation"
    )


def test_agenda_item_shorthand() -> None:
    assert AgendaItem.model_validate("samarbejdsplan") == AgendaItem(topic="samarbejdsplan")


def test_agenda_item_outside_the_vocabulary_rejected() -> None:
    assert [e[:2] for e in errors(AgendaItem, "fodbold")] == [("literal_error", ("topic",))]


def test_meeting_date_shorthand() -> None:
    assert MeetingDate.model_validate("2020-03-02") == MeetingDate(date=dt.date(2020, 3, 2))


def test_meeting_date_mapping() -> None:
    written = {"date": "2007-10-26", "municipality": "Greve"}
    assert MeetingDate.model_validate(written) == MeetingDate(
        date=dt.date(2007, 10, 26), municipality="Greve"
    )


def test_meeting_date_impossible_date_rejected() -> None:
    assert [e[:2] for e in errors(MeetingDate, "2020-13-01")] == [
        ("date_from_datetime_parsing", ("date",))
    ]


def test_include_shorthand() -> None:
    assert Include.model_validate("fora") == Include(part="fora")


def test_include_unknown_part_rejected() -> None:
    assert [e[:2] for e in errors(Include, "people")] == [("literal_error", ("part",))]


@pytest.mark.parametrize(
    ("written", "as_table"),
    [
        ("fora", True),
        ("bodies", False),
        ("initiatives", False),
        ({"part": "bodies", "layout": "table"}, True),
        ({"part": "fora", "layout": "chapters"}, False),
    ],
)
def test_include_as_table(written: Any, as_table: bool) -> None:
    assert Include.model_validate(written).as_table is as_table


def test_body_with_every_shorthand() -> None:
    body = Body.model_validate(
        {
            **BODY,
            "chair": "politidirektør",
            "members": ["chefpolitiinspektøren", {"title": "borgmester", "municipality": "Odense"}],
            "meeting_dates": ["2020-03-02", {"date": "2007-10-26", "municipality": "Greve"}],
            "agenda": ["ungdomskriminalitet", {"topic": "redegoerelse", "note": "n"}],
        }
    )
    assert body.chair == Person(title="politidirektør")
    assert body.members == [
        Person(title="chefpolitiinspektøren"),
        Person(title="borgmester", municipality="Odense"),
    ]
    assert body.meeting_dates == [
        MeetingDate(date=dt.date(2020, 3, 2)),
        MeetingDate(date=dt.date(2007, 10, 26), municipality="Greve"),
    ]
    assert body.agenda == [
        AgendaItem(topic="ungdomskriminalitet"),
        AgendaItem(topic="redegoerelse", note="n"),
    ]


# --- ids ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "derived"),
    [
        ("Kredsrådet", "kredsraadet"),
        ("Kredsråd på Ærø og Østerbro", "kredsraad-paa-aeroe-og-oesterbro"),
        ("SSP-samarbejdet", "ssp-samarbejdet"),
        ("Lokalråd+", "lokalraad"),
        ("!!!", "x"),
    ],
)
def test_id_derived_from_title(title: str, derived: str) -> None:
    forum = Forum.model_validate({"title": title})
    assert forum.id == derived
    assert forum.key == derived


def test_explicit_id_kept() -> None:
    assert Forum.model_validate({"id": "ssp", "title": "Kredsrådet"}).id == "ssp"


def test_derived_id_at_most_100_characters() -> None:
    assert Section.model_validate({"title": "x" * 150}).id == "x" * 100
    assert Section.model_validate({"title": "a" * 99 + " b"}).id == "a" * 99


@pytest.mark.parametrize("bad", ["Bad Id", "-lead", "æble", "a" * 101, ""])
def test_explicit_id_pattern(bad: str) -> None:
    assert [e[:2] for e in errors(Forum, {"id": bad, "title": "T"})] == [
        ("string_pattern_mismatch", ("id",))
    ]


def test_derived_ids_unique_within_a_kind() -> None:
    plan = Plan.model_validate(
        {
            **MINIMAL,
            "bodies": [BODY, BODY, {**BODY, "id": "kredsraadet-2"}],
            "fora": [{"title": "Kredsrådet"}],
        }
    )
    assert [b.id for b in plan.bodies or []] == ["kredsraadet", "kredsraadet-3", "kredsraadet-2"]
    assert [f.id for f in plan.fora or []] == ["kredsraadet"]
    assert list(duplicate_ids(plan)) == []


def test_duplicate_explicit_ids_found() -> None:
    plan = Plan.model_validate(
        {**MINIMAL, "initiatives": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]}
    )
    assert list(duplicate_ids(plan)) == [("initiatives", ("initiatives", 1), "a")]


def test_absent_key_is_none_and_empty_list_is_empty() -> None:
    plan = Plan.model_validate({**MINIMAL, "fora": [], "initiatives": []})
    assert plan.fora == []
    assert plan.initiatives == []
    assert plan.bodies is None
    assert plan.sections is None
    assert plan.issued_by is None
    assert plan.year == 2020


def test_unknown_key_rejected_everywhere() -> None:
    assert [e[:2] for e in errors(Initiative, {"title": "T", "titel": "x"})] == [
        ("extra_forbidden", ("titel",))
    ]


# --- sections -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("include", "expected"),
    [
        ("fora", [Include(part="fora")]),
        ({"part": "bodies", "ids": ["kredsraad"]}, [Include(part="bodies", ids=["kredsraad"])]),
        (["fora", {"part": "initiatives"}], [Include(part="fora"), Include(part="initiatives")]),
    ],
)
def test_section_include_becomes_a_list(include: Any, expected: list[Include]) -> None:
    assert Section.model_validate({"title": "A", "include": include}).include == expected


def test_section_without_include() -> None:
    section = Section.model_validate({"title": "A"})
    assert section.include is None
    assert section.numbered is None  # the plan's default, else numbered


def test_nested_sections() -> None:
    section = Section.model_validate({"title": "A", "sections": [{"title": "B"}]})
    assert [s.id for s in section.sections or []] == ["b"]


# --- JSON Schema ----------------------------------------------------------------------------


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str):
        return _resolve(defs[ref.removeprefix("#/$defs/")], defs)
    return node


def top_types(node: dict[str, Any], defs: dict[str, Any]) -> set[str]:
    """The JSON types a schema node accepts at its top (through anyOf and $ref)."""
    node = _resolve(node, defs)
    if "anyOf" in node:
        return set().union(*(top_types(option, defs) for option in node["anyOf"]))
    if "type" in node:
        return {node["type"]}
    if "enum" in node:
        return {type(v).__name__.replace("str", "string") for v in node["enum"]}
    return set()


def test_schema_has_no_top_level_required() -> None:
    schema = plan_json_schema()
    assert "required" not in schema
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert list(schema["properties"]) == list(Plan.model_fields)


@pytest.mark.parametrize("name", ["Person", "AgendaItem", "MeetingDate", "Include"])
def test_schema_accepts_shorthand_strings(name: str) -> None:
    defs = plan_json_schema()["$defs"]
    assert top_types(defs[name], defs) == {"string", "object"}


def test_schema_meetings_accepts_every_form() -> None:
    defs = plan_json_schema()["$defs"]
    for kind in ("Body", "Forum"):
        meetings = defs[kind]["properties"]["meetings"]
        assert top_types(meetings, defs) == {"integer", "string", "object"}


def test_schema_section_include_accepts_a_single_include() -> None:
    defs = plan_json_schema()["$defs"]
    include = defs["Section"]["properties"]["include"]
    assert {"string", "object", "array"} <= top_types(include, defs)


VALID_FILES: list[dict[str, Any]] = [
    {"district": "fyns-politi", "year": 2020, "title": "Plan"},
    {"title": "Only a title"},
    {"fora": []},
    {"issued_by": "politidirektør"},
    {"bodies": [{**BODY, "chair": "politidirektør", "meetings": 4}]},
    {"bodies": [{**BODY, "meetings": {"min": 2, "max": 3}, "agenda": ["samarbejdsplan"]}]},
    {"fora": [{"title": "SSP", "meetings": "ad-hoc", "representatives": ["a", {"name": "b"}]}]},
    {"bodies": [{**BODY, "meeting_dates": ["2020-03-02", {"date": "2007-10-26"}]}]},
    {"sections": [{"title": "Bilag", "include": ["fora", {"part": "bodies"}]}]},
]


@pytest.mark.parametrize("document", VALID_FILES)
def test_schema_validates_documents(document: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator(plan_json_schema()).validate(document)


@pytest.mark.parametrize(
    "document",
    [{"titel": "x"}, {"year": "abc"}, {"bodies": [{"title": "K"}]}, {"fora": [{"meetings": "x"}]}],
)
def test_schema_rejects_documents(document: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(plan_json_schema()).validate(document)
