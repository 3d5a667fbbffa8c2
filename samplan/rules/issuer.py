"""The plan does not say that the politidirektør issues it.

The politidirektør prepares the plan every year and publishes it after the kredsråd has
discussed it. The plan should name who issues it (`issued_by`), and that is the
politidirektør (possibly "på Kredsrådets vegne").

Source: retsplejeloven § 113.
First plan year: 2007.

Passing::

    issued_by: {name: Arne Gram, title: Politidirektør}

Failing::

    issued_by: {name: Jens Hansen, title: Chefpolitiinspektør}
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding, is_role

CODE = "SP105"
NAME = "issuer-not-politidirektoer"
SEVERITY = "warning"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007


def check(ctx: Context) -> Iterator[Finding]:
    issuer = ctx.plan.issued_by
    if issuer is None:
        yield Finding(
            "the plan does not say who issues it",
            (),
            "add 'issued_by: {name: ..., title: Politidirektør}'",
        )
    elif not is_role(issuer, "politidirektør"):
        yield Finding(
            "the plan is not issued by the politidirektør",
            ("issued_by",),
            "give the issuer's title: 'title: Politidirektør'",
        )
