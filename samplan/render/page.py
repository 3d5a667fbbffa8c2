"""The page model: a plan as numbered chapters of blocks, ready for any template.

Everything a template shows is computed here (numbering, table of contents, Danish
wording, tables), so templates only present (STYLE.md rule 5), and a list can never
disagree with the chapters it names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from samplan.model import Body, Forum, Gathering, Initiative, Plan
from samplan.render import labels
from samplan.text import danish_date, join_danish


@dataclass(frozen=True)
class Block:
    """One piece of a chapter; `kind` tells the template which partial presents it."""

    kind: str  # "prose", "facts", "members", "fora", "list", "dates", "orgchart", "label"
    text: str = ""  # prose: Markdown; orgchart: the SVG markup; label: the part's name
    rows: tuple[tuple[str, ...], ...] = ()  # facts: (label, value); tables: cells;
    # list: (title,) or (title, what the plan states about it)
    caption: str = ""
    groups: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()  # (heading, rows)
    ordered: bool = False
    columns: tuple[str, ...] = ()  # members: the table's column headings


@dataclass
class Chapter:
    """A numbered chapter (or sub-chapter): its anchor, and its blocks and sub-chapters
    in the order they are shown (`items`)."""

    title: str
    anchor: str
    depth: int  # 1 for chapters, 2 for sub-chapters, ...
    numbered: bool = True
    number: str = ""
    items: list[Block | Chapter] = field(default_factory=list)
    kind: str = "chapter"  # so that a template tells an item from a block

    @property
    def heading_level(self) -> int:
        return min(self.depth + 1, 6)

    @property
    def blocks(self) -> list[Block]:
        return [i for i in self.items if isinstance(i, Block)]

    @property
    def children(self) -> list[Chapter]:
        return [i for i in self.items if isinstance(i, Chapter)]

    def add(self, *items: Block | Chapter | None) -> None:
        """Append blocks and sub-chapters in order; None (nothing to show) is skipped."""
        self.items += [i for i in items if i is not None]


@dataclass(frozen=True)
class TocEntry:
    number: str
    title: str
    anchor: str
    depth: int


@dataclass(frozen=True)
class Page:
    """Everything the plan templates present."""

    plan: Plan
    district_name: str
    facts: tuple[tuple[str, str], ...]
    chapters: tuple[Chapter, ...]
    toc: tuple[TocEntry, ...]
    signature: tuple[str, ...]


def _facts(*pairs: tuple[str, str | None]) -> Block | None:
    rows = tuple((label, value) for label, value in pairs if value)
    return Block("facts", rows=rows) if rows else None


def _gathering_facts(g: Gathering) -> list[tuple[str, str | None]]:
    return [
        ("Niveau", labels.LEVEL.get(g.level or "", None)),
        ("Siden", str(g.since) if g.since else None),
        ("Emne", " ".join(g.topic.split()) if g.topic else None),
        ("Formand", labels.person(g.chair) if g.chair else None),
        ("Næstformand", labels.person(g.vice_chair) if g.vice_chair else None),
        ("Møder pr. år", g.meetings.danish() if g.meetings else None),
        ("Kommuner", join_danish(g.municipalities) if g.municipalities else None),
        (
            "Faste punkter på dagsordenen",
            "; ".join(labels.AGENDA[a.topic] + (f" ({a.note})" if a.note else "") for a in g.agenda)
            if g.agenda
            else None,
        ),
        ("Lovgrundlag", g.legal_basis),
    ]


def _dates(g: Gathering) -> Block | None:
    if not g.meeting_dates:
        return None
    groups: dict[str, list[str]] = {}
    for md in g.meeting_dates:
        label = danish_date(md.date) + (f" ({md.note})" if md.note else "")
        groups.setdefault(md.municipality or "", []).append(label)
    return Block(
        "dates",
        caption="Mødedatoer",
        groups=tuple((k, tuple((v,) for v in vs)) for k, vs in groups.items()),
    )


def _blocks(*blocks: Block | None) -> list[Block]:
    return [b for b in blocks if b is not None]


MEMBER_COLUMNS = ("Rolle", "Navn", "Kommune eller organisation")


def _members(body: Body) -> Block | None:
    """The members table; a column of notes only when a member has one."""
    if not body.members:
        return None
    noted = any(m.note for m in body.members)
    rows = tuple(
        (m.title or "", m.name or "", m.municipality or m.organisation or "")
        + ((m.note or "",) if noted else ())
        for m in body.members
    )
    columns = MEMBER_COLUMNS + (("Bemærkning",) if noted else ())
    return Block("members", rows=rows, caption=f"Medlemmer af {body.title}", columns=columns)


def body_chapter(body: Body, depth: int) -> Chapter:
    kind = labels.KIND[body.kind] if body.kind != "andet" else None  # "other" says nothing
    facts = [("Type", kind), *_gathering_facts(body)]
    facts.append(("Sekretariat", body.secretariat))
    blocks = _blocks(prose(body.description), _facts(*facts), _members(body), _dates(body))
    return Chapter(body.title, f"organ-{body.key}", depth, items=list(blocks))


def forum_chapter(forum: Forum, depth: int) -> Chapter:
    reps = join_danish(_people(forum)) or None
    facts = [*_gathering_facts(forum), ("Repræsentanter", reps)]
    blocks = _blocks(prose(forum.description), _facts(*facts), _dates(forum))
    return Chapter(forum.title, f"forum-{forum.key}", depth, items=list(blocks))


def initiative_chapter(item: Initiative, year: int, depth: int) -> Chapter:
    """An initiative as a chapter, its sub-initiatives as its sub-chapters (3.1.1)."""
    facts = _facts(
        ("Status", labels.status(item, year)),
        ("Prioritet", labels.priority(item)),
        ("Kategori", item.category),
        ("Samarbejdspartnere", join_danish(item.partners) if item.partners else None),
        ("Kommuner", join_danish(item.municipalities) if item.municipalities else None),
    )
    chapter = Chapter(item.title, f"indsats-{item.key}", depth)
    chapter.add(facts, prose(item.description))
    chapter.add(*(initiative_chapter(i, year, depth + 1) for i in item.initiatives or []))
    return chapter


def initiative_row(item: Initiative, year: int) -> tuple[str, ...]:
    """A title-only initiative in a list: its title, and what the plan states about it
    (its rank is the list's order)."""
    priority = f"{labels.PRIORITY[item.priority]} prioritet" if item.priority else None
    stated = [s for s in (labels.status(item, year), priority) if s]
    if not stated:
        return (item.title,)
    return item.title, "; ".join(stated[:1] + [s[:1].lower() + s[1:] for s in stated[1:]])


def prose(text: str | None) -> Block | None:
    """A prose block, or None for an empty text."""
    return Block("prose", text=text) if text and text.strip() else None


def _people(g: Gathering) -> list[str]:
    return [labels.person(p) for p in g.people]


def has_table_data(g: Gathering) -> bool:
    return bool(g.topic or g.meetings or _people(g))


def gathering_table(items: list[Gathering]) -> Block | None:
    """The table of fora (forum, emne, repræsentanter, møder pr. år), by category;
    a plain list of titles when none of them has anything for the other columns."""
    if not items:
        return None
    if not any(has_table_data(g) for g in items):
        return Block("list", rows=tuple((g.title,) for g in items))
    groups: dict[str, list[tuple[str, ...]]] = {}
    for g in items:
        row = (
            g.title,
            " ".join((g.topic or "").split()),
            join_danish(_people(g)),
            g.meetings.danish() if g.meetings else "",
        )
        groups.setdefault(g.category or "", []).append(row)
    return Block(
        "fora",
        caption="Samarbejdsfora",
        groups=tuple((k, tuple(rows)) for k, rows in groups.items()),
    )


def needs_chapter(g: Gathering) -> bool:
    """Whether a tabled body or forum has more to say than its table row."""
    extra = g.description or g.chair or g.meeting_dates or g.agenda or g.municipalities
    return bool(extra or (isinstance(g, Body) and g.members))
