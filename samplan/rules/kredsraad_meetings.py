"""The kredsråd's stated meeting frequency is fewer than 4 meetings a year.

The kredsråd meets at least four times a year. A kredsråd whose stated meeting frequency
commits to fewer ("Min. 2", "2-3", "Max. 3", "efter behov") is reported. One that states
no frequency is not judged here, and an upper bound alone of 4 or more ("Max. 6") does
not contradict the law.

Covers: what the plan states wrongly.

Source: bekendtgørelse nr. 1426 af 13. december 2006 om kredsråd, § 3 (the statutory
wording is unconfirmed here).
First plan year: 2007.

Passing::

    bodies:
      - {title: Kredsrådet, kind: kredsråd, level: strategic, meetings: {min: 4}}
      - {title: Kredsrådet, kind: kredsråd}       # no frequency stated: not judged

Failing::

    bodies:
      - {title: Kredsrådet, kind: kredsråd, level: strategic, meetings: {min: 2}}
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding

CODE = "SP103"
NAME = "kredsraad-meets-too-rarely"
SEVERITY = "error"
SOURCE = "bekendtgørelse nr. 1426 af 13. december 2006, § 3"
FIRST_YEAR = 2007
WHOLE_PLAN = False
MINIMUM = 4


def check(ctx: Context) -> Iterator[Finding]:
    for index, body in ctx.kredsraad():
        if body.meetings is None:
            continue
        least, most = body.meetings.at_least, body.meetings.max
        only_upper_bound = least is None and most is not None and most >= MINIMUM
        if (least is None or least < MINIMUM) and not only_upper_bound:
            yield Finding(
                f"{body.title} meets {body.meetings.danish().lower()} a year, "
                f"less than the {MINIMUM} meetings a year the kredsråd must hold",
                ("bodies", index, "meetings"),
                f"write 'meetings: {{min: {MINIMUM}}}' and plan the meetings",
            )
