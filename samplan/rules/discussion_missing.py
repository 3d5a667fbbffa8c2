"""The plan does not say when the kredsråd discussed it.

The plan is published after it has been discussed in the kredsråd; the date of that
discussion (`discussed_in_kredsraad`) documents the duty.

Source: retsplejeloven § 113.
First plan year: 2007.

Passing::

    discussed_in_kredsraad: 2010-12-20

Failing::

    effective_from: 2011-01-01     # and no discussed_in_kredsraad
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding

CODE = "SP106"
NAME = "kredsraad-discussion-missing"
SEVERITY = "warning"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.plan.discussed_in_kredsraad is None:
        yield Finding(
            "the plan does not say when the kredsråd discussed it",
            (),
            "add 'discussed_in_kredsraad: YYYY-MM-DD'",
        )
