"""A municipality of the district is covered by no lokalråd.

Every municipality should have a lokalråd (alone or shared with neighbours) where the
local police and the municipality work together. The rule lists the district's
municipalities that no body of kind lokalråd or lokalråd+ covers (`municipalities`). A
plan that names no lokalråd with municipalities is not checked (it does not state the
coverage), nor is a plan whose `source` says it is partial. A note: good practice, not
the law.

Covers: good practice on bodies the plan names with content (a note).
Source: the kredsråd's cooperation structure (retsplejeloven § 110-113; bekendtgørelse
om kredsråd); good practice in every seed plan.
First plan year: 2007.

Passing::

    bodies:
      - {title: Lokalråd Odense, kind: lokalråd, level: operative, municipalities: [Odense]}
      # ... and lokalråd covering the district's other municipalities

Failing::

    bodies:
      - {title: Lokalråd Odense, kind: lokalråd, level: operative, municipalities: [Odense]}
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding
from samplan.text import join_danish

CODE = "SP110"
NAME = "municipality-without-lokalraad"
SEVERITY = "note"
SOURCE = "retsplejeloven §§ 110-113 (the cooperation structure)"
FIRST_YEAR = 2007
WHOLE_PLAN = True


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.district is None:
        return
    kinds = ("lokalråd", "lokalråd+")
    councils = [(i, b) for i, b in enumerate(ctx.plan.bodies or []) if b.kind in kinds]
    stated = [(i, b) for i, b in councils if b.municipalities]
    if not stated:
        return
    covered = {ctx.registry.resolve(n) for _, b in stated for n in b.municipalities or []}
    missing = [m.short for m in ctx.district.municipalities if m not in covered]
    if missing:
        yield Finding(
            f"no lokalråd covers {join_danish(missing)}",
            ("bodies", stated[0][0], "municipalities"),
            "add the municipalities to a lokalråd, or a lokalråd of their own",
        )
