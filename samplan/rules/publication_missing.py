"""The plan does not say that it is published.

The politidirektør publishes the plan (in practice on politi.dk), and the plan says so:
`published` with its date, place or address, or `published: yes` when the plan states it
without them. An empty `published: {}` says nothing and counts as absent. A plan that
does not say it is published gets a warning, except when its `source` says it is partial
(not judged).

Covers: what § 113 requires the plan itself to state (its publication).
Source: retsplejeloven § 113.
First plan year: 2007.

Passing::

    published: {date: 2020-01-02, url: https://politi.dk/fyns-politi}
    published: yes                    # "planen offentliggøres", no place given

Failing::

    published: {}                     # or no published at all
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.plan_facts import publication_stated
from samplan.rules.base import Context, Finding, NotJudged, missing_part

CODE = "SP108"
NAME = "publication-missing"
SEVERITY = "warning"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007
WHOLE_PLAN = False  # a partial plan is judged on what it states, not on what it omits


def check(ctx: Context) -> Iterator[Finding | NotJudged]:
    published = ctx.plan.published
    if publication_stated(published):
        return
    if published is False:
        yield Finding(
            "the plan says it is not published",
            ("published",),
            "the politidirektør publishes the plan",
        )
        return
    yield missing_part(
        ctx,
        Finding(
            "the plan does not say that it is published",
            ("published",) if published is not None else (),
            "add 'published: {date: ..., url: https://politi.dk/...}' (or 'yes')",
        ),
    )
