"""The change records of a diff, as SPEC's `diff --format json` gives them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ChangeType = Literal["added", "removed", "changed", "renamed"]
Kind = Literal["plan", "body", "forum", "initiative", "section", "member", "meeting"]

DIFF_VERSION = 1


@dataclass(frozen=True)
class Change:
    """One change, as SPEC's `diff --format json` gives it."""

    change: ChangeType
    kind: Kind
    id: str | None
    title: str | None
    field: str | None
    old: Any  # data as in plan.json: ISO dates, the schema's values, lists as lists
    new: Any
    text: str
    old_text: str | None = None  # the Danish display of `old` and `new`
    new_text: str | None = None
    prose: bool = False  # old and new are running text: show a word-level change
    ids: tuple[str, ...] = ()  # the entities a change shared by a whole part stands for

    @classmethod
    def whole(cls, change: ChangeType, kind: Kind, ident: str, title: str, text: str) -> Change:
        """An entity added or removed as a whole: no field, no values."""
        return cls(change, kind, ident, title, None, None, None, text)

    def as_json(self) -> dict[str, Any]:
        """SPEC's object: display text beside the data only for a change of a field."""
        data: dict[str, Any] = {
            "change": self.change,
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }
        if self.field is not None:
            data["old_text"] = self.old_text
            data["new_text"] = self.new_text
        data["text"] = self.text
        if self.ids:
            data["ids"] = list(self.ids)
        return data


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
