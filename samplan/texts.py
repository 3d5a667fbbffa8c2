"""Every text field of a plan with its path, for rules that read prose."""

from __future__ import annotations

from collections.abc import Iterator

from samplan.model import Plan, entity_paths
from samplan.validation_errors import DataPath

TEXT_FIELDS = ("title", "text", "text_after", "description", "topic")


def text_fields(plan: Plan) -> Iterator[tuple[DataPath, str]]:
    """(path, text) of the plan's title and every entity's text fields, in document order."""
    yield ("title",), plan.title
    if plan.subtitle:
        yield ("subtitle",), plan.subtitle
    for _, path, entity in entity_paths(plan):
        for field in TEXT_FIELDS:
            value = getattr(entity, field, None)
            if isinstance(value, str) and value:
                yield (*path, field), value
