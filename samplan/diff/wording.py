"""The Danish sentences of a diff: one per change, as a reader of the plan says it."""

from __future__ import annotations

from typing import Any

from samplan.diff.fields import FIELD_LABEL, PROSE_FIELDS, SET_FIELDS, VOCABULARY_FIELDS
from samplan.diff.values import comparable, show
from samplan.meetings import Meetings
from samplan.text import join_danish

# The Danish noun of each kind, for sentences: (singular, with "ny"/"nyt").
NOUN: dict[str, tuple[str, str]] = {
    "body": ("organ", "Nyt"),
    "forum": ("samarbejdsforum", "Nyt"),
    "initiative": ("initiativ", "Nyt"),
    "section": ("afsnit", "Nyt"),
}


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def field_sentence(subject: str, name: str, old: Any, new: Any) -> str:
    """'Kredsrådet: møder ændret fra min. 4 til min. 2 om året' and its kin."""
    label = FIELD_LABEL[name]
    before, after = show(name, old), show(name, new)
    if name in PROSE_FIELDS:
        if before is None:
            return f"{subject}: {label} tilføjet"
        if after is None:
            return f"{subject}: {label} fjernet"
        return f"{subject}: {label} ændret"
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
        return f"{subject}: {label} angivet som {after}{suffix}"
    if after is None:
        return f"{subject}: {label} ikke længere angivet (var {before})"
    return f"{subject}: {label} ændret fra {before} til {after}{suffix}"


def _set_sentence(subject: str, name: str, old: list[Any], new: list[Any]) -> str | None:
    gone = sorted(set(comparable(name, old)) - set(comparable(name, new)))
    came = sorted(set(comparable(name, new)) - set(comparable(name, old)))
    parts = []
    if came:
        parts.append(f"{join_danish(came)} tilføjet")
    if gone:
        parts.append(f"{join_danish(gone)} fjernet")
    return f"{subject}: {FIELD_LABEL[name]}: {'; '.join(parts)}" if parts else None


def _meetings_phrase(value: Meetings | None) -> str | None:
    return lower_first(value.danish()) if value is not None else None


def _per_year(value: Any) -> bool:
    """A count of meetings with no note, which reads well followed by 'om året'."""
    return isinstance(value, Meetings) and value.keyword is None and not value.note


def added_sentence(kind: str, title: str) -> str:
    noun, new = NOUN[kind]
    return f"{new} {noun}: {title}"


def removed_sentence(kind: str, title: str) -> str:
    return f"Udgået {NOUN[kind][0]}: {title}"


def renamed_sentence(kind: str, old: str, new: str) -> str:
    if kind == "plan":
        return f"Planens titel ændret fra {old} til {new}"
    return f"{NOUN[kind][0].capitalize()} omdøbt fra {old} til {new}"


def new_id_sentence(kind: str, title: str, old: str, new: str) -> str:
    return f"{NOUN[kind][0].capitalize()} {title}: id ændret fra {old} til {new}"
