"""`samplan diff`: the semantic changes from one plan to another, in Danish.

Bodies, fora, initiatives and sections are matched by id (samplan.matching), members
and representatives by who they are, dated meetings by date. Every field of the model
is compared, so a new field is diffed without code here; its Danish label is in
`FIELD_LABEL` (a test keeps the two in step). Reordering alone is no change, and a part
the new plan does not state at all (its key absent) is not reported as removed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

from pydantic import BaseModel

from samplan.matching import content_signature, entity_key, match, signature, title
from samplan.meetings import Meetings
from samplan.model import (
    AgendaItem,
    Body,
    Entity,
    Gathering,
    Include,
    MeetingDate,
    Person,
    Plan,
    Published,
    walk_sections,
)
from samplan.render import labels
from samplan.text import danish_date, join_danish, slugify

ChangeType = Literal["added", "removed", "changed", "renamed"]
Kind = Literal["plan", "body", "forum", "initiative", "section", "member", "meeting"]

DIFF_VERSION = 1

# The Danish noun of each kind, for sentences: (singular, with "ny"/"nyt").
NOUN: dict[str, tuple[str, str]] = {
    "body": ("organ", "Nyt"),
    "forum": ("samarbejdsforum", "Nyt"),
    "initiative": ("initiativ", "Nyt"),
    "section": ("afsnit", "Nyt"),
}

FIELD_LABEL: dict[str, str] = {
    # plan
    "district": "politikreds",
    "year": "år",
    "title": "titel",
    "subtitle": "undertitel",
    "issued_by": "udstedt af",
    "source": "kilde",
    "parties": "parter",
    "discussed_in_kredsraad": "drøftet i kredsrådet",
    "approved_by_kredsraad": "godkendt af kredsrådet",
    "published": "offentliggjort",
    "effective_from": "gældende fra",
    "published.date": "offentliggjort",
    "published.where": "offentliggjort hvor",
    "published.url": "adresse",
    # bodies and fora
    "kind": "type",
    "category": "kategori",
    "topic": "emne",
    "description": "beskrivelse",
    "level": "niveau",
    "chair": "formand",
    "vice_chair": "næstformand",
    "municipalities": "kommuner",
    "meetings": "møder",
    "agenda": "faste punkter",
    "legal_basis": "hjemmel",
    "secretariat": "sekretariat",
    # initiatives
    "status": "status",
    "since": "siden",
    "priority": "prioritet",
    "rank": "rangorden",
    "partners": "samarbejdspartnere",
    # sections
    "text": "tekst",
    "include": "indhold",
    "text_after": "tekst efter indholdet",
    "numbered": "nummereret",
}

# Fields compared as running text: shown as a word-level change, summed up in one phrase.
PROSE_FIELDS = frozenset({"subtitle", "topic", "description", "legal_basis", "text", "text_after"})
# Fields whose values are samplan's own Danish words, lower-cased inside a sentence.
VOCABULARY_FIELDS = frozenset({"level", "kind", "status", "priority", "numbered"})
# List fields whose order carries no meaning.
SET_FIELDS = frozenset({"municipalities", "partners", "agenda"})
# Fields diffed as entities of their own, not as values.
NESTED_FIELDS = frozenset(
    {"members", "representatives", "meeting_dates", "sections", "bodies", "fora", "initiatives"}
)
_STATUS = {"new": "ny", "continued": "videreført", "ended": "afsluttet"}
_PART = {"bodies": "organisationen", "fora": "samarbejdsfora", "initiatives": "initiativer"}


@dataclass(frozen=True)
class Change:
    """One change, as SPEC's `diff --format json` gives it."""

    change: ChangeType
    kind: Kind
    id: str | None
    title: str | None
    field: str | None
    old: str | None
    new: str | None
    text: str
    prose: bool = False  # old and new are running text: show a word-level change

    @classmethod
    def whole(cls, change: ChangeType, kind: Kind, ident: str, title: str, text: str) -> Change:
        """An entity added or removed as a whole: no field, no values."""
        return cls(change, kind, ident, title, None, None, None, text)

    def as_json(self) -> dict[str, Any]:
        return {
            "change": self.change,
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "text": self.text,
        }


