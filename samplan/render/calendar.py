"""moeder.ics: every dated meeting of a plan's bodies and fora as an iCalendar file.

RFC 5545, written by our own small writer (samplan.render.ics: byte for byte what the
`icalendar` library wrote, which only the tests use now, to read it back). Meetings are
all-day events (VALUE=DATE): the plans give dates, not times. The bytes are
deterministic: events in plan order, a UID derived from district, year, entity id, date
(and municipality), unique in the calendar whatever the names (a repeat gets `-2`, `-3`,
... until unused), and a DTSTAMP that is SOURCE_DATE_EPOCH when set, else the plan's own
date (published, effective or discussed, else 1 January of its year), never the clock.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from samplan import __version__
from samplan import diagnostics as d
from samplan.loader import LoadResult
from samplan.locale import t
from samplan.model import Gathering, Plan
from samplan.plan_facts import stated_date
from samplan.render import ics
from samplan.text import slugify

FILENAME = "moeder.ics"


@dataclass(frozen=True)
class Meeting:
    """One dated meeting of a body or forum."""

    uid: str
    date: dt.date
    summary: str
    description: str


def meetings(plan: Plan) -> Iterator[Meeting]:
    """Every dated meeting of the plan, bodies first, each in the plan's order."""
    gatherings: list[tuple[str, Gathering]] = [("organ", b) for b in plan.bodies or []]
    gatherings += [("forum", f) for f in plan.fora or []]
    issued: set[str] = set()
    for kind, g in gatherings:
        for md in g.meeting_dates or []:
            if md.date == dt.date.max:
                continue  # no all-day event can end after it (see unplaceable)
            where = f"-{slugify(md.municipality)}" if md.municipality else ""
            uid = _unused(
                f"{plan.district}-{plan.year}-{kind}-{g.key}-{md.date:%Y%m%d}{where}", issued
            )
            summary = g.title + (f" ({md.municipality})" if md.municipality else "")
            note = f"{md.note}. " if md.note else ""
            yield Meeting(f"{uid}@samplan", md.date, summary, f"{note}{plan.title}")


def _unused(uid: str, issued: set[str]) -> str:
    """`uid`, or `uid-2`, `uid-3`, ... : the first not issued yet, then issued. Parts of a
    UID may themselves end in `-2` (a municipality 'A 2', an id 'a-20200101-b'), so every
    candidate is checked against every UID issued, not counted per base."""
    candidate, n = uid, 1
    while candidate in issued:
        n += 1
        candidate = f"{uid}-{n}"
    issued.add(candidate)
    return candidate


def unplaceable(plan: Plan) -> Iterator[tuple[tuple[str | int, ...], dt.date]]:
    """The meeting dates no calendar can hold (an all-day event on 9999-12-31 would end
    after the last date there is), by their path in the plan: left out of moeder.ics."""
    for part in ("bodies", "fora"):
        gatherings: list[Gathering] = list(getattr(plan, part) or [])
        for i, g in enumerate(gatherings):
            for j, md in enumerate(g.meeting_dates or []):
                if md.date == dt.date.max:
                    yield (part, i, "meeting_dates", j), md.date


def source_date_epoch(environ: Mapping[str, str] = os.environ) -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a time, None when unset; ValueError when it is not a whole
    number of seconds that a calendar can hold."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not (epoch.isascii() and epoch.isdigit()):
        raise ValueError(t("calendar.epoch-not-seconds", value=repr(epoch[:30])))
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(t("calendar.epoch-too-late", value=epoch[:30])) from None


def stamp(plan: Plan, environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """DTSTAMP: SOURCE_DATE_EPOCH if set (and valid), else a date the plan itself gives."""
    try:
        epoch = source_date_epoch(environ)
    except ValueError:
        epoch = None  # the build refuses it before it gets here (cli)
    if epoch is not None:
        return epoch
    given = (plan.published, plan.effective_from, plan.discussed_in_kredsraad)
    day = next((d for d in map(stated_date, given) if d), dt.date(plan.year, 1, 1))
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def meeting_calendar(plan: Plan, calendar_name: str) -> bytes | None:
    """The plan's moeder.ics, or None when it has no dated meeting."""
    found = list(meetings(plan))
    if not found:
        return None
    when = ics.utc_time(stamp(plan))
    events = [
        ics.component(
            "VEVENT",
            [
                ("SUMMARY", ics.text(meeting.summary)),
                ("DTSTART;VALUE=DATE", ics.date(meeting.date)),
                ("DTEND;VALUE=DATE", ics.date(meeting.date + dt.timedelta(days=1))),
                ("DTSTAMP", when),
                ("UID", ics.text(meeting.uid)),
                ("DESCRIPTION", ics.text(meeting.description)),
                ("TRANSP", "TRANSPARENT"),
            ],
        )
        for meeting in found
    ]
    head = [
        ("VERSION", "2.0"),
        ("PRODID", ics.text(f"-//samplan//samplan {__version__}//DA")),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", ics.text(calendar_name)),
    ]
    return ics.component("VCALENDAR", head, events)


def calendar_findings(result: LoadResult, district: str, year: int) -> list[d.Diagnostic]:
    """A warning at each meeting date that no calendar can hold (left out of moeder.ics)."""
    found = []
    assert result.plan is not None
    for path, date in unplaceable(result.plan):
        file, mark = result.source.locate(path)
        found.append(
            d.Diagnostic(
                d.INVALID_VALUE.code,
                d.INVALID_VALUE.name,
                "warning",
                t("calendar.date-unusable", date=date.isoformat()),
                file=file,
                line=mark.line if mark else None,
                column=mark.column if mark else None,
                help=t("calendar.date-unusable.help", file=FILENAME),
                district=district,
                year=year,
                snippet=result.source.snippet(file, mark),
                width=mark.width if mark else 1,
            )
        )
    return found
