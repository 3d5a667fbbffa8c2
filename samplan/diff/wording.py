"""The Danish sentences of a diff: one per change, as a reader of the plan says it."""

from __future__ import annotations

from typing import Any, NamedTuple

from samplan.diff.fields import PROSE_FIELDS, SET_FIELDS, VOCABULARY_FIELDS, label
from samplan.diff.matching import without_years
from samplan.diff.values import comparable, show
from samplan.meetings import Meetings
from samplan.text import join_danish


class Noun(NamedTuple):
    """A kind's Danish noun in the forms sentences need."""

    one: str  # organ
    new: str  # Nyt (organ)
    the_ones: str  # Organets (titel)
    plural: str  # (alle 6) organer


NOUN: dict[str, Noun] = {
    "plan": Noun("plan", "Ny", "Planens", "planer"),
    "body": Noun("organ", "Nyt", "Organets", "organer"),
    "forum": Noun("samarbejdsforum", "Nyt", "Samarbejdsforummets", "samarbejdsfora"),
    "initiative": Noun("initiativ", "Nyt", "Initiativets", "initiativer"),
    "section": Noun("afsnit", "Nyt", "Afsnittets", "afsnit"),
}


def quoted(title: str) -> str:
    """A title as Danish quotes it: »Kredsrådet«."""
    return f"»{title}«"


def only_the_year_differs(old: str, new: str) -> bool:
    """'Samarbejdsplan 2019' and 'Samarbejdsplan 2020': no change worth a line."""
    return old != new and without_years(old) == without_years(new)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def field_sentence(subject: str, name: str, old: Any, new: Any) -> str:
    """'Kredsrådet: møder ændret fra min. 4 til min. 2 om året' and its kin."""
    name_da = label(name)
    before, after = show(name, old), show(name, new)
    if name in PROSE_FIELDS:
        if before is None:
            return f"{subject}: {name_da} tilføjet"
        if after is None:
            return f"{subject}: {name_da} fjernet"
        return f"{subject}: {name_da} ændret"
    if name in SET_FIELDS and isinstance(old, list) and isinstance(new, list):
        sentence = _set_sentence(subject, name, old, new)
        if sentence:
            return sentence
    suffix = ""
    if name == "meetings":
        before, after = _meetings_phrase(old), _meetings_phrase(new)
        if _per_year(new) and (old is None or _per_year(old)):
            suffix = " om året"
    elif name in VOCABULARY_FIELDS:  # our own words ("Strategisk niveau") read mid-sentence
        before = lower_first(before) if before else before
        after = lower_first(after) if after else after
    if before is None:
        return f"{subject}: {name_da} angivet som {after}{suffix}"
    if after is None:
        return f"{subject}: {name_da} ikke længere angivet (var {before})"
    return f"{subject}: {name_da} ændret fra {before} til {after}{suffix}"


def shared_sentence(subject: str, name: str, new_text: str | None) -> str:
    """A change many entities share, from values that differed before."""
    if new_text is None:
        verb = "fjernet" if name in PROSE_FIELDS else "ikke længere angivet"
        return f"{subject}: {label(name)} {verb}"
    if name in PROSE_FIELDS:
        return f"{subject}: {label(name)} ændret"
    if name == "meetings" or name in VOCABULARY_FIELDS:
        new_text = lower_first(new_text)
    return f"{subject}: {label(name)} ændret til {new_text}"


def shared_subject(kind: str, count: int, every: bool) -> str:
    """'Alle 6 initiativer' when every entity changed, '5 initiativer' when some had it."""
    return f"{'Alle ' if every else ''}{count} {NOUN[kind].plural}"


def _set_sentence(subject: str, name: str, old: list[Any], new: list[Any]) -> str | None:
    gone = sorted(set(comparable(name, old)) - set(comparable(name, new)))
    came = sorted(set(comparable(name, new)) - set(comparable(name, old)))
    parts = []
    if came:
        parts.append(f"{join_danish(came)} tilføjet")
    if gone:
        parts.append(f"{join_danish(gone)} fjernet")
    return f"{subject}: {label(name)}: {'; '.join(parts)}" if parts else None


def _meetings_phrase(value: Meetings | None) -> str | None:
    return lower_first(value.danish()) if value is not None else None


def _per_year(value: Any) -> bool:
    """A count of meetings with no note, which reads well followed by 'om året'."""
    return isinstance(value, Meetings) and value.keyword is None and not value.note


def added_sentence(kind: str, title: str) -> str:
    return f"{NOUN[kind].new} {NOUN[kind].one}: {quoted(title)}"


def removed_sentence(kind: str, title: str) -> str:
    return f"Udgået {NOUN[kind].one}: {quoted(title)}"


def retitled_sentence(kind: str, old: str, new: str) -> str:
    """The same entity (same id) under a new title: a changed field, not a rename."""
    return f"{NOUN[kind].the_ones} titel ændret fra {quoted(old)} til {quoted(new)}"


def renamed_sentence(kind: str, old: str, new: str) -> str:
    """An entity found again by its content under a new id and title."""
    return f"{NOUN[kind].one.capitalize()} omdøbt fra {quoted(old)} til {quoted(new)}"


def new_id_sentence(kind: str, title: str, old: str, new: str) -> str:
    return f"{NOUN[kind].one.capitalize()} {quoted(title)}: id ændret fra {old} til {new}"
