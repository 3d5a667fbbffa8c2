"""The plan does not say where it is published.

The politidirektør publishes the plan (in practice on politi.dk); `published` says
where and when, so that citizens can find it.

Source: retsplejeloven § 113.
First plan year: 2007.

Passing::

    published: {date: 2020-01-02, url: https://politi.dk/fyns-politi}

Failing::

    title: Samarbejdsplan 2020     # and no published
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding

CODE = "SP108"
NAME = "publication-missing"
SEVERITY = "warning"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.plan.published is None:
        yield Finding(
            "the plan does not say where it is published",
            (),
            "add 'published: {date: ..., url: https://politi.dk/...}'",
        )
