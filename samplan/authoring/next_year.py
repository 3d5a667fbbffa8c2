"""The edits that turn last year's plan data into a start on next year's.

Each step works on one file's top-level keys as ruamel.yaml read them (so comments,
order and quoting stay) and says what it changed and what the author must now write.
A key the file does not have is left alone: the plan does not say it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap

from samplan.authoring.roundtrip import remove
from samplan.text import danish_date

DECISIONS = {
    "discussed_in_kredsraad": "write discussed_in_kredsraad: the date the kredsråd discussed "
    "the plan for {year}",
    "approved_by_kredsraad": "write approved_by_kredsraad: the date the kredsråd approved "
    "the plan for {year}",
    "published": "write published: where (url) and when the plan for {year} is published",
}


@dataclass
class Rolled:
    """What rolling one file forward changed, and what its author must now write."""

    changes: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)


def as_date(value: Any) -> dt.date | None:
    """A date as the file writes it (a YAML date or an ISO text), or None."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _same_form(old: Any, new: Any) -> Any:
    """`new` written the way `old` was: a plain YAML value, or text with the same quotes."""
    return type(old)(str(new)) if isinstance(old, str) else new


def _in_year(day: dt.date, year: int) -> dt.date:
    """The same day in `year` (29 February becomes the 28th)."""
    if (day.month, day.day) == (2, 29):
        return day.replace(year=year, day=28)
    return day.replace(year=year)


_YEARS = re.compile(r"(?<!\d)(\d{4})(?:(\s*[-–/]\s*)(\d{4}|\d{2}))?(?!\d)")


def shift_years(text: str, old: int, new: int) -> str:
    """`text` with the year `old` as `new`; a span with `old` at either end moves whole
    ('2026-2027' and '2025/26' move by the same number of years)."""

    def shifted(match: re.Match[str]) -> str:
        first, between, end = int(match[1]), match[2], match[3]
        last = int(end) if end and len(end) == 4 else first // 100 * 100 + int(end or 0)
        if end is None or not first < last <= first + 10:  # one year (2026-12-01 is a date)
            return str(new) + match[0][4:] if first == old else match[0]
        if old not in (first, last):
            return match[0]
        moved = str(last + new - old)
        return f"{first + new - old}{between}{moved[-len(end) :]}"

    return _YEARS.sub(shifted, text)


def roll_forward(data: Any, old: int, new: int) -> Rolled:
    """Roll one plan file's data from the plan for `old` to a start on `new`."""
    rolled = Rolled()
    if not isinstance(data, CommentedMap):
        return rolled
    _identity(data, old, new, rolled)
    for key, todo in DECISIONS.items():
        if data.get(key) is not None:
            rolled.changes.append(f"{key}: cleared (the plan for {old} had it)")
            rolled.todo.append(todo.format(year=new))
            data[key] = None
    for part in ("bodies", "fora"):
        for gathering in data.get(part) or []:
            _meeting_dates(gathering, new, rolled)
    if isinstance(data.get("initiatives"), list):
        _initiatives(data["initiatives"], old, rolled)
    return rolled


def _identity(data: CommentedMap, old: int, new: int, rolled: Rolled) -> None:
    if "year" in data:
        data["year"] = _same_form(data["year"], new)
        rolled.changes.append(f"year: {old} → {new}")
    title = data.get("title")
    if isinstance(title, str):
        renamed = shift_years(title, old, new)
        if renamed != title:
            data["title"] = _same_form(title, renamed)
            rolled.changes.append(f"title: {renamed}")
        else:
            rolled.todo.append(f"check the title, it names no year {old}: {title}")
    effective = as_date(data.get("effective_from"))
    if effective is not None:
        moved = _in_year(effective, new)
        data["effective_from"] = _same_form(data["effective_from"], moved)
        rolled.changes.append(f"effective_from: {danish_date(moved)}")


def _meeting_dates(gathering: Any, new: int, rolled: Rolled) -> None:
    """Drop the dated meetings before `new`; the dates of `new` or later are kept."""
    if not isinstance(gathering, CommentedMap) or not gathering.get("meeting_dates"):
        return
    dates = gathering["meeting_dates"]
    title = gathering.get("title", "?")
    old_ones = [i for i, x in enumerate(dates) if _is_before(x, new)]
    for index in reversed(old_ones):
        remove(dates, index)
    if old_ones:
        rolled.changes.append(f"{title}: {len(old_ones)} meeting date(s) before {new} removed")
        rolled.todo.append(f"{title}: write the meeting dates of {new} (meeting_dates)")
    if not dates:
        remove(gathering, "meeting_dates")


def _is_before(meeting: Any, year: int) -> bool:
    when = as_date(meeting.get("date") if isinstance(meeting, dict) else meeting)
    return when is not None and when.year < year


def _initiatives(items: Any, old: int, rolled: Rolled) -> None:
    """Last year's new initiatives continue (since that year); ended ones are dropped."""
    said: list[str] = []
    for index in reversed(range(len(items))):
        item = items[index]
        if not isinstance(item, CommentedMap):
            continue
        title = item.get("title", "?")
        if item.get("status") == "ended":
            remove(items, index)
            said.append(f"initiative {title}: ended in {old}, removed")
        elif item.get("status") == "new":
            item["status"] = _same_form(item["status"], "continued")
            if item.get("since") is None:
                if "since" in item:
                    item["since"] = old
                else:
                    item.insert(list(item.keys()).index("status") + 1, "since", old)
            said.append(f"initiative {title}: new in {old}, now continued since {item['since']}")
    rolled.changes += reversed(said)
    if said and not items:
        rolled.todo.append(f"initiatives: every initiative of {old} ended; write this year's")
