"""The plan does not say that the kredsråd discussed it.

The plan is published after it has been discussed in the kredsråd, and the plan itself
says so: `discussed_in_kredsraad` (drøftet) or `approved_by_kredsraad` (godkendt), each
with its date (`2019-12-10`) or without one (`yes`: "efter drøftelse i kredsrådet",
"godkendt af kredsrådet"). A plan that says neither gets a warning, except when its
`source` says it is partial (not judged); `no` says the kredsråd did not discuss it.

Covers: what § 113 requires the plan itself to state (the kredsråd's discussion).
Source: retsplejeloven § 113.
First plan year: 2007.

Passing::

    discussed_in_kredsraad: 2010-12-20
    approved_by_kredsraad: yes          # "godkendt af kredsrådet", no date given

Failing::

    effective_from: 2011-01-01     # and neither discussed_in_kredsraad nor approved_by_kredsraad
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.plan_facts import is_stated
from samplan.rules.base import Context, Finding, NotJudged, missing_part

CODE = "SP106"
NAME = "kredsraad-discussion-missing"
SEVERITY = "warning"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007
WHOLE_PLAN = False  # a partial plan is judged on what it states, not on what it omits


def check(ctx: Context) -> Iterator[Finding | NotJudged]:
    plan = ctx.plan
    if is_stated(plan.discussed_in_kredsraad) or is_stated(plan.approved_by_kredsraad):
        return
    if plan.discussed_in_kredsraad is False or plan.approved_by_kredsraad is False:
        key = (
            "discussed_in_kredsraad"
            if plan.discussed_in_kredsraad is False
            else "approved_by_kredsraad"
        )
        yield Finding(
            "the plan says the kredsråd has not discussed it",
            (key,),
            "the kredsråd discusses the plan before it is published",
        )
        return
    yield missing_part(
        ctx,
        Finding(
            "the plan does not say that the kredsråd discussed it",
            (),
            "add 'discussed_in_kredsraad: YYYY-MM-DD' (or 'yes' when the plan gives no date)",
        ),
    )
