"""Walking a plan's entities: every section and initiative at any depth, and every
entity of the plan with its path in the plan data (where the loader has its marks)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from samplan.model import Entity, Initiative, Plan, Section

_Nested = TypeVar("_Nested", "Section", "Initiative")


def _walk(
    items: list[_Nested], path: tuple[int | str, ...], key: str
) -> Iterator[tuple[_Nested, tuple[int | str, ...]]]:
    for index, item in enumerate(items):
        here: tuple[int | str, ...] = (*path, index)
        yield item, here
        yield from _walk(getattr(item, key) or [], (*here, key), key)


def walk_sections(
    sections: list[Section], path: tuple[int | str, ...] = ("sections",)
) -> Iterator[tuple[Section, tuple[int | str, ...]]]:
    """Every section, depth first, with its path in the plan data."""
    return _walk(sections, path, "sections")


def walk_initiatives(
    items: list[Initiative], path: tuple[int | str, ...] = ("initiatives",)
) -> Iterator[tuple[Initiative, tuple[int | str, ...]]]:
    """Every initiative and sub-initiative, depth first, with its path in the plan data."""
    return _walk(items, path, "initiatives")


def entity_paths(plan: Plan) -> Iterator[tuple[str, tuple[int | str, ...], Entity]]:
    """(kind, path in the plan data, entity) for every entity, in document order."""
    for kind in ("bodies", "fora"):
        for index, entity in enumerate(getattr(plan, kind) or []):
            yield kind, (kind, index), entity
    for item, path in walk_initiatives(plan.initiatives or []):
        yield "initiatives", path, item
    for section, path in walk_sections(plan.sections or []):
        yield "sections", path, section
