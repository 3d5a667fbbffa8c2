"""A field's value three ways: as data (JSON), shown in Danish, and as compared."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from samplan.diff.fields import SET_FIELDS
from samplan.diff.matching import content_signature
from samplan.meetings import Meetings
from samplan.model import AgendaItem, Include, Person
from samplan.render import labels
from samplan.text import danish_date

STATUS = {"new": "ny", "continued": "videreført", "ended": "afsluttet"}
_PART = {"bodies": "organisationen", "fora": "samarbejdsfora", "initiatives": "initiativer"}


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
        items = [item_text(v) for v in value]
        return ", ".join(sorted(items) if name in SET_FIELDS else items)
    if name == "level":
        return str(labels.LEVEL[value])
    if name == "kind":
        return str(labels.KIND[value])
    if name == "status":
        return STATUS[value]
    if name == "priority":
        return str(labels.PRIORITY[value]).lower()
    return str(value)


def item_text(value: Any) -> str:
    """One item of a list field, in Danish."""
    if isinstance(value, AgendaItem):
        text = labels.AGENDA[value.topic]
        return f"{text} ({value.note})" if value.note else text
    if isinstance(value, Include):
        text = _PART[value.part]
        details = [*(value.ids or []), value.category, STATUS.get(value.status or "")]
        shown = [d for d in details if d]
        return f"{text} ({', '.join(shown)})" if shown else text
    if isinstance(value, BaseModel):
        return content_signature(value)
    return str(value)


def data(value: Any) -> Any:
    """A value as plan.json holds it: ISO dates, the schema's own values, lists as lists."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list):
        return [data(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def comparable(name: str, value: Any) -> Any:
    """What equality is judged on: order-free lists as sorted, text without stray space."""
    if isinstance(value, str):
        return "\n".join(line.rstrip() for line in value.strip().splitlines())
    if isinstance(value, list) and name in SET_FIELDS:
        return sorted(item_text(v) for v in value)
    if isinstance(value, list):
        return [item_text(v) for v in value]
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value
