"""The plan format's fixed vocabularies, written in English or in Danish.

Each vocabulary keeps its English value as the one stored (plan.json, rules, the diff) and
accepts the Danish word a secretariat would write beside it (`level: strategisk`,
`status: videreført`). A value that is neither gets a did-you-mean drawn from both.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

LevelValue = Literal["strategic", "tactical", "operative", "staff"]
StatusValue = Literal["new", "continued", "ended"]
PriorityValue = Literal["national", "local"]
SourceKindValue = Literal["plan", "excerpt", "summary", "news"]

# Danish (and other accepted) spellings -> the stored English value.
LEVEL_DA = {
    "strategisk": "strategic",
    "taktisk": "tactical",
    "operativ": "operative",
    "stab": "staff",
}
STATUS_DA = {"ny": "new", "videreført": "continued", "afsluttet": "ended"}
PRIORITY_DA = {"lokal": "local"}  # "national" is the same word in both languages
SOURCE_KIND_DA = {
    "fuld": "plan",
    "hele planen": "plan",
    "uddrag": "excerpt",
    "resumé": "summary",
    "sammenfatning": "summary",
    "nyhed": "news",
}
# How the page (and the diff) names each kind of document, in Danish.
SOURCE_KIND_SHOWN = {
    "plan": "Samarbejdsplanen",
    "excerpt": "Uddrag af samarbejdsplanen",
    "summary": "Resumé af samarbejdsplanen",
    "news": "Nyhed om samarbejdsplanen",
}
# How a partial plan's kind is named in "not judged: ...".
SOURCE_KIND_NAME = {
    "plan": "the full plan",
    "excerpt": "excerpt",
    "summary": "summary",
    "news": "news item",
}


def _accepting(english: tuple[str, ...], danish: dict[str, str]) -> BeforeValidator:
    """A validator that maps a Danish word to its English value and refuses anything else
    with the words of both languages (so that did-you-mean can draw on both)."""
    options = (*english, *danish)

    def to_english(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        word = value.strip()
        if word in english:
            return word
        folded = word.casefold()
        if folded in danish:
            return danish[folded]
        if folded in english:
            return folded
        raise PydanticCustomError(
            "literal_error",
            "Input should be {expected}",
            {"expected": ", ".join(f"'{o}'" for o in options)},
        )

    return BeforeValidator(to_english)


def _words(english: tuple[str, ...], danish: dict[str, str]) -> WithJsonSchema:
    return WithJsonSchema({"enum": [*english, *danish]})


_LEVELS: tuple[str, ...] = ("strategic", "tactical", "operative", "staff")
_STATUSES: tuple[str, ...] = ("new", "continued", "ended")
_PRIORITIES: tuple[str, ...] = ("national", "local")
_SOURCE_KINDS: tuple[str, ...] = ("plan", "excerpt", "summary", "news")

Level = Annotated[LevelValue, _accepting(_LEVELS, LEVEL_DA), _words(_LEVELS, LEVEL_DA)]
Status = Annotated[StatusValue, _accepting(_STATUSES, STATUS_DA), _words(_STATUSES, STATUS_DA)]
Priority = Annotated[
    PriorityValue, _accepting(_PRIORITIES, PRIORITY_DA), _words(_PRIORITIES, PRIORITY_DA)
]
SourceKind = Annotated[
    SourceKindValue,
    _accepting(_SOURCE_KINDS, SOURCE_KIND_DA),
    _words(_SOURCE_KINDS, SOURCE_KIND_DA),
]

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
Part = Literal["bodies", "fora", "initiatives"]
Layout = Literal["table", "chapters", "list"]
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
