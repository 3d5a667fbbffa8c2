"""moeder.ics: parsed back with icalendar, it holds every dated meeting, stably."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from samplan.build import render_plan
from samplan.loader import load_plan
from samplan.model import Plan
from samplan.render.calendar import meeting_calendar, stamp
from samplan.render.environment import make_environment

ROOT = Path(__file__).resolve().parent.parent
PLAN_2007 = ROOT / "data/midt-og-vestsjaellands-politi/2007"

# The lokalråd meetings "holdt eller berammet" in 2007, as the plan lists them.
LOKALRAAD_2007 = [
    ("Greve", "2007-10-26"), ("Greve", "2007-11-14"), ("Holbæk", "2007-09-26"),
    ("Holbæk", "2007-11-07"), ("Kalundborg", "2007-11-29"), ("Køge", "2007-11-08"),
    ("Lejre", "2007-11-20"), ("Odsherred", "2007-09-27"), ("Odsherred", "2007-11-08"),
    ("Ringsted", "2007-12-06"), ("Roskilde", "2007-11-22"), ("Solrød", "2007-09-28"),
    ("Stevns", "2007-10-31"),
]  # fmt: skip


def seed_2007() -> Plan:
    plan = load_plan(PLAN_2007, ROOT).plan
    assert plan is not None
    return plan


def events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return [c for c in cal.walk("VEVENT") if isinstance(c, icalendar.Event)]


def test_the_2007_calendar_holds_the_lokalraad_meeting_dates(seed_site: Path) -> None:
    data = (seed_site / "midt-og-vestsjaellands-politi/2007/moeder.ics").read_bytes()
    found = [(str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND")) for e in events(data)]
    title = "Lokalrådene i de enkelte kommuner"
    assert found == [
        (f"{title} ({where})", dt.date.fromisoformat(day),
         dt.date.fromisoformat(day) + dt.timedelta(days=1))
        for where, day in LOKALRAAD_2007
    ]  # fmt: skip


def test_events_are_all_day_with_unique_stable_uids(seed_site: Path) -> None:
    data = (seed_site / "midt-og-vestsjaellands-politi/2007/moeder.ics").read_bytes()
    assert b"DTSTART;VALUE=DATE:20071026\r\n" in data
    uids = [str(e["UID"]) for e in events(data)]
    assert len(set(uids)) == len(uids) == 13
    assert uids[0] == "midt-og-vestsjaellands-politi-2007-organ-lokalraadene-20071026-greve@samplan"
    assert "organ-lokalraadene-20071108-koege@samplan" in uids[5]
    assert "organ-lokalraadene-20071108-odsherred@samplan" in uids[8]


def test_calendar_is_rfc_5545_text(seed_site: Path) -> None:
    data = (seed_site / "midt-og-vestsjaellands-politi/2007/moeder.ics").read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//samplan//")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_same_plan_same_bytes_and_no_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = meeting_calendar(seed_2007(), "Møder")
    assert first is not None and first == meeting_calendar(seed_2007(), "Møder")
    assert first.count(b"DTSTAMP:20070101T000000Z\r\n") == 13


def test_source_date_epoch_sets_dtstamp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = meeting_calendar(seed_2007(), "Møder")
    assert data is not None and data.count(b"DTSTAMP:20231114T221320Z\r\n") == 13


def test_stamp_falls_back_to_the_plans_own_dates() -> None:
    plan = Plan.model_validate(
        {"district": "fyns-politi", "year": 2020, "title": "P", "effective_from": "2020-02-01"}
    )
    assert stamp(plan, {}) == dt.datetime(2020, 2, 1, tzinfo=dt.UTC)
    assert stamp(plan, {"SOURCE_DATE_EPOCH": "0"}) == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def test_plans_without_dated_meetings_have_no_calendar_and_no_link(seed_site: Path) -> None:
    with_calendar = sorted(p.parent.relative_to(seed_site).as_posix()
                           for p in seed_site.glob("*/*/moeder.ics"))  # fmt: skip
    assert with_calendar == ["midt-og-vestsjaellands-politi/2007"]
    for page in seed_site.glob("*/*/index.html"):
        linked = '<a href="moeder.ics">' in page.read_text("utf-8")
        assert linked == (page.parent / "moeder.ics").is_file(), page


def test_render_plan_adds_the_calendar_by_name() -> None:
    files = render_plan(make_environment(), seed_2007())
    assert sorted(files) == ["index.html", "moeder.ics", "plan.json", "plan.md"]
    assert isinstance(files["moeder.ics"], bytes)


def test_uids_are_unique_whatever_the_ids_and_municipalities() -> None:
    """Parts of a UID may end like a repeat's suffix (`A 2`, an id `a-20200101-b`);
    every UID is still issued once."""
    from samplan.render.calendar import meetings

    plan = Plan.model_validate(
        {
            "district": "fyns-politi",
            "year": 2020,
            "title": "T",
            "fora": [
                {
                    "title": "X",
                    "meeting_dates": [
                        {"date": "2020-01-01", "municipality": "A"},
                        {"date": "2020-01-01", "municipality": "A"},
                        {"date": "2020-01-01", "municipality": "A 2"},
                    ],
                },
                {
                    "title": "a",
                    "meeting_dates": [{"date": "2020-01-01", "municipality": "b-20200102"}],
                },
                {"title": "a2", "id": "a-20200101-b", "meeting_dates": ["2020-01-02"]},
                {"title": "Å", "meeting_dates": ["2020-01-01", "2020-01-01"]},
            ],
        }
    )
    uids = [m.uid for m in meetings(plan)]
    assert len(uids) == 7
    assert len(set(uids)) == len(uids)
