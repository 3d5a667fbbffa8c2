"""Lay a plan out as chapters: sections in order, structured parts where they are
included, and whatever no section includes in chapters of its own at the end.

A section shows its `text`, then each include in the order listed, each as it is laid out
(chapters, a table or a list; a section that mixes parts labels each), then its
`text_after`, then its subsections.
"""

from __future__ import annotations

from collections.abc import Sequence

from samplan.model import Body, Entity, Forum, Gathering, Include, Initiative, Plan, Section
from samplan.registry import registry
from samplan.render import labels
from samplan.render.orgchart import levels, orgchart_svg
from samplan.render.page import (
    Block,
    Chapter,
    Page,
    TocEntry,
    body_chapter,
    forum_chapter,
    gathering_table,
    initiative_chapter,
    initiative_row,
    needs_chapter,
    prose,
)
from samplan.text import danish_date, join_danish
from samplan.vocabulary import Part

TOC_DEPTH = 3


class _Outliner:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.placed: dict[str, set[str]] = {"bodies": set(), "fora": set(), "initiatives": set()}
        self.by_id: dict[str, dict[str, Entity]] = {
            part: {e.key: e for e in getattr(plan, part) or []} for part in self.placed
        }
        self.chart_placed = False

    def chart(self, chapter: Chapter) -> None:
        """The organisation chart, once, in the first chapter that shows bodies."""
        if self.chart_placed:
            return
        self.chart_placed = True
        chapter.add(orgchart_block(self.plan))

    def select(self, inc: Include) -> list[Entity]:
        items: list[Entity] = list(getattr(self.plan, inc.part) or [])
        if inc.ids is not None:
            by_id = self.by_id[inc.part]
            items = [by_id[i] for i in inc.ids if i in by_id]
        if inc.category is not None:
            items = [e for e in items if getattr(e, "category", None) == inc.category]
        if inc.status is not None:
            items = [e for e in items if getattr(e, "status", None) == inc.status]
        self.placed[inc.part].update(e.key for e in items)
        return items

    def numbered(self, section: Section) -> bool:
        """The section's own `numbered`, else the plan's, else numbered."""
        for said in (section.numbered, self.plan.numbered):
            if said is not None:
                return said
        return True

    def section(self, section: Section, depth: int) -> Chapter:
        chapter = Chapter(section.title, f"afsnit-{section.key}", depth, self.numbered(section))
        chapter.add(prose(section.text))
        includes = section.include or []
        mixed = len({inc.label for inc in includes}) > 1  # parts, or categories of one
        tabled: list[Gathering] = []  # consecutive table includes share one table
        for inc in includes:
            items = self.select(inc)
            if inc.as_table and inc.part != "initiatives":
                if inc.part == "bodies" and items:
                    self.chart(chapter)
                tabled += [g for g in items if isinstance(g, Gathering)]
                continue
            self.table(chapter, tabled)
            tabled = []
            if mixed and items:
                chapter.add(Block("label", text=inc.label))
            if inc.part == "bodies" and items:
                self.chart(chapter)
            self.place(chapter, inc, items)
        self.table(chapter, tabled)
        chapter.add(prose(section.text_after))
        chapter.add(*(self.section(s, depth + 1) for s in section.sections or []))
        return chapter

    def table(self, chapter: Chapter, items: list[Gathering]) -> None:
        """One table of bodies and fora, and chapters for those with more to say."""
        chapter.add(gathering_table(items))
        depth = chapter.depth + 1
        for g in items:
            if isinstance(g, Body) and needs_chapter(g):
                chapter.add(body_chapter(g, depth))
            elif isinstance(g, Forum) and needs_chapter(g):
                chapter.add(forum_chapter(g, depth))

    def place(self, chapter: Chapter, inc: Include, items: Sequence[Entity]) -> None:
        depth = chapter.depth + 1
        if inc.layout == "list" and inc.part != "initiatives":
            chapter.add(Block("list", rows=tuple((e.title,) for e in items)))
        elif inc.part == "bodies":
            chapter.add(*(body_chapter(b, depth) for b in items if isinstance(b, Body)))
        elif inc.part == "fora":
            chapter.add(*(forum_chapter(f, depth) for f in items if isinstance(f, Forum)))
        else:
            initiatives = [i for i in items if isinstance(i, Initiative)]
            self.place_initiatives(chapter, initiatives, inc.layout)

    def place_initiatives(
        self, chapter: Chapter, items: list[Initiative], layout: str | None = None
    ) -> None:
        """Initiatives as chapters (`layout: chapters`, or when one has a description or
        sub-initiatives), else as a list showing what the plan states about each."""
        year = self.plan.year
        detailed = any(i.description or i.initiatives for i in items)
        if layout == "chapters" or (layout is None and detailed):
            chapter.add(*(initiative_chapter(i, year, chapter.depth + 1) for i in items))
            return
        ranked = all(i.rank for i in items) and bool(items)
        if ranked:
            items = sorted(items, key=lambda i: i.rank or 0)
        rows = tuple(initiative_row(i, year) for i in items)
        chapter.add(Block("list", rows=rows, ordered=ranked))

    def leftovers(self) -> list[Chapter]:
        extra: list[Chapter] = []
        parts: tuple[tuple[Part, str, str], ...] = (
            ("bodies", "Organisering", "organisering"),
            ("fora", "Samarbejdsfora", "samarbejdsfora"),
            ("initiatives", "Indsatsområder og initiativer", "indsatser"),
        )
        for part, title, anchor in parts:
            rest = [e for e in getattr(self.plan, part) or [] if e.key not in self.placed[part]]
            if rest:
                chapter = Chapter(title, anchor, 1)
                if part == "bodies":
                    self.chart(chapter)
                if part == "fora":
                    self.table(chapter, [f for f in rest if isinstance(f, Forum)])
                else:
                    self.place(chapter, Include(part=part), rest)
                extra.append(chapter)
        return extra


