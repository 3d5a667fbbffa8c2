"""The kredsråd discussed the plan after it took effect.

The plan is discussed in the kredsråd before it takes effect and is published; a
discussion date after `effective_from` means the plan took effect undiscussed.

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

from collections.abc import Iterator

from samplan.rules.base import Context, Finding
from samplan.text import danish_date

CODE = "SP107"
NAME = "discussed-after-taking-effect"
SEVERITY = "error"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007


def check(ctx: Context) -> Iterator[Finding]:
    discussed, effective = ctx.plan.discussed_in_kredsraad, ctx.plan.effective_from
    if discussed is not None and effective is not None and discussed > effective:
        yield Finding(
            f"the kredsråd discussed the plan on {danish_date(discussed)}, after it took "
            f"effect on {danish_date(effective)}",
            ("discussed_in_kredsraad",),
            "the kredsråd discusses the plan before it takes effect",
        )
