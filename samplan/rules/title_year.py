"""The plan's title names another year than the plan's own.

A plan is made for one year, and its title says which ("Samarbejdsplan 2020"). A title
or subtitle that names years, none of them the plan's year, is nearly always last year's
title copied into this year's plan. Only the plan's own title and subtitle are judged:
chapters and prose rightly speak of other years ("Kredsrådet har i 2019 afholdt fem
møder"), and a title that names no year is not judged.

Covers: what the plan states wrongly.
Source: retsplejeloven § 113 (the plan is made for one year at a time).
First plan year: 2007.

Passing::

    year: 2020
    title: Samarbejdsplan 2020

Failing::

    year: 2020
    title: Samarbejdsplan 2019
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from samplan.rules.base import Context, Finding

CODE = "SP120"
NAME = "title-names-another-year"
SEVERITY = "warning"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007
WHOLE_PLAN = False

_YEAR = re.compile(r"(?<![\d.,/-])(19[5-9]\d|20\d\d)(?![\d.,/-]\d)")


def check(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    for key, text in (("title", plan.title), ("subtitle", plan.subtitle or "")):
        found = list(_YEAR.finditer(text))
        if found and all(int(m.group()) != plan.year for m in found):
            yield Finding(
                f"the {key} names {found[0].group()}, not the plan's year {plan.year}",
                (key,),
                f"write {plan.year}, or move the plan to the folder of its year",
                offset=found[0].start(),
            )
