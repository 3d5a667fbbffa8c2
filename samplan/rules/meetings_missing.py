"""A body or forum states no meeting frequency.

Readers of the plan want to know how often each body and forum meets; a body or forum
without `meetings` leaves it out. Staff functions and secretariats are not checked.

Source: retsplejeloven § 113 (the plan describes how the cooperation is carried out).
First plan year: 2007.

Passing::

    fora:
      - {title: SSP, meetings: {min: 4}}

Failing::

    fora:
      - {title: SSP}
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding

CODE = "SP111"
NAME = "meeting-frequency-missing"
SEVERITY = "warning"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007


def check(ctx: Context) -> Iterator[Finding]:
    for index, body in enumerate(ctx.plan.bodies or []):
        if body.meetings is None and body.level != "staff" and body.kind != "sekretariat":
            yield Finding(
                f"{body.title} states no meeting frequency",
                ("bodies", index),
                "add 'meetings: N' (or {min: N}, or ad-hoc)",
            )
    for index, forum in enumerate(ctx.plan.fora or []):
        if forum.meetings is None:
            yield Finding(
                f"{forum.title} states no meeting frequency",
                ("fora", index),
                "add 'meetings: N' (or {min: N}, or ad-hoc)",
            )
