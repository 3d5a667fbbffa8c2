"""A meeting date outside the plan's year.

The meeting dates of a plan are the dates of its year; a date of another year is a
typing error or belongs in another year's plan. Only stated dates are judged.

Covers: what the plan states wrongly.

Source: retsplejeloven § 113 (the plan is made for one year at a time).
First plan year: 2007.

Passing::

    year: 2007
    bodies:
      - {title: Lokalråd, kind: lokalråd, level: operative, meeting_dates: [2007-10-26]}

Failing::

    year: 2007
    bodies:
      - {title: Lokalråd, kind: lokalråd, level: operative, meeting_dates: [2008-10-26]}
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding
from samplan.text import danish_date

CODE = "SP112"
NAME = "meeting-date-outside-plan-year"
SEVERITY = "warning"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007
WHOLE_PLAN = False


def check(ctx: Context) -> Iterator[Finding]:
    year = ctx.plan.year
    for part in ("bodies", "fora"):
        for i, gathering in enumerate(getattr(ctx.plan, part) or []):
            for j, meeting in enumerate(gathering.meeting_dates or []):
                if meeting.date.year != year:
                    yield Finding(
                        f"{gathering.title} meets on {danish_date(meeting.date)}, "
                        f"outside the plan's year {year}",
                        (part, i, "meeting_dates", j),
                        f"check the year of the date, or move it to the plan for "
                        f"{meeting.date.year}",
                    )
