"""samplan.render.ics: our RFC 5545 writer escapes and folds as the icalendar library did,
byte for byte, and icalendar (a test dependency only) reads back what it wrote."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samplan import __version__
from samplan.loader import load_plan
from samplan.model import Plan
from samplan.render import ics
from samplan.render.calendar import meeting_calendar, meetings, stamp

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = sorted((ROOT / "tests/hostile").glob("*.yaml"))
# Text as plans hold it: no control character but tab, CR and LF (the loader refuses them).
CONTROLS = [*map(chr, range(32)), chr(127)]
PLAIN = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters=CONTROLS)
    | st.sampled_from('\t\r\n\\;,:^"æøåÆØÅ€𝄞'),
    max_size=300,
)


def by_icalendar(plan: Plan, calendar_name: str) -> bytes:
    """moeder.ics as samplan wrote it with icalendar, up to 0.1.0."""
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//samplan//samplan {__version__}//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name)
    for meeting in meetings(plan):
        event = icalendar.Event()
        event.add("uid", meeting.uid)
        event.add("dtstamp", stamp(plan))
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + dt.timedelta(days=1))
        event.add("summary", meeting.summary)
        event.add("description", meeting.description)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def summary_line(value: str) -> list[bytes]:
    return ics.component("VEVENT", [("SUMMARY", ics.text(value))]).split(b"\r\n")[1:-2]


def test_text_escapes_backslash_semicolon_comma_and_line_breaks() -> None:
    assert ics.text("a\\b;c,d:e") == "a\\\\b\\;c\\,d:e"
    assert ics.text("1\r\n2\n3\r4") == "1\\n2\\n3\\n4"
    assert ics.text("C:\\Nyt\\n") == "C:\\\\Nyt\\\\n"  # icalendar made `\N` a line break
    assert ics.text("tab\there") == "tab\there"


def test_text_leaves_out_control_characters() -> None:
    assert ics.text("a\x00b\x1b[2Jc\x7fd\x0be\x0cf") == "ab[2Jcdef"
    assert ics.text("\x85 \u2028 \u202e") == "\x85 \u2028 \u202e"  # not RFC 5545 CONTROL


def test_a_long_danish_title_folds_before_75_octets_never_inside_a_letter() -> None:
    title = (
        "Lokalrådenes særlige møde om børn og unges kriminalitet i Ærø, Faaborg-Midtfyn,"
        " Sorø og Næstved kommuner"
    )
    assert summary_line(title) == [
        "SUMMARY:Lokalrådenes særlige møde om børn og unges kriminalitet i Ær".encode(),
        " ø\\, Faaborg-Midtfyn\\, Sorø og Næstved kommuner".encode(),
    ]  # 73 octets: the two of ø would make the line 75 long
    lines = summary_line("æøå" * 40)
    assert [len(line) for line in lines] == [74, 75, 75, 27]
    assert b"".join(line.removeprefix(b" ") for line in lines).decode() == "SUMMARY:" + "æøå" * 40


def test_a_fold_never_falls_right_after_a_backslash_or_a_caret() -> None:
    assert summary_line("x" * 65 + ";y") == [b"SUMMARY:" + b"x" * 65, b" \\;y"]
    assert summary_line("x" * 65 + "^y") == [b"SUMMARY:" + b"x" * 65, b" ^y"]
    event = icalendar.Event()
    event.add("summary", "x" * 65 + "^y")
    assert event.to_ical().split(b"\r\n")[1:-2] == summary_line("x" * 65 + "^y")


def test_dates_and_times() -> None:
    assert ics.date(dt.date(7, 1, 2)) == "00070102"
    moment = dt.datetime(2023, 11, 15, 0, 13, 20, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert ics.utc_time(moment) == "20231114T221320Z"


@settings(max_examples=200, deadline=None)
@given(PLAIN)
def test_text_is_escaped_and_folded_as_icalendar_did_and_reads_back(value: str) -> None:
    event = icalendar.Event()
    event.add("summary", value)
    ours = ics.component("VEVENT", [("SUMMARY", ics.text(value))])
    if "\\N" not in value:
        assert ours == event.to_ical()
    assert all(len(line) <= 75 for line in ours.split(b"\r\n"))
    read = icalendar.Event.from_ical(ours)
    assert str(read["SUMMARY"]) == value.replace("\r\n", "\n").replace("\r", "\n")


def test_hostile_text_reads_back_without_its_control_characters() -> None:
    value = "a\x00b\x1b[2J;c,\\d\ne\x7f"
    read = icalendar.Event.from_ical(ics.component("VEVENT", [("SUMMARY", ics.text(value))]))
    assert str(read["SUMMARY"]) == "ab[2J;c,\\d\ne"


def test_the_seed_calendar_is_what_icalendar_wrote(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plan = load_plan(ROOT / "data/midt-og-vestsjaellands-politi/2007", ROOT).plan
    assert plan is not None
    name = "Møder i Midt- og Vestsjællands Politi 2007"
    assert meeting_calendar(plan, name) == by_icalendar(plan, name)
    golden = ROOT / "tests/golden/midt-og-vestsjaellands-politi/2007/moeder.ics"
    assert meeting_calendar(plan, name) == golden.read_bytes().replace(b"\n", b"\r\n")


def test_the_hostile_corpus_calendars_are_what_icalendar_wrote(tmp_path: Path) -> None:
    compared = 0
    for case in HOSTILE:
        data = tmp_path / case.stem / "data/fyns-politi/2020"
        data.mkdir(parents=True)
        shutil.copy(case, data / "plan.yaml")
        plan = load_plan(data, tmp_path / case.stem).plan
        ours = meeting_calendar(plan, "Møder i Fyns Politi 2020") if plan else None
        if plan is not None and ours is not None:
            assert ours == by_icalendar(plan, "Møder i Fyns Politi 2020"), case.name
            compared += 1
    assert compared >= 18  # the cases with dated meetings (inject-*, meeting-date-*, ...)