def orgchart_block(plan: Plan) -> Block | None:
    """The chart as a block: the SVG, and the same content as (level, rows) for a list."""
    svg = orgchart_svg(plan)
    if svg is None:
        return None
    groups = tuple(
        (level.label, tuple((e.title, e.kind or "", e.chair or "") for e in level.entries))
        for level in levels(plan)
    )
    return Block("orgchart", text=svg, caption="Organisationen", groups=groups)


def _number(chapters: list[Chapter], prefix: str = "") -> None:
    count = 0
    for chapter in chapters:
        if chapter.numbered and (prefix or chapter.depth == 1):
            count += 1
            chapter.number = f"{prefix}{count}"
            _number(chapter.children, f"{chapter.number}.")
        else:
            chapter.numbered = False
            for child in chapter.children:
                child.numbered = False
            _number(chapter.children, "\0")


def _toc(chapters: list[Chapter]) -> list[TocEntry]:
    entries: list[TocEntry] = []
    for c in chapters:
        if c.depth <= TOC_DEPTH:
            entries.append(TocEntry(c.number, c.title, c.anchor, c.depth))
            entries += _toc(c.children)
    return entries


def build_page(plan: Plan) -> Page:
    """The whole page model of a plan."""
    outliner = _Outliner(plan)
    chapters = [outliner.section(s, 1) for s in plan.sections or []]
    chapters += outliner.leftovers()
    _number(chapters)
    district = registry().district(plan.district)
    facts = (
        ("Politikreds", district.name if district else plan.district),
        ("År", str(plan.year)),
        ("Kilde", labels.source(plan.source)),
        ("Kommuner", join_danish(plan.municipalities or []) or None),
        ("Parter", join_danish(plan.parties or []) or None),
        ("Udstedt af", labels.person(plan.issued_by) if plan.issued_by else None),
        ("Drøftet i kredsrådet", labels.fact(plan.discussed_in_kredsraad)),
        ("Godkendt af kredsrådet", labels.fact(plan.approved_by_kredsraad)),
        ("Træder i kraft", plan.effective_from and danish_date(plan.effective_from)),
        ("Offentliggjort", labels.publication(plan.published)),
    )
    who = plan.issued_by
    signed = (who.on_behalf_of, who.name, who.title or who.organisation) if who else ()
    signature = tuple(x for x in signed if x)
    return Page(
        plan=plan,
        district_name=district.name if district else plan.district,
        facts=tuple((k, v) for k, v in facts if v),
        chapters=tuple(chapters),
        toc=tuple(_toc(chapters)),
        signature=signature,
    )
