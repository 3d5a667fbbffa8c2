"""The plan-level facts: who issues the plan, what the document is and where it came from,
and the § 113 facts (the kredsråd's discussion or approval, publication), each written
with as much as the plan states and no more."""

import datetime as dt
from typing import Annotated, Any, ClassVar, Self

from pydantic import BeforeValidator, Discriminator, Tag, model_validator
from pydantic_core import PydanticCustomError

from samplan.locale import t
from samplan.modelbase import Shorthand, ShortText, Strict, Text, Url
from samplan.vocabulary import SOURCE_KIND_NAME, SOURCE_KIND_SHOWN, SourceKind

_YES = {"yes", "true", "ja", "on"}
_NO = {"no", "false", "nej", "off"}


class Person(Shorthand):
    """A person, a role or an organisation: `{name: Arne Gram, title: politidirektør}`,
    just a role (`politidirektør`), or `{organisation: Fyns Politi}`."""

    _short_field: ClassVar[str] = "title"
    name: ShortText | None = None
    title: ShortText | None = None
    municipality: ShortText | None = None
    organisation: ShortText | None = None
    on_behalf_of: ShortText | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _named(self) -> Self:
        if not (self.name or self.title or self.organisation):
            raise ValueError("a person needs a name, a title or an organisation")
        return self


def _yes_or_date(value: Any) -> Any:
    """'yes'/'ja' as True and 'no'/'nej' as False; anything else is left for the date."""
    if isinstance(value, str) and value.strip().casefold() in _YES | _NO:
        return value.strip().casefold() in _YES
    return value


def _which(value: Any) -> str:
    return "<yes>" if isinstance(value, bool) else "<date>"


def _written(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    return "a list" if isinstance(value, list) else "a number"


def _date_or_yes(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise PydanticCustomError(
            "fact_not_a_date",
            "expected a date (YYYY-MM-DD) or yes, got {value}",
            {"value": repr(value) if isinstance(value, str) else _written(value)},
        ) from None


# A fact stated with its date (`2019-12-10`) or without one (`yes`; `no` says it did not
# happen). One branch is validated, so a wrong value gets one message, not one per form;
# the branch's tag in an error's location is written <like-this> (never a plan key).
DateOrYes = Annotated[
    Annotated[bool, Tag("<yes>")]
    | Annotated[dt.date, BeforeValidator(_date_or_yes), Tag("<date>")],
    Discriminator(_which),
    BeforeValidator(_yes_or_date),
]


def is_stated(fact: bool | dt.date | None) -> bool:
    """Whether a DateOrYes fact says that it happened."""
    return fact is not None and fact is not False


class Published(Strict):
    """Where and when the plan was published (retsplejeloven § 113); `published: yes`
    says that it is published without saying where, `published: 2020-01-02` when."""

    date: dt.date | None = None
    where: ShortText | None = None
    url: Url | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_date(cls, data: Any) -> Any:
        return {"date": data} if isinstance(data, str | dt.date) else data

    @property
    def stated(self) -> bool:
        """An empty `published: {}` states nothing."""
        return any(x is not None for x in (self.date, self.where, self.url))


class Source(Shorthand):
    """What the document is and where it came from: the full plan, an excerpt, a summary
    page or a news item. Rules that need the whole plan do not judge a partial one."""

    _short_field: ClassVar[str] = "kind"
    kind: SourceKind = "plan"
    title: ShortText | None = None
    url: Url | None = None
    retrieved: dt.date | None = None
    note: Text | None = None

    @property
    def partial(self) -> bool:
        return self.kind != "plan"

    @property
    def name(self) -> str:
        """'uddrag', 'nyhed' ('excerpt', 'news item'): what 'not judged: ...' says."""
        return t(SOURCE_KIND_NAME[self.kind])

    def __str__(self) -> str:
        """As the page and the diff show it: 'Nyhed om samarbejdsplanen, <title>, <url>'."""
        return ", ".join(x for x in (SOURCE_KIND_SHOWN[self.kind], self.title, self.url) if x)


def _published_form(value: Any) -> str:
    return "<yes>" if isinstance(value, bool) else "<facts>"


# `published: {date, where, url}` or `published: yes`.
PublishedOrYes = Annotated[
    Annotated[bool, Tag("<yes>")] | Annotated[Published, Tag("<facts>")],
    Discriminator(_published_form),
    BeforeValidator(_yes_or_date),
]


def publication_stated(published: Published | bool | None) -> bool:
    """Whether the plan says it is published: `yes`, or a date, place or address."""
    if isinstance(published, Published):
        return published.stated
    return published is True


def stated_date(fact: bool | dt.date | Published | None) -> dt.date | None:
    """The date of a fact, when the plan gives one."""
    if isinstance(fact, Published):
        return fact.date
    return fact if isinstance(fact, dt.date) else None
