"""The kredsråd's stated agenda lacks the yearly discussion of youth crime.

Since 1 January 2019 the kredsråd must at least once a year discuss the development of
youth crime in the district. The plan shows it by the agenda topic
`ungdomskriminalitet` on the kredsråd. Only a kredsråd whose recurring agenda the plan
states (`agenda`) is judged; one without an agenda is not, nor one whose description
speaks of youth crime (the plan says it there; tag the agenda to make it visible). Plans
before 2019 are not checked, nor is a plan whose `source` says it is partial (the agenda
may be cut short).

Covers: what the plan states wrongly.

Source: lov nr. 1705 af 27. december 2018 (the youth-crime reform; the duty is stated in
Midt- og Vestjyllands Politi's plan for 2020; the section of the act is unconfirmed here).
First plan year: 2019.

Passing::

    bodies:
      - {title: Kredsrådet, kind: kredsråd, level: strategic, agenda: [ungdomskriminalitet]}
      - {title: Kredsrådet, kind: kredsråd}       # no agenda stated: not judged

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
WHOLE_PLAN = True


def check(ctx: Context) -> Iterator[Finding]:
    for index, body in ctx.kredsraad():
        if body.agenda is None or "ungdomskriminalitet" in (body.description or "").casefold():
            continue
        if "ungdomskriminalitet" not in {item.topic for item in body.agenda}:
            yield Finding(
                f"{body.title} does not discuss the development of youth crime once a year",
                ("bodies", index, "agenda"),
                "add 'ungdomskriminalitet' to the kredsråd's agenda",
            )
