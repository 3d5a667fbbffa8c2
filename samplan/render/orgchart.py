"""The organisation chart: a plan's bodies by level, drawn as an inline SVG.

Pure Python and deterministic: the same plan gives the same bytes. The layout is one
band per level (strategisk, taktisk, operativt niveau, then the staff functions), each
band holding its bodies as boxes with who chairs them. A vertical line ties the levels
together; staff functions stand apart in dashed boxes, so the hierarchy is shown by
position, line and label, never by colour alone. The SVG is `role="img"` with a
`<title>` and `<desc>`; the page shows the same content as a list beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from samplan.model import Body, Plan
from samplan.render import labels

LEVELS = ("strategic", "tactical", "operative", "staff")
BAND_LABEL = {**labels.LEVEL, "staff": "Stabsfunktioner"}

WIDTH = 420
LABEL_X, LABEL_WIDTH = 8, 108
SPINE_X = 128
BOX_X, BOX_WIDTH = 140, 272
TITLE_SIZE, NOTE_SIZE, LABEL_SIZE = 14, 13, 13
LINE, PAD, GAP, BAND_PAD = 18, 8, 8, 10
# Presentation attributes rather than CSS, so that every renderer (browsers, WeasyPrint)
# draws the same; text colours have at least 7:1 contrast on their backgrounds.
INK, MUTED, ACCENT, BAND = "#1b1b1b", "#4a4a4a", "#0a4a8c", "#eef2f7"
TEXT_STYLE = {
    "title": f'font-weight="bold" fill="{INK}"',
    "note": f'fill="{MUTED}"',
    "level": f'font-weight="bold" fill="{ACCENT}"',
}
LINK = f'fill="none" stroke="{MUTED}" stroke-width="2"'


@dataclass(frozen=True)
class Entry:
    """One body in the chart: its title, its kind where the title does not say it, and
    who chairs it where the plan says."""

    title: str
    kind: str | None
    chair: str | None


def entry(body: Body) -> Entry:
    kind = labels.KIND[body.kind]
    named = body.kind == "andet" or kind.casefold().rstrip("+") in body.title.casefold()
    chair = labels.person(body.chair) if body.chair else None
    return Entry(body.title, None if named else kind, chair)


@dataclass(frozen=True)
class Level:
    """One band of the chart."""

    label: str
    staff: bool
    entries: tuple[Entry, ...]


def levels(plan: Plan) -> tuple[Level, ...]:
    """The plan's bodies grouped by level, in the order of LEVELS and of the plan."""
    bodies: list[Body] = list(plan.bodies or [])
    return tuple(
        Level(
            BAND_LABEL[level],
            level == "staff",
            tuple(entry(b) for b in bodies if b.level == level),
        )
        for level in LEVELS
        if any(b.level == level for b in bodies)
    )


def wrap(text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """Greedy word wrap by an estimated glyph width (the chart must not depend on fonts)."""
    per_char = size * (0.6 if bold else 0.56)
    limit = max(int(width / per_char), 8)
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _text(x: int, y: int, line: str, size: int, cls: str) -> str:
    style = TEXT_STYLE[cls]
    return f'<text x="{x}" y="{y}" font-size="{size}" {style}>{escape(line)}</text>'


def _box(item: Entry, y: int, staff: bool) -> tuple[list[str], int]:
    """The SVG elements of one body's box at height y, and the box's height."""
    inner = BOX_WIDTH - 2 * PAD
    kind = wrap(item.kind, NOTE_SIZE, inner) if item.kind else []
    title = wrap(item.title, TITLE_SIZE, inner, bold=True)
    chair = wrap(f"Formand: {item.chair}", NOTE_SIZE, inner) if item.chair else []
    height = 2 * PAD + LINE * (len(kind) + len(title) + len(chair)) + 4
    dash = ' stroke-dasharray="6 4"' if staff else ""
    parts = [
        f'<rect x="{BOX_X}" y="{y}" width="{BOX_WIDTH}" height="{height}" rx="4" '
        f'fill="#fff" stroke="{ACCENT}" stroke-width="1.5"{dash}/>'
    ]
    baseline = y + PAD + TITLE_SIZE
    for line in kind:
        parts.append(_text(BOX_X + PAD, baseline, line, NOTE_SIZE, "note"))
        baseline += LINE
    for line in title:
        parts.append(_text(BOX_X + PAD, baseline, line, TITLE_SIZE, "title"))
        baseline += LINE
    for line in chair:
        parts.append(_text(BOX_X + PAD, baseline, line, NOTE_SIZE, "note"))
        baseline += LINE
    if not staff:
        parts.append(f'<path d="M{SPINE_X} {y + height // 2}H{BOX_X}" {LINK}/>')
    return parts, height


def _band(level: Level, y: int) -> tuple[list[str], int, tuple[int, int]]:
    """One level's band at height y: its elements, its height, and its first and last
    box centre (where the line between levels meets it)."""
    inner: list[str] = []
    centres: list[int] = []
    top = y + BAND_PAD
    for item in level.entries:
        parts, height = _box(item, top, level.staff)
        inner += parts
        centres.append(top + height // 2)
        top += height + GAP
    height = top - GAP + BAND_PAD - y
    label = wrap(level.label, LABEL_SIZE, LABEL_WIDTH, bold=True)
    parts = [f'<rect x="0" y="{y}" width="{WIDTH}" height="{height}" fill="{BAND}"/>']
    for i, line in enumerate(label):
        parts.append(_text(LABEL_X, y + BAND_PAD + LABEL_SIZE + i * 16, line, LABEL_SIZE, "level"))
    return parts + inner, height, (centres[0], centres[-1])


def describe(chart: tuple[Level, ...]) -> str:
    """A one-sentence Danish summary for the SVG's <desc>."""
    parts = []
    for level in chart:
        names = ", ".join(f"{e.kind} {e.title}" if e.kind else e.title for e in level.entries)
        parts.append(f"{level.label}: {names}")
    return "; ".join(parts) + "."


def orgchart_svg(plan: Plan, ident: str = "organisation") -> Markup | None:
    """The chart of a plan's bodies as inline SVG markup; None for a plan without bodies."""
    chart = levels(plan)
    if not chart:
        return None
    elements: list[str] = []
    y, spine_top, spine_bottom = 0, None, None
    for level in chart:
        parts, height, (first, last) = _band(level, y)
        elements += parts
        if not level.staff:
            spine_top = first if spine_top is None else spine_top
            spine_bottom = last
        y += height + (2 if level is not chart[-1] else 0)
    if spine_top is not None and spine_bottom is not None and spine_bottom > spine_top:
        elements.append(f'<path d="M{SPINE_X} {spine_top}V{spine_bottom}" {LINK}/>')
    title = f"Organisationen i {plan.title}"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="orgchart" role="img" '
        f'width="{WIDTH}" height="{y}" viewBox="0 0 {WIDTH} {y}" '
        f'aria-labelledby="{ident}-titel {ident}-beskrivelse" '
        "font-family=\"Arial, 'Liberation Sans', Helvetica, sans-serif\">"
    )
    lines = [
        head,
        f'<title id="{ident}-titel">{escape(title)}</title>',
        f'<desc id="{ident}-beskrivelse">{escape(describe(chart))}</desc>',
        *elements,
        "</svg>",
    ]
    return Markup("\n".join(lines))
