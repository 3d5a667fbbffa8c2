"""The kredsråd does not discuss the development of youth crime once a year.

Since 1 January 2019 the kredsråd must at least once a year discuss the development of
youth crime in the district. The plan shows it by the agenda topic
`ungdomskriminalitet` on the kredsråd. Plans before 2019 are not checked.

Source: lov nr. 1705 af 27. december 2018 (the youth-crime reform; the duty is stated in
Midt- og Vestjyllands Politi's plan for 2020; the section of the act is unconfirmed here).
First plan year: 2019.

Passing::

    bodies:
      - {title: Kredsrådet, kind: kredsråd, level: strategic, agenda: [ungdomskriminalitet]}

Failing::

    bodies:
      - {title: Kredsrådet, kind: kredsråd, level: strategic, agenda: [samarbejdsplan]}
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding

CODE = "SP109"
NAME = "youth-crime-discussion-missing"
SEVERITY = "error"
SOURCE = "lov nr. 1705 af 27. december 2018"
FIRST_YEAR = 2019


def check(ctx: Context) -> Iterator[Finding]:
    for index, body in ctx.kredsraad():
        topics = {item.topic for item in body.agenda or []}
        if "ungdomskriminalitet" not in topics:
            where = ("bodies", index, "agenda") if body.agenda is not None else ("bodies", index)
            yield Finding(
                f"{body.title} does not discuss the development of youth crime once a year",
                where,
                "add 'ungdomskriminalitet' to the kredsråd's agenda",
            )
