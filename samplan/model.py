"""The plan model: the shape of a samarbejdsplan, as pydantic v2 models.

Shape only (STYLE.md rule 2): unknown keys are refused everywhere and every field has
its type, but anything a reviewer would call missing or wrong under the law is a rule
in `samplan.rules`, not a validator here. A key that is absent stays ``None``, which is
distinct from an empty list: "the plan does not say" is not "the plan says none".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PrivateAttr,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from samplan.meetings import Meetings
from samplan.meetings import input_json_schema as meetings_input_schema
from samplan.text import slugify

SCHEMA_VERSION = 1

ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Text = Annotated[str, StringConstraints(max_length=50_000)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$")]
Year = Annotated[int, Field(ge=1900, le=2200)]

Level = Literal["strategic", "tactical", "operative", "staff"]
BodyKind = Literal[
    "kredsråd",
    "kontaktudvalg",
    "koordinationsudvalg",
    "lokalråd",
    "lokalråd+",
    "sekretariat",
    "beredskabsstab",
    "andet",
]
Status = Literal["new", "continued", "ended"]
Priority = Literal["national", "local"]
Part = Literal["bodies", "fora", "initiatives"]
# The fixed vocabulary of recurring agenda topics, so that rules can see them.
AgendaTopic = Literal[
    "ungdomskriminalitet",  # the yearly discussion of youth crime (from 2019)
    "samarbejdsplan",  # discussion of the cooperation plan itself
    "redegoerelse",  # the politidirektør's yearly report
    "indsatsomraader",  # choosing the focus areas of the coming year
    "kriminalitetsudvikling",  # the development of crime in the district
    "beredskab",
    "kommunikation",
    "evaluering",
    "handlingsplan",
    "temadroeftelse",
]


def _with_property(
    schema: JsonSchemaValue,
    handler: GetJsonSchemaHandler,
    name: str,
    make: Callable[[JsonSchemaValue], JsonSchemaValue],
) -> JsonSchemaValue:
    """Replace one property of a generated model schema by `make(generated)`."""
    target = handler.resolve_ref_schema(schema)
    target["properties"][name] = make(target["properties"][name])
    return schema


class Strict(BaseModel):
    """Base of every model: unknown keys are an error."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class Shorthand(Strict):
    """A model that may also be written as a single string, stored in `_short_field`."""

    _short_field: ClassVar[str] = ""

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {cls._short_field: data}
        return data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        full = handler(core_schema)
        return {"anyOf": [{"type": "string"}, full]}


class Person(Shorthand):
    """A person or a role: `{name: Arne Gram, title: politidirektør}` or just a role."""

    _short_field: ClassVar[str] = "title"
    name: ShortText | None = None
    title: ShortText | None = None
    municipality: ShortText | None = None
    organisation: ShortText | None = None
    on_behalf_of: ShortText | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _named(self) -> Person:
        if not (self.name or self.title):
            raise ValueError("a person needs a name or a title")
        return self


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


class Published(Strict):
    """Where and when the plan was published (retsplejeloven § 113)."""

    date: dt.date | None = None
    where: ShortText | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2000)] | None = None


class Include(Shorthand):
    """Where a structured part appears among the prose sections."""

    _short_field: ClassVar[str] = "part"
    part: Part
    ids: list[Id] | None = None
    category: ShortText | None = None
    status: Status | None = None
    layout: Literal["table", "chapters"] | None = None  # default: fora table, others chapters

    @property
    def as_table(self) -> bool:
        return self.layout == "table" or (self.part == "fora" and self.layout is None)


class Entity(Strict):
    """Anything with an id and a title; the id ties it to other years' plans."""

    id: Id | None = None
    title: ShortText
    _derived_id: bool = PrivateAttr(default=False)

    @model_validator(mode="after")
    def _derive_id(self) -> Entity:
        if self.id is None:
            self.id = slugify(self.title)[:100].rstrip("-") or "x"
            self._derived_id = True
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

        return _with_property(handler(core_schema), handler, "meetings", written_forms)


class Body(Gathering):
    """A body of the organisation: kredsråd, kontaktudvalg, lokalråd, secretariat, ..."""

    PEOPLE_KEY: ClassVar[str] = "members"
    kind: BodyKind
    level: Level
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


class Section(Entity):
    """A prose chapter, in document order, optionally showing structured parts."""

    text: Text | None = None
    include: list[Include] | None = None
    text_after: Text | None = None
    sections: list[Section] | None = None
    numbered: bool = True

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        def one_or_many(generated: JsonSchemaValue) -> JsonSchemaValue:
            one = generated["anyOf"][0]["items"]
            return {"anyOf": [one, {"type": "array", "items": one}]}

        return _with_property(handler(core_schema), handler, "include", one_or_many)

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
    issued_by: Person | None = None
    discussed_in_kredsraad: dt.date | None = None
    effective_from: dt.date | None = None
    published: Published | None = None
    bodies: list[Body] | None = None
    fora: list[Forum] | None = None
    initiatives: list[Initiative] | None = None
    sections: list[Section] | None = None

    @model_validator(mode="after")
    def _unique_derived_ids(self) -> Plan:
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
        yield "initiatives", list(self.initiatives or [])
        yield "sections", [s for s, _ in walk_sections(self.sections or [])]


def walk_sections(
    sections: list[Section], path: tuple[int | str, ...] = ("sections",)
) -> Iterator[tuple[Section, tuple[int | str, ...]]]:
    """Every section, depth first, with its path in the plan data."""
    for index, section in enumerate(sections):
        here = (*path, index)
        yield section, here
        yield from walk_sections(section.sections or [], (*here, "sections"))


def entity_paths(plan: Plan) -> Iterator[tuple[str, tuple[int | str, ...], Entity]]:
    """(kind, path in the plan data, entity) for every entity, in document order."""
    for kind in ("bodies", "fora", "initiatives"):
        for index, entity in enumerate(getattr(plan, kind) or []):
            yield kind, (kind, index), entity
    for section, path in walk_sections(plan.sections or []):
        yield "sections", path, section


def duplicate_ids(plan: Plan) -> Iterator[tuple[str, tuple[int | str, ...], str]]:
    """(kind, path, id) for every explicit id already used by an entity of its kind."""
    seen: set[tuple[str, str]] = set()
    for kind, path, entity in entity_paths(plan):
        if (kind, entity.key) in seen and not entity._derived_id:
            yield kind, path, entity.key
        seen.add((kind, entity.key))


def dangling_references(plan: Plan) -> Iterator[tuple[tuple[int | str, ...], str, str]]:
    """(path, kind, id) for every id in `include` or `secretariat` that names nothing."""
    ids = {kind: {e.key for e in entities} for kind, entities in plan.entity_lists()}
    for section, path in walk_sections(plan.sections or []):
        for k, inc in enumerate(section.include or []):
            for j, ident in enumerate(inc.ids or []):
                if ident not in ids[inc.part]:
                    yield (*path, "include", k, "ids", j), inc.part, ident
    for index, body in enumerate(plan.bodies or []):
        if body.secretariat is not None and body.secretariat not in ids["bodies"]:
            yield ("bodies", index, "secretariat"), "bodies", body.secretariat


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of one plan file: any subset of the plan's top-level keys."""
    schema = Plan.model_json_schema()
    schema.pop("required", None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["description"] = (
        "One YAML file of a samplan plan folder. The files of a folder together must "
        "give district, year and title; a top-level key may stand in one file only."
    )
    return schema
