"""The kredsråd discussed the plan after it took effect.

The plan is discussed in the kredsråd before it takes effect and is published; a stated
discussion (or approval) date after `effective_from` means the plan took effect
undiscussed. A discussion stated without a date, or a plan with no `effective_from`, is
not judged.

Covers: what the plan states wrongly.
Source: retsplejeloven § 113.
First plan year: 2007.

Passing::

    discussed_in_kredsraad: 2010-12-20
    effective_from: 2011-01-01

Failing::

    discussed_in_kredsraad: 2011-02-01
    effective_from: 2011-01-01
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from samplan.rules.base import Context, Finding
from samplan.text import danish_date

CODE = "SP107"
NAME = "discussed-after-taking-effect"
SEVERITY = "error"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007
WHOLE_PLAN = False


def check(ctx: Context) -> Iterator[Finding]:
    effective = ctx.plan.effective_from
    for key, verb in (
        ("discussed_in_kredsraad", "discussed"),
        ("approved_by_kredsraad", "approved"),
    ):
        when = getattr(ctx.plan, key)
        if isinstance(when, dt.date) and effective is not None and when > effective:
            yield Finding(
                f"the kredsråd {verb} the plan on {danish_date(when)}, after it took "
                f"effect on {danish_date(effective)}",
                (key,),
                "the kredsråd discusses the plan before it takes effect",
            )
