"""The kredsråd's stated members lack the politidirektør or the mayor of a municipality.

The kredsråd consists of the politidirektør and the mayor (borgmester) of every
municipality of the police district. When the plan lists the kredsråd's members, each
missing mayor is named. A member with a municipality stands for it when titled
borgmester (or named without a title); a member titled "borgmestrene" (the mayors)
without a municipality stands for all of them. A kredsråd whose members the plan does not list
(known only by its heading, or described in prose) is not judged, and neither is a plan
that names no kredsråd: what the plan leaves out is not a defect of what it says.

Covers: what the plan states wrongly (a stated member list that contradicts the law).
Source: retsplejeloven § 111, stk. 2.
First plan year: 2007.

Passing::

    bodies:
      - title: Kredsrådet
        kind: kredsråd
        members:
          - politidirektør
          - {title: borgmester, municipality: Odense}
          # ... one mayor for each municipality of the district
      - {title: Kredsrådet, kind: kredsråd}      # members not stated: not judged

Failing::

    bodies:
      - title: Kredsrådet
        kind: kredsråd
        members: [politidirektør, {title: borgmester, municipality: Odense}]
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding, is_role
from samplan.text import join_danish

CODE = "SP101"
NAME = "kredsraad-member-missing"
SEVERITY = "error"
SOURCE = "retsplejeloven § 111, stk. 2"
FIRST_YEAR = 2007
WHOLE_PLAN = False


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.district is None:
        return
    for index, body in ctx.kredsraad():
        if body.members is None:
            continue
        where = ("bodies", index, "members")
        members = body.members
        if not any(is_role(m, "politidirektør") for m in members):
            yield Finding(
                f"the politidirektør is not a member of {body.title}",
                where,
                "add '- politidirektør' to the members",
            )
        if any(is_role(m, "borgmestrene") and not m.municipality for m in members):
            continue
        mayors = [
            ctx.registry.resolve(m.municipality)
            for m in members
            if m.municipality and (is_role(m, "borgmester") or m.title is None)
        ]
        missing = [m.short for m in ctx.district.municipalities if m not in mayors]
        if missing:
            yield Finding(
                f"{body.title} lacks the mayor of {join_danish(missing)}",
                where,
                f"add {{title: borgmester, municipality: {missing[0]}}} for each",
            )
