"""The organisation chart: a plan's bodies by level, laid out by the page in HTML and CSS.

One band per level (strategisk, taktisk, operativt niveau, then the staff functions),
each holding its bodies as boxes with who chairs them; a line ties each band to the
next. The chart is a list of lists, so it reads the same to a screen reader as on the
screen, takes the width of the column it stands in, and wraps every title inside its
box: long Danish compounds ("Kriminalitetsforebyggelsessekretariatet") get soft hyphens
(samplan.render.hyphens), so that a word breaks at a syllable with
a hyphen rather than being cut off at the box edge. Bodies whose level the plan does not
state stand in a band of their own, "Øvrige organer", and no level is invented for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from samplan.model import Body, Plan
from samplan.render import labels
from samplan.render.hyphens import hyphenated

LEVELS = ("strategic", "tactical", "operative", "staff")
BAND_LABEL = {**labels.LEVEL, "staff": "Stabsfunktioner"}
UNSTATED_LABEL = "Øvrige organer"  # bodies whose level the plan does not state


@dataclass(frozen=True)
class Entry:
    """One body in the chart: its title, its kind where the title does not say it, and
    who chairs it where the plan says."""

    title: str
    kind: str | None
    chair: str | None

    @property
    def shown_title(self) -> str:
        """The title as the chart shows it, with soft hyphens."""
        return hyphenated(self.title)


def entry(body: Body) -> Entry:
    kind = labels.KIND[body.kind]
    named = body.kind == "andet" or kind.casefold().rstrip("+") in body.title.casefold()
    chair = labels.person(body.chair) if body.chair else None
    return Entry(body.title, None if named else kind, chair)


@dataclass(frozen=True)
class Level:
    """One band of the chart; `stated` is False for the bodies of no stated level."""

    label: str
    staff: bool
    entries: tuple[Entry, ...]
    stated: bool = True


def levels(plan: Plan) -> tuple[Level, ...]:
    """The plan's bodies grouped by level, in the order of LEVELS and of the plan; the
    bodies of no stated level last."""
    bodies: list[Body] = list(plan.bodies or [])
    chart = [
        Level(
            BAND_LABEL[level],
            level == "staff",
            tuple(entry(b) for b in bodies if b.level == level),
        )
        for level in LEVELS
        if any(b.level == level for b in bodies)
    ]
    unstated = tuple(entry(b) for b in bodies if getattr(b, "level", None) not in LEVELS)
    if unstated:
        chart.append(Level(UNSTATED_LABEL, False, unstated, stated=False))
    return tuple(chart)


def describe(chart: tuple[Level, ...]) -> str:
    """A one-sentence Danish summary of the chart."""
    parts = []
    for level in chart:
        names = ", ".join(f"{e.kind} {e.title}" if e.kind else e.title for e in level.entries)
        parts.append(f"{level.label}: {names}")
    return "; ".join(parts) + "."
