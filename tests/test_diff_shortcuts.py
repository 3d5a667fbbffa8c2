"""`samplan diff`'s shortcuts give the result of the long way (hypothesis, on the seeds).

Fields whose values are equal are not compared field by field (equal values are never a
change), and the collector is paused while a pair of plans is loaded and compared: the
same changes as comparing every field, and the collector as it was before.
"""

from __future__ import annotations

import copy
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from samplan.cli import main
from samplan.diff import fields, gatherings
from samplan.diff.compare import diff_plans
from samplan.diff.plans import compare_folders
from samplan.loader import load_plan
from samplan.model import Plan

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p for p in (ROOT / "data").glob("*/*") if p.is_dir())
EDITS = (" ændret", "  ", " 2021", " Ny tekst.")
# Keys whose values are free text: an edit there is still a plan (an id or a value of the
# vocabulary edited would not be).
TEXT_KEYS = frozenset(
    {"title", "subtitle", "topic", "description", "text", "text_after", "legal_basis"}
    | {"category", "name", "note", "where", "municipality", "organisation", "on_behalf_of"}
)


def _seed_data(folder: Path) -> dict[str, Any]:
    plan = load_plan(folder, ROOT).plan
    assert plan is not None
    return plan.model_dump(mode="json", exclude_none=True)


SEED_DATA = [_seed_data(folder) for folder in SEEDS]


Where = tuple[str | int, ...]


def _places(value: Any, path: Where = ()) -> Iterator[tuple[str, Where]]:
    """Every place an edit can go: (what, where), each place once, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and key in TEXT_KEYS:
                yield "edit", (*path, key)
            elif isinstance(item, dict | list):
                if key not in ("title", "district", "year"):
                    yield "drop", (*path, key)
                yield from _places(item, (*path, key))
    elif isinstance(value, list):
        yield "reverse", path
        for index, item in enumerate(value):
            yield "drop", (*path, index)
            yield "copy", (*path, index)
            yield from _places(item, (*path, index))


def _edited(value: Any, what: str, path: Where, text: str) -> Any:
    """`value` with the edit `what` made at `path` (a copy: `value` is left as it was)."""
    if not path:
        return value[::-1] if what == "reverse" else value + text
    head, rest = path[0], path[1:]
    if rest or what == "edit" or what == "reverse":
        item = _edited(value[head], what, rest, text)
        if isinstance(value, dict):
            return {**value, head: item}
        assert isinstance(head, int)
        return [*value[:head], item, *value[head + 1 :]]
    if isinstance(value, dict):  # drop a key
        return {k: v for k, v in value.items() if k != head}
    assert isinstance(head, int)
    if what == "drop":
        return [*value[:head], *value[head + 1 :]]
    return [*value, copy.deepcopy(value[head])]


def _mutate(value: Any, draw: st.DataObject) -> Any:
    """One random edit somewhere in `value`: a text changed, a list reordered, ..."""
    places = list(_places(value))
    what, path = draw.draw(st.sampled_from(places))
    return _edited(value, what, path, draw.draw(st.sampled_from(EDITS)))


@given(st.sampled_from(range(len(SEED_DATA))), st.data())
@settings(max_examples=80, deadline=None)
def test_comparing_only_unequal_fields_is_comparing_every_field(
    seed: int, draw: st.DataObject
) -> None:
    data = SEED_DATA[seed]
    edited = data
    for _ in range(draw.draw(st.integers(1, 12))):
        edited = _mutate(edited, draw)
    try:
        old, new = Plan.model_validate(data), Plan.model_validate(edited)
    except ValidationError:
        return  # an edit the plan format refuses: nothing to compare
    with pytest.MonkeyPatch.context() as patch:
        for a, b in ((old, new), (new, old)):
            short = diff_plans(a, b).as_json()
            for module in (fields, gatherings):  # the long way: nothing is taken as equal
                patch.setattr(module, "equal", lambda old, new: False)
            assert short == diff_plans(a, b).as_json()
            patch.undo()


def test_a_diff_leaves_the_collector_as_it_was() -> None:
    folder = ROOT / "data/midt-og-vestsjaellands-politi"
    assert gc.isenabled()
    result = compare_folders(ROOT, folder / "2007", folder / "2011")
    assert result.diffs and gc.isenabled()
    gc.disable()
    try:
        compare_folders(ROOT, folder / "2007", folder / "2011")
        assert not gc.isenabled()
    finally:
        gc.enable()
    args = ["diff", "2007", "2011", "--data", str(ROOT / "data"), "--format", "json"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert gc.isenabled()
