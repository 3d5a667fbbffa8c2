"""An initiative's status disagrees with last year's plan.

When the district's plan for an earlier year is in the repository, an initiative marked
`continued` must stand in it, and one marked `new` must not. Initiatives are matched
across years exactly as `samplan diff` matches them (samplan.diff.matching): by id, and an
initiative whose id changed but whose content is nearly the same counts as the same
initiative, renamed. Only a stated `status` is judged. When the earlier plan is partial
(its `source` is an excerpt, a summary or a news item), an initiative missing from it may
simply have been left out, so only `new` is judged against it.

Covers: what the plan states wrongly.

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

from samplan.diagnostics import shown
from samplan.locale import t
from samplan.rules.base import Context, Finding, is_partial

CODE = "SP115"
NAME = "status-inconsistent-with-earlier-plan"
SEVERITY = "warning"
SOURCE = "good practice; retsplejeloven § 113"
FIRST_YEAR = 2007
WHOLE_PLAN = False


def check(ctx: Context) -> Iterator[Finding]:
    previous = ctx.previous
    if previous is None or previous.initiatives is None:
        return
    from samplan.diff.matching import entity_key, match, signature, title  # only with a year

    now = ctx.plan.initiatives or []
    matching = match(previous.initiatives, now, key=entity_key, signature=signature, label=title)
    added = {id(item) for item in matching.added}
    year = previous.year
    for index, item in enumerate(now):
        path = ("initiatives", index, "status")
        if item.status == "continued" and id(item) in added and not is_partial(previous):
            yield Finding(
                t(
                    "rule.status-inconsistent-with-earlier-plan.continued",
                    title=shown(item.title),
                    year=year,
                ),
                path,
                t("rule.status-inconsistent-with-earlier-plan.continued.help"),
            )
        elif item.status == "new" and id(item) not in added:
            yield Finding(
                t(
                    "rule.status-inconsistent-with-earlier-plan.new",
                    title=shown(item.title),
                    year=year,
                ),
                path,
                t("rule.status-inconsistent-with-earlier-plan.new.help"),
            )
