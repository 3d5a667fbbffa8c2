"""The links between the pages of a site: a plan's neighbours in time and its other files.

A plan page links to the previous and next plan of its district where the repository
has one, to its meeting calendar and, when one was built, to its PDF (its diff page is
linked by build.render_plan's `diff_href`). Hrefs are relative and name
`index.html`, so the site also works opened from the file system.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class PlanLinks:
    """What the header of a plan page links to."""

    index: str
    previous: Link | None
    next: Link | None
    files: tuple[Link, ...]


def _year_link(year: int, text: str) -> Link:
    return Link(f"../{year}/index.html", f"{text}: {year}")


def plan_links(year: int, years: Iterable[int], calendar: bool, pdf: bool) -> PlanLinks:
    """The links of the plan of `year`, given every year its district has a plan for."""
    earlier = sorted(y for y in set(years) if y < year)
    later = sorted(y for y in set(years) if y > year)
    previous = _year_link(earlier[-1], "Forrige plan") if earlier else None
    following = _year_link(later[0], "Næste plan") if later else None
    files: list[Link] = []
    if calendar:
        files.append(Link("moeder.ics", "Mødekalender (iCalendar)"))
    if pdf:
        files.append(Link("plan.pdf", "Planen som PDF"))
    return PlanLinks("../../index.html", previous, following, tuple(files))
