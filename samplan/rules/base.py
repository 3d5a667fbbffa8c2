"""What every rule module provides, and what a rule gets to look at.

A rule is a module (yamllint's shape) with a docstring that is its user documentation,
constants `CODE`, `NAME`, `SEVERITY`, `SOURCE`, `FIRST_YEAR`, `WHOLE_PLAN`, and one short
generator `check(ctx)` that yields Findings located by their path in the plan data.

The principle every rule follows: a rule reports what the plan states wrongly (an error
where the law contradicts it), or what the law requires the plan itself to state and it
does not (a warning: § 113's issuer, kredsråd discussion and publication), or at most a
note for good practice on a body the plan names with content. A key that is absent means
"the plan does not say", never a defect of what it does say, and a body known only by its
heading gets nothing. A rule with `WHOLE_PLAN = True` needs the whole plan and does not
judge a plan whose `source` says it is partial (an excerpt, a summary, a news item).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType
from typing import NamedTuple, Protocol

from samplan.model import Body, Gathering, Person, Plan
from samplan.registry import District, Registry, registry
from samplan.texts import Prose, prose
from samplan.validation_errors import DataPath


class Finding(NamedTuple):  # frozen records as named tuples: cheap to define and to make
    """A problem a rule found: what, where in the plan data, and how to fix it."""

    message: str
    path: DataPath = ()
    help: str | None = None
    at_key: bool = False
    offset: int | None = None  # where in a text value, for findings inside prose


class NotJudged(NamedTuple):
    """What a rule yields instead of a finding when the plan is partial and the rule
    would have to judge what the plan leaves out (shown by `samplan check --verbose`)."""

    reason: str  # "excerpt", "news item": the kind of document


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the plan, its district, and last year's plan if any."""

    plan: Plan
    district: District | None
    previous: Plan | None = None
    words: frozenset[str] = frozenset()  # the repository's own words (samplan.yaml)

    @property
    def registry(self) -> Registry:
        return registry()

    @cached_property
    def prose(self) -> tuple[Prose, ...]:
        """The plan's text fields, read and split once for every rule that reads prose."""
        return prose(self.plan)

    @cached_property
    def known_words(self) -> frozenset[str]:
        """The repository's own words, casefolded: never a slip or a spelling mistake."""
        return frozenset(w.casefold() for w in self.words)

    def kredsraad(self) -> Iterator[tuple[int, Body]]:
        """(index, body) of every body of kind kredsråd."""
        for index, body in enumerate(self.plan.bodies or []):
            if body.kind == "kredsråd":
                yield index, body


class Rule(Protocol):
    """The shape of a rule module (checked by tests/test_rules_registry.py)."""

    CODE: str
    NAME: str
    SEVERITY: str  # "error", "warning" or "note" (checked by the registry test)
    SOURCE: str
    FIRST_YEAR: int
    WHOLE_PLAN: bool  # needs the whole plan: not judged on an excerpt, summary or news item
    __doc__: str | None

    def check(self, ctx: Context) -> Iterator[Finding | NotJudged]: ...


def is_role(person: Person | None, role: str) -> bool:
    """Whether a person's title names the role ('Politidirektøren' is a politidirektør)."""
    return person is not None and role in (person.title or "").casefold()


def is_partial(plan: Plan) -> bool:
    """Whether the plan says it is only part of the document (`source`)."""
    return plan.source is not None and plan.source.partial


def missing_part(ctx: Context, finding: Finding) -> Finding | NotJudged:
    """A finding about a part the plan leaves out, or NotJudged on a partial plan."""
    source = ctx.plan.source
    return NotJudged(source.name) if source is not None and source.partial else finding


def has_content(g: Gathering) -> bool:
    """Whether the plan says more about a body or forum than its heading."""
    stated = (g.description, g.topic, g.chair, g.vice_chair, g.municipalities, g.agenda)
    return any(x for x in stated) or bool(g.people or g.meeting_dates)


def summary(rule: ModuleType | Rule) -> str:
    """The first line of a rule's documentation."""
    return (rule.__doc__ or "").strip().splitlines()[0]
