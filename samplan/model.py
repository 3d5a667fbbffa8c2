"""The plan model: the shape of a samarbejdsplan, as pydantic v2 models.

Shape only (STYLE.md rule 2): unknown keys are refused everywhere and every field has
its type, but anything a reviewer would call missing or wrong under the law is a rule
in `samplan.rules`, not a validator here. A key that is absent stays ``None``, which is
distinct from an empty list: "the plan does not say" is not "the plan says none".
"""

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from samplan.meetings import Meetings
from samplan.meetings import input_json_schema as meetings_input_schema
from samplan.modelbase import Id, Shorthand, ShortText, Strict, Text, Year, with_property
from samplan.plan_facts import DateOrYes, Person, Published, PublishedOrYes, Source
from samplan.plan_walk import walk_initiatives, walk_sections
from samplan.text import slugify
from samplan.vocabulary import AgendaTopic, BodyKind, Layout, Level, Part, Priority, Status

__all__ = ["Person", "Published", "Source"]  # re-exported: they are part of the plan model

# 2: level optional, Danish values, kredsråd discussion as a date or yes, publication as
# yes, source, plan-level municipalities and parties, sub-initiatives, numbered default.
SCHEMA_VERSION = 2


class AgendaItem(Shorthand):
    """A recurring agenda topic of a body, from the fixed vocabulary."""

    _short_field: ClassVar[str] = "topic"
    topic: AgendaTopic
    note: Text | None = None


class MeetingDate(Shorthand):
    """A dated meeting: an ISO date, optionally for one municipality."""

    _short_field: ClassVar[str] = "date"
    date: dt.date
    municipality: ShortText | None = None
    note: ShortText | None = None


PART_LABEL = {"bodies": "Organisering", "fora": "Samarbejdsfora", "initiatives": "Initiativer"}


class Include(Shorthand):
    """Where a structured part appears among the prose sections."""

    _short_field: ClassVar[str] = "part"
    part: Part
    ids: list[Id] | None = None
    category: ShortText | None = None
    status: Status | None = None
    layout: Layout | None = None  # default: fora table, initiatives with no description a
    # list, everything else chapters

    @property
    def as_table(self) -> bool:
        return self.layout == "table" or (self.part == "fora" and self.layout is None)

    @property
    def label(self) -> str:
        """What the part is called when a section mixes parts."""
        return self.category or PART_LABEL[self.part]


class Entity(Strict):
    """Anything with an id and a title; the id ties it to other years' plans."""

    id: Id | None = None
    title: ShortText
    # Whether the id was derived from the title. A class default that a derived entity
    # overrides in its own __dict__, not a PrivateAttr: pydantic initialises private
    # attributes in Python for every instance, which made validation twice as slow.
    _derived_id: ClassVar[bool] = False

    @model_validator(mode="after")
    def _derive_id(self) -> Self:
        if self.id is None:
            self.id = slugify(self.title)[:100].rstrip("-") or "x"
            self.__dict__["_derived_id"] = True
        return self

    @property
    def key(self) -> str:
        """The id, which is always set after validation."""
        assert self.id is not None
        return self.id


class Gathering(Entity):
    """What bodies and fora share: who meets, about what, how often."""

    category: ShortText | None = None
    topic: Text | None = None
    description: Text | None = None
    level: Level | None = None
    since: Year | None = None
    chair: Person | None = None
    vice_chair: Person | None = None
    municipalities: list[ShortText] | None = None
    meetings: Meetings | None = None
    meeting_dates: list[MeetingDate] | None = None
    agenda: list[AgendaItem] | None = None
    legal_basis: Text | None = None
    PEOPLE_KEY: ClassVar[str] = ""  # where a kind lists its people: members, representatives

    @property
    def people(self) -> list[Person]:
        """The members of a body, the representatives of a forum."""
        found: list[Person] | None = getattr(self, self.PEOPLE_KEY, None)
        return found or []

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        def written_forms(_generated: JsonSchemaValue) -> JsonSchemaValue:
            return meetings_input_schema()

        return with_property(handler(core_schema), handler, "meetings", written_forms)


class Body(Gathering):
    """A body of the organisation: kredsråd, kontaktudvalg, lokalråd, secretariat, ..."""

    PEOPLE_KEY: ClassVar[str] = "members"
    kind: BodyKind
    members: list[Person] | None = None
    secretariat: Id | None = None


class Forum(Gathering):
    """A cooperation forum: SSP, PSP, KSP, banderåd, beredskabskommission, ..."""

    PEOPLE_KEY: ClassVar[str] = "representatives"
    representatives: list[Person] | None = None


class Initiative(Entity):
    """A focus area or initiative of the year."""

    status: Status | None = None
    since: Year | None = None
    priority: Priority | None = None
    rank: Annotated[int, Field(ge=1, le=1000)] | None = None
    category: ShortText | None = None
    description: Text | None = None
    partners: list[ShortText] | None = None
    municipalities: list[ShortText] | None = None
    initiatives: "list[Initiative] | None" = None  # sub-initiatives (3.1.1, 3.1.2, ...)


class Section(Entity):
    """A prose chapter, in document order, optionally showing structured parts."""

    text: Text | None = None
    include: list[Include] | None = None
    text_after: Text | None = None
    sections: "list[Section] | None" = None
    numbered: bool | None = None  # absent: the plan's `numbered`, else numbered

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        def one_or_many(generated: JsonSchemaValue) -> JsonSchemaValue:
            one = generated["anyOf"][0]["items"]
            return {"anyOf": [one, {"type": "array", "items": one}]}

        return with_property(handler(core_schema), handler, "include", one_or_many)

    @model_validator(mode="before")
    @classmethod
    def _single_include(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("include"), str | dict):
            return {**data, "include": [data["include"]]}
        return data


class Plan(Strict):
    """One district's cooperation plan for one year."""

    model_config = ConfigDict(extra="forbid", defer_build=False)

    district: ShortText
    year: Year
    title: ShortText
    subtitle: Text | None = None
    source: Source | None = None
    issued_by: Person | None = None
    municipalities: list[ShortText] | None = None  # the municipalities the plan covers
    parties: list[ShortText] | None = None  # the other parties it covers
    discussed_in_kredsraad: DateOrYes | None = None
    approved_by_kredsraad: DateOrYes | None = None
    effective_from: dt.date | None = None
    published: PublishedOrYes | None = None
    numbered: bool | None = None  # the default of every section (absent: numbered)
    bodies: list[Body] | None = None
    fora: list[Forum] | None = None
    initiatives: list[Initiative] | None = None
    sections: list[Section] | None = None

    @model_validator(mode="after")
    def _unique_derived_ids(self) -> Self:
        for _, entities in self.entity_lists():
            taken = {e.id for e in entities if not e._derived_id}
            next_number: dict[str, int] = {}  # so that n equal titles cost n steps, not n²
            for entity in entities:
                if not entity._derived_id:
                    continue
                base, n = entity.key, next_number.get(entity.key, 2)
                ident = base
                while ident in taken:
                    ident, n = f"{base}-{n}", n + 1
                next_number[base] = n
                if ident != base:
                    entity.id = ident
                taken.add(ident)
        return self

    def entity_lists(self) -> Iterator[tuple[str, list[Entity]]]:
        """Each kind of entity with its list (sections flattened in document order)."""
        yield "bodies", list(self.bodies or [])
        yield "fora", list(self.fora or [])
        yield "initiatives", [i for i, _ in walk_initiatives(self.initiatives or [])]
        yield "sections", [s for s, _ in walk_sections(self.sections or [])]
