"""Which fields an entity has, what each is called in Danish, and how each is compared.

Every field of the model is compared, so a new field is diffed without code here: a
field holding a model of its own (`published`) is compared part by part, one holding
entities (`sections` of a section) is walked as entities. Its Danish label belongs in
`FIELD_LABEL` (a test keeps the two in step); until it has one, its name is shown.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

from samplan.meetings import Meetings
from samplan.model import Entity, Person

FIELD_LABEL: dict[str, str] = {
    # plan
    "district": "politikreds",
    "year": "år",
    "title": "titel",
    "subtitle": "undertitel",
    "issued_by": "udstedt af",
    "source": "kilde",
    "source.kind": "kildens art",
    "source.title": "kildens titel",
    "source.url": "kildens adresse",
    "source.retrieved": "kilde hentet",
    "source.note": "note om kilden",
    "parties": "parter",
    "discussed_in_kredsraad": "drøftet i kredsrådet",
    "approved_by_kredsraad": "godkendt af kredsrådet",
    "published": "offentliggjort",
    "effective_from": "gældende fra",
    "published.date": "offentliggjort",
    "published.where": "offentliggjort hvor",
    "published.url": "adresse",
    # bodies and fora
    "kind": "type",
    "category": "kategori",
    "topic": "emne",
    "description": "beskrivelse",
    "level": "niveau",
    "chair": "formand",
    "vice_chair": "næstformand",
    "municipalities": "kommuner",
    "meetings": "møder",
    "agenda": "faste punkter",
    "legal_basis": "hjemmel",
    "secretariat": "sekretariat",
    # initiatives
    "status": "status",
    "since": "siden",
    "priority": "prioritet",
    "rank": "rangorden",
    "partners": "samarbejdspartnere",
    # sections
    "text": "tekst",
    "include": "indhold",
    "text_after": "tekst efter indholdet",
    "numbered": "nummereret",
}

# Fields compared as running text: shown as a word-level change, summed up in one phrase.
PROSE_FIELDS = frozenset({"subtitle", "topic", "description", "legal_basis", "text", "text_after"})
# Fields whose values are samplan's own Danish words, lower-cased inside a sentence.
VOCABULARY_FIELDS = frozenset({"level", "kind", "status", "priority", "numbered"})
# List fields whose order carries no meaning.
SET_FIELDS = frozenset({"municipalities", "partners", "agenda"})
# Fields diffed as entities of their own, not as values.
NESTED_FIELDS = frozenset(
    {"members", "representatives", "meeting_dates", "sections", "bodies", "fora", "initiatives"}
)


# Models compared as one value, not part by part.
WHOLE_VALUES = (Meetings, Person)


def label(name: str) -> str:
    """The Danish name of a field, for sentences."""
    return FIELD_LABEL.get(name) or name.replace(".", " ").replace("_", " ")


def model_fields(
    model: BaseModel, only: Collection[str] | None = None
) -> Iterator[tuple[str, Any]]:
    """(name, value) of every compared field, a model value spread into its parts.

    `only` names the top-level fields wanted (all when None), in the model's order.
    """
    for name in compared_fields(type(model)):
        if only is not None and name not in only:
            continue
        value = getattr(model, name)
        if isinstance(value, BaseModel) and not isinstance(value, WHOLE_VALUES):
            for sub, part in model_fields(value):
                yield f"{name}.{sub}", part
        else:
            yield name, value


def differing_fields(old: BaseModel, new: BaseModel) -> set[str]:
    """The top-level compared fields whose values are not `equal`."""
    before, after = compared_fields(type(old)), compared_fields(type(new))
    names = {
        name
        for name in after
        if name not in before or not equal(getattr(old, name), getattr(new, name))
    }
    return names | {name for name in before if name not in after}


def equal(old: Any, new: Any) -> bool:
    """Values that are equal are never a change: nothing to compare part by part.

    (What is compared, `values.comparable`, is a function of the value alone.)
    """
    return bool(old == new)


@cache
def compared_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that are compared as values, in the model's order."""
    return tuple(
        name
        for name in model.model_fields
        if name not in NESTED_FIELDS and name != "id" and name not in entity_fields(model)
    )


@cache
def entity_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of a model that hold entities (sub-sections, sub-initiatives)."""
    return frozenset(
        name for name, info in model.model_fields.items() if _holds_entities(info.annotation)
    )


@cache
def _entity_fields_in_order(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(name for name in model.model_fields if name in entity_fields(model))


def _holds_entities(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, Entity):
        return True
    return any(_holds_entities(arg) for arg in get_args(annotation))


def sub_entities(entity: Entity) -> Iterator[Entity]:
    """The entities an entity holds, depth first, in document order."""
    for name in _entity_fields_in_order(type(entity)):
        for child in getattr(entity, name) or []:
            yield child
            yield from sub_entities(child)
