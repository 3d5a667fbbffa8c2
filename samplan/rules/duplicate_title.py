"""The same title twice among entities of one kind.

Two bodies, fora or initiatives with the same title are confusing to read and are
usually a copied entry. Sections and sub-initiatives are compared with their siblings
only: "Baggrund" under each chapter is a plan's way of writing, not a slip. Titles are
compared ignoring case and spacing.

Covers: what the plan states wrongly.

Source: good practice (the published plans are read by the public).
First plan year: 2007.

Passing::

    fora: [{title: SSP}, {title: PSP}]

Failing::

    fora: [{title: SSP}, {title: SSP}]
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.diagnostics import shown
from samplan.locale import t
from samplan.plan_walk import entity_paths
from samplan.rules.base import Context, Finding

CODE = "SP113"
NAME = "duplicate-title"
SEVERITY = "warning"
SOURCE = "good practice"
FIRST_YEAR = 2007
WHOLE_PLAN = False


def check(ctx: Context) -> Iterator[Finding]:
    seen: dict[tuple[str | int, ...], str] = {}
    for kind, path, entity in entity_paths(ctx.plan):
        # siblings share the path up to their index; top-level parts share the kind
        parent = path[:-1] if len(path) > 2 or kind == "sections" else (kind,)
        key = (*parent, " ".join(entity.title.casefold().split()))
        if key in seen:
            yield Finding(
                t("rule.duplicate-title", title=shown(entity.title), kind=kind),
                (*path, "title"),
                t("rule.duplicate-title.help", id=seen[key]),
            )
        else:
            seen[key] = entity.key
