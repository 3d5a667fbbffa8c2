"""Which fields an entity has, what each is called in Danish, and how each is compared.

Every field of the model is compared, so a new field is diffed without code here; its
Danish label belongs in `FIELD_LABEL` (a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from samplan.model import Published

FIELD_LABEL: dict[str, str] = {
    # plan
    "district": "politikreds",
    "year": "år",
    "title": "titel",
    "subtitle": "undertitel",
    "issued_by": "udstedt af",
    "discussed_in_kredsraad": "drøftet i kredsrådet",
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


def model_fields(model: BaseModel) -> Iterator[tuple[str, Any]]:
    """(name, value) of every compared field, `published` spread into its parts."""
    for name in type(model).model_fields:
        if name in NESTED_FIELDS or name == "id":
            continue
        value = getattr(model, name)
        if isinstance(value, Published):
            for sub in type(value).model_fields:
                yield f"published.{sub}", getattr(value, sub)
        else:
            yield name, value