@dataclass
class PlanDiff:
    """The changes from one plan of a district to another."""

    district: str
    old_year: int
    new_year: int
    old_title: str
    new_title: str
    changes: list[Change] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(("added", "removed", "changed", "renamed"), 0)
        for change in self.changes:
            counts[change.change] += 1
        return counts

    def as_json(self) -> dict[str, Any]:
        return {
            "version": DIFF_VERSION,
            "district": self.district,
            "old": self.old_year,
            "new": self.new_year,
            "changes": [c.as_json() for c in self.changes],
            "summary": self.summary,
        }


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Every change from `old` to `new`, plan fields first, then each part in new order."""
    result = PlanDiff(new.district, old.year, new.year, old.title, new.title)
    result.changes += _plan_fields(old, new)
    parts: tuple[tuple[str, Kind], ...] = (
        ("bodies", "body"),
        ("fora", "forum"),
        ("initiatives", "initiative"),
    )
    for part, kind in parts:
        before: list[Entity] | None = getattr(old, part)
        after: list[Entity] | None = getattr(new, part)
        if after is None:  # the new plan does not state this part: nothing is removed
            continue
        result.changes += _entities(kind, before or [], after)
    if new.sections is not None:
        before_sections: list[Entity] = [s for s, _ in walk_sections(old.sections or [])]
        after_sections: list[Entity] = [s for s, _ in walk_sections(new.sections)]
        result.changes += _entities("section", before_sections, after_sections)
    return result


# --- values ---------------------------------------------------------------------------


def show(name: str, value: Any) -> str | None:
    """A field's value in the seeds' wording; None when the plan does not give it."""
    if value is None:
        return None
    if isinstance(value, Meetings):
        return value.danish()
    if isinstance(value, Person):
        return labels.person(value)
    if isinstance(value, dt.date):
        return danish_date(value)
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, list):
        items = [_item(name, v) for v in value]
        return ", ".join(sorted(items) if name in SET_FIELDS else items)
    if name == "level":
        return str(labels.LEVEL[value])
    if name == "kind":
        return str(labels.KIND[value])
    if name == "status":
        return _STATUS[value]
    if name == "priority":
        return str(labels.PRIORITY[value]).lower()
    return str(value)


def _item(name: str, value: Any) -> str:
    if isinstance(value, AgendaItem):
        text = labels.AGENDA[value.topic]
        return f"{text} ({value.note})" if value.note else text
    if isinstance(value, Include):
        text = _PART[value.part]
        details = [*(value.ids or []), value.category, _STATUS.get(value.status or "")]
        shown = [d for d in details if d]
        return f"{text} ({', '.join(shown)})" if shown else text
    if isinstance(value, BaseModel):
        return content_signature(value)
    return str(value)


def _comparable(name: str, value: Any) -> Any:
    """What equality is judged on: order-free lists as sorted, text without stray space."""
    if isinstance(value, str):
        return "\n".join(line.rstrip() for line in value.strip().splitlines())
    if isinstance(value, list) and name in SET_FIELDS:
        return sorted(_item(name, v) for v in value)
    if isinstance(value, list):
        return [_item(name, v) for v in value]
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value


def _fields(model: BaseModel) -> Iterator[tuple[str, Any]]:
    for name in type(model).model_fields:
        if name in NESTED_FIELDS or name == "id":
            continue
        value = getattr(model, name)
        if isinstance(value, Published):
            for sub in type(value).model_fields:
                yield f"published.{sub}", getattr(value, sub)
        else:
            yield name, value


# --- sentences ------------------------------------------------------------------------


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _field_sentence(subject: str, name: str, old: Any, new: Any) -> str:
    label = FIELD_LABEL[name]
    before, after = show(name, old), show(name, new)
    if name in PROSE_FIELDS:
        if before is None:
            return f"{subject}: {label} tilføjet"
        if after is None:
            return f"{subject}: {label} fjernet"
        return f"{subject}: {label} ændret"
    if name in SET_FIELDS and isinstance(old, list) and isinstance(new, list):
        gone = sorted(set(_comparable(name, old)) - set(_comparable(name, new)))
        came = sorted(set(_comparable(name, new)) - set(_comparable(name, old)))
        parts = []
        if came:
            parts.append(f"{join_danish(came)} tilføjet")
        if gone:
            parts.append(f"{join_danish(gone)} fjernet")
        if parts:
            return f"{subject}: {label}: {'; '.join(parts)}"
    suffix = ""
    if name == "meetings":
        before, after = _meetings_phrase(old), _meetings_phrase(new)
        if _per_year(new) and (old is None or _per_year(old)):
            suffix = " om året"
    elif name in VOCABULARY_FIELDS:  # our own words ("Strategisk niveau") read mid-sentence
        before = _lower_first(before) if before else before
        after = _lower_first(after) if after else after
    if before is None:
        return f"{subject}: {label} angivet som {after}{suffix}"
    if after is None:
        return f"{subject}: {label} ikke længere angivet (var {before})"
    return f"{subject}: {label} ændret fra {before} til {after}{suffix}"


def _meetings_phrase(value: Meetings | None) -> str | None:
    return _lower_first(value.danish()) if value is not None else None


def _per_year(value: Any) -> bool:
    """A count of meetings with no note, which reads well followed by 'om året'."""
    return isinstance(value, Meetings) and value.keyword is None and not value.note


def _added_sentence(kind: str, title: str) -> str:
    noun, new = NOUN[kind]
    return f"{new} {noun}: {title}"


def _removed_sentence(kind: str, title: str) -> str:
    return f"Udgået {NOUN[kind][0]}: {title}"


def _renamed_sentence(kind: str, old: str, new: str) -> str:
    if kind == "plan":
        return f"Planens titel ændret fra {old} til {new}"
    return f"{NOUN[kind][0].capitalize()} omdøbt fra {old} til {new}"


# --- entities -------------------------------------------------------------------------


def _entities(kind: Kind, old: list[Entity], new: list[Entity]) -> Iterator[Change]:
    matching = match(old, new, key=entity_key, signature=signature, label=title)
    for item in new:
        partner = matching.counterpart(item)
        if partner is None:
            yield Change.whole(
                "added", kind, item.key, item.title, _added_sentence(kind, item.title)
            )
            continue
        if partner.key != item.key:
            yield _renamed(kind, partner, item)
        yield from _entity_fields(kind, partner, item, renamed=partner.key != item.key)
        if isinstance(partner, Gathering) and isinstance(item, Gathering):
            yield from _people(kind, partner, item)
            yield from _meeting_dates(partner, item)
    for item in matching.removed:
        text = _removed_sentence(kind, item.title)
        yield Change.whole("removed", kind, item.key, item.title, text)


def _renamed(kind: Kind, old: Entity, new: Entity) -> Change:
    if old.title != new.title:
        text = _renamed_sentence(kind, old.title, new.title)
        return Change("renamed", kind, new.key, new.title, "title", old.title, new.title, text)
    text = f"{NOUN[kind][0].capitalize()} {new.title}: id ændret fra {old.key} til {new.key}"
    return Change("renamed", kind, new.key, new.title, "id", old.key, new.key, text)


def _entity_fields(kind: Kind, old: Entity, new: Entity, renamed: bool) -> Iterator[Change]:
    """Field changes of a matched entity (its title aside when reported as renamed)."""
    skip = frozenset({"title"}) if renamed else frozenset()
    yield from _field_changes(kind, old, new, new.key, new.title, new.title, skip)


def _plan_fields(old: Plan, new: Plan) -> Iterator[Change]:
    """Field changes of the plan itself; a key the new plan leaves out is not stated."""
    absent = {name for name, value in _fields(new) if value is None}
    skip = frozenset({"district", "year", *absent})
    yield from _field_changes("plan", old, new, None, new.title, "Planen", skip)


def _field_changes(
    kind: Kind,
    old: BaseModel,
    new: BaseModel,
    ident: str | None,
    title: str,
    subject: str,
    skip: frozenset[str],
) -> Iterator[Change]:
    before = dict(_fields(old))
    for name, value in _fields(new):
        previous = before.get(name)
        if name in skip or _comparable(name, previous) == _comparable(name, value):
            continue
        if name == "title":
            text = _renamed_sentence(kind, str(previous), str(value))
        else:
            text = _field_sentence(subject, name, previous, value)
        shown_before, shown_after = show(name, previous), show(name, value)
        prose = name in PROSE_FIELDS
        yield Change("changed", kind, ident, title, name, shown_before, shown_after, text, prose)


# --- members and dated meetings -------------------------------------------------------


def _person_key(person: Person) -> str:
    if person.name:
        return slugify(person.name)
    return _role_key(person)


def _role_key(person: Person) -> str:
    parts = (person.title, person.municipality, person.organisation, person.on_behalf_of)
    return slugify(" ".join(p for p in parts if p))


def _people(kind: Kind, old: Gathering, new: Gathering) -> Iterator[Change]:
    after = new.people if getattr(new, new.PEOPLE_KEY) is not None else None
    if after is None:
        return
    noun = "medlem" if isinstance(new, Body) else "repræsentant"
    matching = match(old.people, after, key=_person_key)
    # A person not found by name who holds the same role is the same seat, filled anew.
    seats = match(matching.removed, matching.added, key=_role_key)
    changed_seats = {id(b): a for a, b in seats.pairs}
    added = {id(p) for p in seats.added}
    for person in after:
        ident = f"{new.key}/{_person_key(person)}"
        shown = labels.person(person)
        if id(person) in added:
            text = f"{new.title}: nyt {noun}: {shown}"
            yield Change.whole("added", "member", ident, shown, text)
            continue
        seat = changed_seats.get(id(person))
        before = seat if seat is not None else matching.counterpart(person)
        was = labels.person(before) if before is not None else shown
        if was != shown:
            text = f"{new.title}: {noun} ændret fra {was} til {shown}"
            field = "name" if seat is not None else "member"
            yield Change("changed", "member", ident, shown, field, was, shown, text)
    for person in seats.removed:
        shown = labels.person(person)
        ident = f"{new.key}/{_person_key(person)}"
        yield Change.whole(
            "removed", "member", ident, shown, f"{new.title}: {noun} udgået: {shown}"
        )


def _date_key(meeting: MeetingDate) -> str:
    where = f"-{slugify(meeting.municipality)}" if meeting.municipality else ""
    return f"{meeting.date.isoformat()}{where}"


def _date_title(meeting: MeetingDate) -> str:
    text = danish_date(meeting.date)
    return f"{text} ({meeting.municipality})" if meeting.municipality else text


def _meeting_dates(old: Gathering, new: Gathering) -> Iterator[Change]:
    if new.meeting_dates is None:
        return
    matching = match(old.meeting_dates or [], new.meeting_dates, key=_date_key)
    runs: tuple[tuple[ChangeType, list[MeetingDate]], ...] = (
        ("added", matching.added),
        ("removed", matching.removed),
    )
    for change, meetings in runs:
        for meeting in meetings:
            shown = _date_title(meeting)
            ident = f"{new.key}/{_date_key(meeting)}"
            text = f"nyt møde {shown}" if change == "added" else f"mødet {shown} er udgået"
            yield Change.whole(change, "meeting", ident, shown, f"{new.title}: {text}")


# --- word-level change ----------------------------------------------------------------

_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs, op being '=', '-' or '+', from a word-level comparison.

    Whitespace at the edges of a change belongs to the unchanged text around it, so
    that a marked change holds words only.
    """
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    runs: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append(runs, "=", "".join(a[i1:i2]))
            continue
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        edges = after if after.strip() else before
        if not edges.strip():  # only whitespace changed: nothing a reader would see
            _append(runs, "=", after)
            continue
        _append(runs, "=", edges[: len(edges) - len(edges.lstrip())])
        _append(runs, "-", before.strip())
        _append(runs, "+", after.strip())
        _append(runs, "=", edges[len(edges.rstrip()) :])
    return runs


def _append(runs: list[tuple[str, str]], op: str, text: str) -> None:
    if not text:
        return
    if runs and runs[-1][0] == op:
        runs[-1] = (op, runs[-1][1] + text)
    else:
        runs.append((op, text))
