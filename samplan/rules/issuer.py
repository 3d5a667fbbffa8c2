"""The plan does not say who issues it, or names an issuer other than the politidirektør.

The politidirektør prepares the plan every year and publishes it after the kredsråd has
discussed it, so the plan names who issues it (`issued_by`): the politidirektør
(possibly "på Kredsrådets vegne"), or the police district or its kredsråd as an
organisation (`issued_by: {organisation: Fyns Politi}`). A plan that names no issuer gets
a warning, since § 113 asks the plan itself to say it, except when its `source` says it is
partial (not judged). An issuer named without a title (just a name) is not judged.

Covers: what § 113 requires the plan itself to state (the issuer), and what the plan
states wrongly (an issuer with another title, or another organisation).
Source: retsplejeloven § 113.
First plan year: 2007.

Passing::

    issued_by: {name: Arne Gram, title: Politidirektør}
    issued_by: {organisation: Fyns Politi}
    issued_by: {name: Jens Kaasgaard, on_behalf_of: På Kredsrådets vegne}

Failing::

    issued_by: {name: Jens Hansen, title: Chefpolitiinspektør}
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.model import Person
from samplan.rules.base import Context, Finding, NotJudged, is_role, missing_part

CODE = "SP105"
NAME = "issuer-not-politidirektoer"
SEVERITY = "warning"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007
WHOLE_PLAN = False  # a partial plan is judged on what it states, not on what it omits


def _is_the_district(ctx: Context, name: str) -> bool:
    """'Fyns Politi', 'Kredsrådet i Fyns Politi', 'Politikredsen'."""
    folded = name.casefold()
    own = ctx.district.name.casefold() if ctx.district else "\0"
    return "kredsråd" in folded or "politikreds" in folded or own in folded


def _acceptable(ctx: Context, issuer: Person) -> bool | None:
    """Whether the issuer may issue the plan; None when the plan does not say enough."""
    if issuer.title is not None:
        if is_role(issuer, "politidirektør"):
            return True
        # a title without a name may be an organisation written short: `issued_by: Fyns Politi`
        return issuer.name is None and _is_the_district(ctx, issuer.title)
    if issuer.organisation is not None:
        return _is_the_district(ctx, issuer.organisation)
    return None


def check(ctx: Context) -> Iterator[Finding | NotJudged]:
    issuer = ctx.plan.issued_by
    if issuer is None:
        yield missing_part(
            ctx,
            Finding(
                "the plan does not say who issues it",
                (),
                "add 'issued_by: {name: ..., title: Politidirektør}' (or {organisation: ...})",
            ),
        )
    elif _acceptable(ctx, issuer) is False:
        yield Finding(
            "the plan is not issued by the politidirektør",
            ("issued_by",),
            "give the issuer's title: 'title: Politidirektør'",
        )
