"""A fact that belongs to another plan year: what a copied plan leaves behind.

A plan started by copying last year's folder keeps last year's facts until someone
changes them. The rule reports:

* a `title` or `subtitle` that names a year, but not the plan's own year
  ("Samarbejdsplan 2025" in the plan for 2026; a title naming no year, or a span that
  includes the plan's year, is fine);
* a section heading that names the year of the district's previous plan in the
  repository and stands unchanged in that plan ("Indsatser i 2025", copied), or that
  names "samarbejdsplan" with another year;
* `effective_from` outside the plan's year;
* a kredsråd discussion or approval (`discussed_in_kredsraad`, `approved_by_kredsraad`)
  or a publication date (`published.date`) outside the plan's year and the year before,
  or the same date as in the previous plan.

A key the plan leaves out is not judged: the plan does not say. `samplan new YEAR` makes
these changes itself; the rule catches a `cp -r` and what was missed.

Covers: what the plan states wrongly.

Source: retsplejeloven § 113 (a plan for each year, discussed in the kredsråd and
published).
First plan year: 2007.

Passing::

    year: 2026
    title: Samarbejdsplan 2026
    discussed_in_kredsraad: 2025-12-08
    effective_from: 2026-01-01

Failing::

    year: 2026
    title: Samarbejdsplan 2025
    discussed_in_kredsraad: 2024-12-09
    effective_from: 2025-01-01
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from samplan.diagnostics import shown
from samplan.locale import N_, date_text, t
from samplan.model import Plan
from samplan.plan_facts import Published, stated_date
from samplan.plan_walk import walk_sections
from samplan.rules.base import Context, Finding

CODE = "SP120"
NAME = "fact-of-another-plan-year"
SEVERITY = "warning"
SOURCE = "retsplejeloven § 113"
FIRST_YEAR = 2007
WHOLE_PLAN = False  # judges only the facts a plan states, so a partial plan too

_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d|21\d\d)(?:\s*[-–/]\s*(\d{2,4}))?(?!\d)")


_TITLES = (
    (
        "title",
        N_("rule.fact-of-another-plan-year.title"),
        N_("rule.fact-of-another-plan-year.title.help"),
    ),
    (
        "subtitle",
        N_("rule.fact-of-another-plan-year.subtitle"),
        N_("rule.fact-of-another-plan-year.subtitle.help"),
    ),
)


def years_named(text: str) -> set[int]:
    """The years a text names; a span '2025-2026' or '2025/26' names both ends and between."""
    found: set[int] = set()
    for match in _YEAR.finditer(text):
        first = int(match.group(1))
        end = match.group(2)
        last = first
        if end is not None:
            last = int(end) if len(end) == 4 else first // 100 * 100 + int(end[-2:])
        found.update(range(first, last + 1) if first <= last <= first + 10 else [first])
    return found


def check(ctx: Context) -> Iterator[Finding]:
    plan, year = ctx.plan, ctx.plan.year
    for key, message, help in _TITLES:
        named = years_named(getattr(plan, key) or "")
        if named and year not in named:
            yield Finding(t(message, years=_list(named), year=year), (key,), t(help, year=year))
    yield from _headings(plan, ctx.previous)
    effective = plan.effective_from
    if effective is not None and effective.year != year:
        yield Finding(
            t("rule.fact-of-another-plan-year.effect", year=year, date=date_text(effective)),
            ("effective_from",),
            t("rule.fact-of-another-plan-year.effect.help", year=year),
        )
    for key in _WHAT:  # only a stated date is judged: `yes` or no date says nothing here
        fact = getattr(plan, key)
        path = (key, "date") if isinstance(fact, Published) else (key,)
        before = stated_date(getattr(ctx.previous, key, None))
        yield from _dated(stated_date(fact), before, year, path)


def _headings(plan: Plan, previous: Plan | None) -> Iterator[Finding]:
    earlier = {}
    if previous is not None:
        earlier = {s.key: s.title for s, _ in walk_sections(previous.sections or [])}
    for section, path in walk_sections(plan.sections or []):
        named = years_named(section.title)
        if not named or plan.year in named:
            continue
        copied = previous is not None and previous.year in named
        copied = copied and earlier.get(section.key) == section.title
        if copied or "samarbejdsplan" in section.title.casefold():
            yield Finding(
                t(
                    "rule.fact-of-another-plan-year.heading",
                    heading=shown(section.title),
                    years=_list(named),
                    year=plan.year,
                ),
                (*path, "title"),
                t("rule.fact-of-another-plan-year.heading.help"),
            )


def _dated(
    when: dt.date | None, before: dt.date | None, year: int, path: tuple[str, ...]
) -> Iterator[Finding]:
    """A discussion or publication date that cannot belong to the plan for `year`."""
    if when is None:
        return
    what = t(_WHAT[path[0]])
    help = t("rule.fact-of-another-plan-year.date.help", what=what, year=year)
    day = date_text(when)
    if not year - 1 <= when.year <= year:
        yield Finding(
            t("rule.fact-of-another-plan-year.date", what=what, date=day, year=year), path, help
        )
    elif when == before:
        yield Finding(
            t("rule.fact-of-another-plan-year.date-of-previous-plan", what=what, date=day),
            path,
            help,
        )


_WHAT = {
    "discussed_in_kredsraad": N_("rule.fact-of-another-plan-year.discussion"),
    "approved_by_kredsraad": N_("rule.fact-of-another-plan-year.approval"),
    "published": N_("rule.fact-of-another-plan-year.publication"),
}


def _list(years: set[int]) -> str:
    return ", ".join(str(y) for y in sorted(years))
