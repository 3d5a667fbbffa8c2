"""A body the plan describes states no meeting frequency.

Readers of the plan want to know how often the kredsråd, the lokalråd and the other
bodies of the organisation meet. A body the plan describes with content (a description,
members, a chair, municipalities, an agenda or meeting dates) but without `meetings` gets
a note. A body known only by its heading gets nothing, nor do staff functions,
secretariats and beredskabsstabe, fora (plans often list them as a table of topics), or
a plan whose `source` says it is partial.

Covers: good practice on bodies the plan names with content (a note).
Source: retsplejeloven § 113 (the plan describes how the cooperation is carried out).
First plan year: 2007.

Passing::

    bodies:
      - {title: Lokalrådet, kind: lokalråd, members: [politikredsen], meetings: {min: 4}}
      - {title: Lokalrådet i Odense, kind: lokalråd}    # known by its heading only

Failing::

    bodies:
      - {title: Lokalrådet, kind: lokalråd, members: [politikredsen]}
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding, has_content

CODE = "SP111"
NAME = "meeting-frequency-missing"
SEVERITY = "note"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007
WHOLE_PLAN = True
NOT_MEETING = ("sekretariat", "beredskabsstab")


def check(ctx: Context) -> Iterator[Finding]:
    for index, body in enumerate(ctx.plan.bodies or []):
        if body.meetings is not None or body.level == "staff" or body.kind in NOT_MEETING:
            continue
        if has_content(body):
            yield Finding(
                f"{body.title} states no meeting frequency",
                ("bodies", index),
                "add 'meetings: N' (or {min: N}, or ad-hoc)",
            )
