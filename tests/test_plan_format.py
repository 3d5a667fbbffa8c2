"""The plan-format forms that record what real plans say (issue 11): each loads, the old
forms still load as before, and a wrong value gets one located message."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_loader import MINIMAL, PLAN, findings, load, only

from samplan.build import build
from samplan.model import SCHEMA_VERSION, Plan
from samplan.plan_schema import plan_json_schema


def plan_of(tmp_path: Path, text: str) -> Plan:
    result = load(tmp_path, {"plan.yaml": MINIMAL + text})
    assert findings(result) == []
    assert result.plan is not None
    return result.plan


@pytest.mark.parametrize(
    ("written", "stored"),
    [("strategisk", "strategic"), ("Taktisk", "tactical"), ("operativ", "operative"),
     ("stab", "staff"), ("strategic", "strategic")],
)  # fmt: skip
def test_level_in_danish_or_english(tmp_path: Path, written: str, stored: str) -> None:
    plan = plan_of(tmp_path, f"bodies:\n  - {{title: K, kind: kredsråd, level: {written}}}\n")
    assert plan.bodies is not None and plan.bodies[0].level == stored


def test_level_is_optional(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "bodies:\n  - {title: K, kind: kredsråd}\n")
    assert plan.bodies is not None and plan.bodies[0].level is None


def test_a_misspelt_level_gets_did_you_mean_across_both_languages(tmp_path: Path) -> None:
    text = MINIMAL + "bodies:\n  - {title: K, kind: kredsråd, level: strategsk}\n"
    code, _, message, file, line, _, hint = only(load(tmp_path, {"plan.yaml": text}))
    assert (code, message, file, line) == (
        "SP008", "bodies[0].level (K): 'strategsk' is not an allowed value", PLAN, 5,
    )  # fmt: skip
    assert hint == "did you mean 'strategisk'?"


@pytest.mark.parametrize(
    ("status", "priority", "stored"),
    [("ny", "lokal", ("new", "local")), ("videreført", "national", ("continued", "national")),
     ("afsluttet", "local", ("ended", "local"))],
)  # fmt: skip
def test_status_and_priority_in_danish(
    tmp_path: Path, status: str, priority: str, stored: tuple[str, str]
) -> None:
    text = f"initiatives:\n  - {{title: A, status: {status}, priority: {priority}}}\n"
    plan = plan_of(tmp_path, text)
    assert plan.initiatives is not None
    assert (plan.initiatives[0].status, plan.initiatives[0].priority) == stored


def test_a_misspelt_status_suggests_the_danish_word(tmp_path: Path) -> None:
    text = MINIMAL + "initiatives:\n  - {title: A, status: viderefort}\n"
    assert only(load(tmp_path, {"plan.yaml": text}))[6] == "did you mean 'videreført'?"


@pytest.mark.parametrize(
    ("written", "shown"),
    [("ad hoc", "Ad hoc"), ("Kvartalsvis", "Kvartalsvis"), ("efter behov", "Efter behov"),
     ("{keyword: quarterly, note: ét møde ude}", "Kvartalsvis (ét møde ude)")],
)  # fmt: skip
def test_meeting_keywords_in_danish_and_with_a_note(
    tmp_path: Path, written: str, shown: str
) -> None:
    plan = plan_of(tmp_path, f"fora:\n  - title: SSP\n    meetings: {written}\n")
    assert plan.fora is not None and plan.fora[0].meetings is not None
    assert plan.fora[0].meetings.danish() == shown


@pytest.mark.parametrize(
    ("written", "stored"),
    [("2019-12-10", dt.date(2019, 12, 10)), ("yes", True), ("ja", True), ("no", False)],
)
def test_kredsraad_discussion_with_or_without_a_date(
    tmp_path: Path, written: str, stored: object
) -> None:
    plan = plan_of(tmp_path, f"discussed_in_kredsraad: {written}\napproved_by_kredsraad: yes\n")
    assert plan.discussed_in_kredsraad == stored
    assert plan.approved_by_kredsraad is True


def test_a_bad_discussion_date_gets_one_message(tmp_path: Path) -> None:
    text = MINIMAL + "discussed_in_kredsraad: 2019-13-01\n"
    assert only(load(tmp_path, {"plan.yaml": text}))[2:6] == (
        "discussed_in_kredsraad: expected a date (YYYY-MM-DD) or yes, got '2019-13-01'",
        PLAN, 4, 25,
    )  # fmt: skip


@pytest.mark.parametrize(
    "written", ["yes", "{where: politiets hjemmeside}", "{date: 2020-01-02}", "2020-01-02"]
)
def test_publication_without_a_place(tmp_path: Path, written: str) -> None:
    plan = plan_of(tmp_path, f"published: {written}\n")
    assert plan.published is not None


def test_a_bad_publication_date_is_located_at_the_date(tmp_path: Path) -> None:
    text = MINIMAL + "published:\n  date: i går\n"
    assert only(load(tmp_path, {"plan.yaml": text}))[2:6] == (
        "published.date: expected a date, got 'i går'", PLAN, 5, 9,
    )  # fmt: skip


def test_issuer_as_an_organisation_and_the_plans_coverage(tmp_path: Path) -> None:
    text = (
        "issued_by: {organisation: Fyns Politi}\nmunicipalities: [Odense]\n"
        "parties: [Kriminalforsorgen]\nsource: {kind: uddrag, url: https://politi.dk/x}\n"
    )
    plan = plan_of(tmp_path, text)
    assert plan.issued_by is not None and plan.issued_by.organisation == "Fyns Politi"
    assert (plan.municipalities, plan.parties) == (["Odense"], ["Kriminalforsorgen"])
    assert plan.source is not None and plan.source.kind == "excerpt" and plan.source.partial


def test_sub_initiatives_and_numbered_default(tmp_path: Path) -> None:
    text = (
        "numbered: false\ninitiatives:\n  - title: A\n    initiatives:\n"
        "      - {title: A1}\n      - {title: A2, status: ny}\n"
    )
    plan = plan_of(tmp_path, text)
    assert plan.numbered is False and plan.initiatives is not None
    assert [i.key for i in plan.initiatives[0].initiatives or []] == ["a1", "a2"]


def test_the_schema_offers_english_and_danish_values() -> None:
    schema = json.dumps(plan_json_schema(), ensure_ascii=False)
    for word in ("strategisk", "videreført", "lokal", "ad hoc", "kvartalsvis", "uddrag"):
        assert f'"{word}"' in schema


def test_plan_json_carries_the_new_schema_version(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "out"
    assert build(root, root / "data", out).failed == []
    data = json.loads((out / "fyns-politi/2020/plan.json").read_text("utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION == 2
    assert data["bodies"][0]["level"] == "strategic"  # the stored value stays English
