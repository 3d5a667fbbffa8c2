"""A municipality that is not in the plan's police district.

Every municipality a plan names (the plan's own list of municipalities it covers,
members, chairs, municipalities covered, meeting dates, initiatives) must be one of the
district's municipalities in the registry, by short name, alias or official name. A
misspelt name gets the closest names as suggestions; a real municipality of another
district is named as such. Only what the plan names is judged; `parties` (the other
parties a plan covers) are not municipalities and are not checked.

Covers: what the plan states wrongly.

Source: retsplejeloven § 111 (the kredsråd covers the municipalities of the district);
the registry of districts shipped with samplan.
First plan year: 2007.

Passing::

    municipalities: [Herning, Holstebro, Ikast-Brande]
    bodies:
      - {title: Lokalråd Herning, kind: lokalråd, level: operative, municipalities: [Herning]}

Failing::

    bodies:
      - {title: Lokalråd, kind: lokalråd, level: operative, municipalities: [Ikast-Brandø]}
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.diagnostics import shown
from samplan.locale import t
from samplan.model import Gathering, Plan
from samplan.plan_walk import walk_initiatives
from samplan.rules.base import Context, Finding
from samplan.validation_errors import DataPath

CODE = "SP104"
NAME = "unknown-municipality"
SEVERITY = "error"
SOURCE = "retsplejeloven § 111; the registry of police districts"
FIRST_YEAR = 2007
WHOLE_PLAN = False


def named_municipalities(plan: Plan) -> Iterator[tuple[DataPath, str]]:
    """(path, name) of every municipality the plan names, in document order."""
    for j, name in enumerate(plan.municipalities or []):
        yield ("municipalities", j), name
    for part in ("bodies", "fora"):
        gatherings: list[Gathering] = list(getattr(plan, part) or [])
        for i, g in enumerate(gatherings):
            for j, name in enumerate(g.municipalities or []):
                yield (part, i, "municipalities", j), name
            for role in ("chair", "vice_chair"):
                person = getattr(g, role)
                if person is not None and person.municipality:
                    yield (part, i, role, "municipality"), person.municipality
            for j, person in enumerate(g.people):
                if person.municipality:
                    yield (part, i, g.PEOPLE_KEY, j, "municipality"), person.municipality
            for j, meeting in enumerate(g.meeting_dates or []):
                if meeting.municipality:
                    yield (part, i, "meeting_dates", j, "municipality"), meeting.municipality
    for initiative, path in walk_initiatives(plan.initiatives or []):
        for j, name in enumerate(initiative.municipalities or []):
            yield (*path, "municipalities", j), name


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.district is None:
        return
    for path, name in named_municipalities(ctx.plan):
        found = ctx.registry.resolve(name)
        if found is not None and found.district == ctx.district.id:
            continue
        if found is not None:
            other = ctx.registry.districts[found.district].name
            yield Finding(
                t(
                    "rule.unknown-municipality.other-district",
                    name=shown(name),
                    district=ctx.district.name,
                    other=other,
                ),
                path,
                t("rule.unknown-municipality.other-district.help"),
            )
            continue
        near = ctx.registry.suggest(name, within=ctx.district.id)
        hint = (
            t("did-you-mean", word=near[0])
            if near
            else t(
                "rule.unknown-municipality.help",
                names=", ".join(ctx.district.short_names),
            )
        )
        message = t("rule.unknown-municipality", name=shown(name), district=ctx.district.id)
        yield Finding(message, path, hint)
