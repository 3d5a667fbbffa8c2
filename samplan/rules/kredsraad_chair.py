"""The kredsråd's stated chair is not the politidirektør.

The politidirektør is the chair (formand) of the kredsråd. The rule fires when the plan
names a chair of the kredsråd whose title (or municipality) shows that it is not the
politidirektør. A kredsråd whose chair the plan does not state is not judged (the plan
need not say who chairs it), nor a chair named without a title.

Covers: what the plan states wrongly.

Source: bekendtgørelse nr. 1426 af 13. december 2006 om kredsråd, § 2 (the statutory
wording is unconfirmed here; the seeds state "Politidirektøren er formand i Kredsrådet").
First plan year: 2007.

Passing::

    bodies:
      - {title: Kredsrådet, kind: kredsråd, level: strategic, chair: politidirektør}
      - {title: Kredsrådet, kind: kredsråd}       # no chair stated: not judged

Failing::

    bodies:
      - {title: Kredsrådet, kind: kredsråd, level: strategic,
         chair: {title: borgmester, municipality: Odense}}
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.rules.base import Context, Finding, is_role

CODE = "SP102"
NAME = "kredsraad-chair-not-politidirektoer"
SEVERITY = "error"
SOURCE = "bekendtgørelse nr. 1426 af 13. december 2006, § 2"
FIRST_YEAR = 2007
WHOLE_PLAN = False


def check(ctx: Context) -> Iterator[Finding]:
    for index, body in ctx.kredsraad():
        chair = body.chair
        said = chair is not None and (chair.title or chair.municipality)
        if chair is not None and said and not is_role(chair, "politidirektør"):
            yield Finding(
                f"{body.title} is chaired by someone other than the politidirektør",
                ("bodies", index, "chair"),
                "the politidirektør chairs the kredsråd",
            )
