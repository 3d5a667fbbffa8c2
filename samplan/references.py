"""The ids that tie a plan's entities together: an explicit id used twice, and an id in
`include` or `secretariat` that names nothing (reported by the loader)."""

from __future__ import annotations

from collections.abc import Iterator

from samplan.model import Plan
from samplan.plan_walk import entity_paths, walk_sections


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
    ids["initiatives"] = {i.key for i in plan.initiatives or []}  # sub-initiatives stand in
    # their parent, not where a section includes them
    for section, path in walk_sections(plan.sections or []):
        for k, inc in enumerate(section.include or []):
            for j, ident in enumerate(inc.ids or []):
                if ident not in ids[inc.part]:
                    yield (*path, "include", k, "ids", j), inc.part, ident
    for index, body in enumerate(plan.bodies or []):
        if body.secretariat is not None and body.secretariat not in ids["bodies"]:
            yield ("bodies", index, "secretariat"), "bodies", body.secretariat
