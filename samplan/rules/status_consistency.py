"""An initiative's status disagrees with last year's plan.

When the district's plan for an earlier year is in the repository, an initiative marked
`continued` must stand in it (same id), and one marked `new` must not. Entities are
matched across years by id, as `samplan diff` matches them.

Source: good practice (retsplejeloven § 113: a plan for each year; readers compare them).
First plan year: 2007.

Passing::

    # 2010: initiatives: [{id: ungesamraad, title: Ungesamråd}]
    initiatives: [{id: ungesamraad, title: Ungesamråd, status: continued}]

Failing::

    # 2010: initiatives: [{id: ungesamraad, title: Ungesamråd}]
    initiatives: [{id: ungesamraad, title: Ungesamråd, status: new}]
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding

CODE = "SP115"
NAME = "status-inconsistent-with-earlier-plan"
SEVERITY = "warning"
SOURCE = "good practice; retsplejeloven § 113"
FIRST_YEAR = 2007


def check(ctx: Context) -> Iterator[Finding]:
    previous = ctx.previous
    if previous is None or previous.initiatives is None:
        return
    before = {i.key for i in previous.initiatives}
    year = previous.year
    for index, item in enumerate(ctx.plan.initiatives or []):
        path = ("initiatives", index, "status")
        if item.status == "continued" and item.key not in before:
            yield Finding(
                f"'{item.title}' is marked continued but is not in the plan for {year}",
                path,
                "mark it new, or give it the id it had last year",
            )
        elif item.status == "new" and item.key in before:
            yield Finding(
                f"'{item.title}' is marked new but stands in the plan for {year}",
                path,
                "mark it continued",
            )
