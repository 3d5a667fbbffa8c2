"""What every rule module provides, and what a rule gets to look at.

A rule is a module (yamllint's shape) with a docstring that is its user documentation,
constants `CODE`, `NAME`, `SEVERITY`, `SOURCE`, `FIRST_YEAR`, and one short generator
`check(ctx)` that yields Findings located by their path in the plan data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Protocol

from samplan.model import Body, Person, Plan
from samplan.registry import District, Registry, registry
from samplan.validation_errors import DataPath


@dataclass(frozen=True)
class Finding:
    """A problem a rule found: what, where in the plan data, and how to fix it."""

    message: str
    path: DataPath = ()
    help: str | None = None
    at_key: bool = False
    offset: int | None = None  # where in a text value, for findings inside prose


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the plan, its district, and last year's plan if any."""

    plan: Plan
    district: District | None
    previous: Plan | None = None

    @property
    def registry(self) -> Registry:
        return registry()

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
    __doc__: str | None

    def check(self, ctx: Context) -> Iterator[Finding]: ...


def is_role(person: Person | None, role: str) -> bool:
    """Whether a person's title names the role ('Politidirektøren' is a politidirektør)."""
    return person is not None and role in (person.title or "").casefold()


def summary(rule: ModuleType | Rule) -> str:
    """The first line of a rule's documentation."""
    return (rule.__doc__ or "").strip().splitlines()[0]
