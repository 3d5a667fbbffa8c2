"""The kredsråd meets fewer than 4 times a year.

The kredsråd meets at least four times a year. A kredsråd whose meeting frequency
guarantees fewer ("Min. 2", "2-3", "as-needed") is reported; one that states no
frequency is left to `meeting-frequency-missing`.

Source: bekendtgørelse nr. 1426 af 13. december 2006 om kredsråd, § 3 (the statutory
wording is unconfirmed here).
First plan year: 2007.

Passing::

    bodies:
      - {title: Kredsrådet, kind: kredsråd, level: strategic, meetings: {min: 4}}

Failing::

    bodies:
      - {title: Kredsrådet, kind: kredsråd, level: strategic, meetings: {min: 2}}
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding

CODE = "SP103"
NAME = "kredsraad-meets-too-rarely"
SEVERITY = "warning"
SOURCE = "bekendtgørelse nr. 1426 af 13. december 2006, § 3"
FIRST_YEAR = 2007
MINIMUM = 4


def check(ctx: Context) -> Iterator[Finding]:
    for index, body in ctx.kredsraad():
        if body.meetings is None:
            continue
        least = body.meetings.at_least
        if least is None or least < MINIMUM:
            yield Finding(
                f"{body.title} meets {body.meetings.danish().lower()} a year, "
                f"less than the {MINIMUM} meetings a year the kredsråd must hold",
                ("bodies", index, "meetings"),
                f"write 'meetings: {{min: {MINIMUM}}}' and plan the meetings",
            )
