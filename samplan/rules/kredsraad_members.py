"""The kredsråd lacks the politidirektør or the mayor of a municipality of the district.

The kredsråd consists of the politidirektør and the mayor (borgmester) of every
municipality of the police district. Each missing mayor is named; a mayor of a
municipality outside the district is reported too. A member titled "borgmestrene"
(the mayors) without a municipality stands for all of them. A plan that does not state
its bodies at all (a partial plan) is not checked.

Source: retsplejeloven § 111, stk. 2.
First plan year: 2007.

Passing::

    bodies:
      - title: Kredsrådet
        kind: kredsråd
        level: strategic
        members:
          - politidirektør
          - {title: borgmester, municipality: Odense}
          # ... one mayor for each municipality of the district

Failing::

    bodies:
      - title: Kredsrådet
        kind: kredsråd
        level: strategic
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


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.plan.bodies is None or ctx.district is None:
        return
    councils = list(ctx.kredsraad())
    if not councils:
        yield Finding(
            "the plan names no kredsråd among its bodies",
            ("bodies",),
            "add the kredsråd: kind: kredsråd, level: strategic",
            at_key=True,
        )
    for index, body in councils:
        where = ("bodies", index, "members") if body.members is not None else ("bodies", index)
        members = body.members or []
        if not any(is_role(m, "politidirektør") for m in members):
            yield Finding(
                f"the politidirektør is not a member of {body.title}",
                where,
                "add '- politidirektør' to the members",
            )
        if any(is_role(m, "borgmestrene") and not m.municipality for m in members):
            continue
        mayors = {}
        for m_index, member in enumerate(members):
            if is_role(member, "borgmester") and member.municipality:
                mayors[m_index] = ctx.registry.resolve(member.municipality)
        missing = [m.short for m in ctx.district.municipalities if m not in mayors.values()]
        if missing:
            yield Finding(
                f"{body.title} lacks the mayor of {join_danish(missing)}",
                where,
                f"add {{title: borgmester, municipality: {missing[0]}}} for each",
            )
