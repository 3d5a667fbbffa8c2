"""The people and dated meetings of a body or forum: matched by who and by when."""

from __future__ import annotations

from collections.abc import Iterator

from samplan.diff.changes import Change
from samplan.diff.fields import equal
from samplan.diff.matching import match
from samplan.diff.values import data
from samplan.diff.wording import quoted
from samplan.model import Body, Gathering, MeetingDate, Person
from samplan.render import labels
from samplan.text import danish_date, slugify


def person_key(person: Person) -> str:
    if person.name:
        return slugify(person.name)
    return role_key(person)


def role_key(person: Person) -> str:
    parts = (person.title, person.municipality, person.organisation, person.on_behalf_of)
    return slugify(" ".join(p for p in parts if p))


def people(old: Gathering, new: Gathering) -> Iterator[Change]:
    """Members (of a body) or representatives (of a forum) added, removed or replaced."""
    after = new.people if getattr(new, new.PEOPLE_KEY) is not None else None
    if after is None or equal(old.people, after):  # the same people in the same order
        return
    noun = "medlem" if isinstance(new, Body) else "repræsentant"
    subject = quoted(new.title)
    matching = match(old.people, after, key=person_key)
    # A person not found by name who holds the same role is the same seat, filled anew.
    seats = match(matching.removed, matching.added, key=role_key)
    changed_seats = {id(b): a for a, b in seats.pairs}
    added = {id(p) for p in seats.added}
    for person in after:
        ident = f"{new.key}/{person_key(person)}"
        shown = labels.person(person)
        if id(person) in added:
            text = f"{subject}: nyt {noun}: {shown}"
            yield Change.whole("added", "member", ident, shown, text)
            continue
        seat = changed_seats.get(id(person))
        before = seat if seat is not None else matching.counterpart(person)
        was = labels.person(before) if before is not None else shown
        if was != shown and before is not None:
            text = f"{subject}: {noun} ændret fra {was} til {shown}"
            field = "name" if seat is not None else "member"
            values = (data(before), data(person), text, was, shown)
            yield Change("changed", "member", ident, shown, field, *values)
    for person in seats.removed:
        shown = labels.person(person)
        ident = f"{new.key}/{person_key(person)}"
        yield Change.whole("removed", "member", ident, shown, f"{subject}: {noun} udgået: {shown}")


def _date_key(meeting: MeetingDate) -> str:
    where = f"-{slugify(meeting.municipality)}" if meeting.municipality else ""
    return f"{meeting.date.isoformat()}{where}"


def _date_title(meeting: MeetingDate) -> str:
    text = danish_date(meeting.date)
    return f"{text} ({meeting.municipality})" if meeting.municipality else text


def meeting_dates(old: Gathering, new: Gathering, year: int) -> Iterator[Change]:
    """Dated meetings added, and those dropped that fall in the new plan's year or later.

    A plan's dated meetings belong to its year: last year's meetings are not dropped
    because this year's plan no longer lists them.
    """
    if new.meeting_dates is None or equal(old.meeting_dates, new.meeting_dates):
        return
    matching = match(old.meeting_dates or [], new.meeting_dates, key=_date_key)
    subject = quoted(new.title)
    for meeting in matching.added:
        shown = _date_title(meeting)
        ident = f"{new.key}/{_date_key(meeting)}"
        yield Change.whole("added", "meeting", ident, shown, f"{subject}: nyt møde {shown}")
    for meeting in matching.removed:
        if meeting.date.year < year:
            continue
        shown = _date_title(meeting)
        ident = f"{new.key}/{_date_key(meeting)}"
        text = f"{subject}: mødet {shown} er udgået"
        yield Change.whole("removed", "meeting", ident, shown, text)
