"""Properties of `samplan diff` (hypothesis): nothing from nothing, exactly k from k edits."""

from __future__ import annotations

import copy
import string
from collections import Counter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from samplan.diff.compare import diff_plans
from samplan.diff.renames import RENAME_THRESHOLD, Bag, pair_renamed
from samplan.diff.words import word_diff
from samplan.model import Plan

PARTS = ("bodies", "fora", "initiatives", "sections")
# Content long and random enough that two different entities are never "nearly the same".
_content = st.text(alphabet=string.ascii_lowercase + "æøå ", min_size=40, max_size=80)


@st.composite
def entity(draw: st.DrawFn, part: str, n: int) -> dict[str, Any]:
    """Entity number `n` of a part; its title is unique, its id explicit or derived."""
    item: dict[str, Any] = {"title": f"{part} {n} {draw(_content)[:10].strip() or 'x'}"}
    if draw(st.booleans()):
        item["id"] = f"{part}-{n}"
    # Words of its own, so that no two entities are ever nearly the same by chance.
    text = " ".join(f"ord{n}{c}" for c in "abcdefgh") + " " + draw(_content)
    if part == "sections":
        item["text"] = text
        return item
    item["description"] = text
    if part == "bodies":
        item.update(kind="lokalråd", level="operative")
    if part in ("bodies", "fora"):
        item["meetings"] = draw(st.integers(1, 12))
    if part == "initiatives":
        item["status"] = draw(st.sampled_from(["new", "continued"]))
    return item


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {"district": "fyns-politi", "year": 2020, "title": "Plan"}
    counter = 0
    for part in PARTS:
        items = []
        for _ in range(draw(st.integers(0, 4))):
            counter += 1
            items.append(draw(entity(part, counter)))
        data[part] = items
    return data


EXPECTED = {"add": "added", "remove": "removed", "field": "changed", "reorder": None}


@given(plans())
@settings(max_examples=60, deadline=None)
def test_a_plan_against_itself_is_no_change(data: dict[str, Any]) -> None:
    plan = Plan.model_validate(data)
    assert diff_plans(plan, plan).changes == []
    assert diff_plans(plan, Plan.model_validate(copy.deepcopy(data))).changes == []


@given(plans(), st.data())
@settings(max_examples=150, deadline=None)
def test_k_mutations_are_exactly_k_changes(data: dict[str, Any], draw: st.DataObject) -> None:
    new = copy.deepcopy(data)
    expected: Counter[str] = Counter()
    touched: set[int] = set()  # entities already edited: each edit is on its own entity
    fresh = 1000
    for _ in range(draw.draw(st.integers(0, 6), label="k")):
        op = draw.draw(st.sampled_from(["add", "remove", "retitle", "field", "reorder"]))
        part = draw.draw(st.sampled_from(PARTS))
        items: list[dict[str, Any]] = new[part]
        if op == "add":
            fresh += 1
            item = draw.draw(entity(part, fresh))
            items.insert(draw.draw(st.integers(0, len(items))), item)
            touched.add(id(item))
            expected["added"] += 1
            continue
        if op == "reorder":
            items.reverse()
            continue
        free = [i for i, item in enumerate(items) if id(item) not in touched]
        if not free:
            continue
        index = draw.draw(st.sampled_from(free))
        item = items[index]
        touched.add(id(item))
        if op == "remove":
            del items[index]
            expected["removed"] += 1
        elif op == "retitle":
            fresh += 1
            item["title"] = f"omdøbt {fresh}"
            # An explicit id keeps the entity: its title changed. A derived id changes
            # with the title: the same content under a new id is one renamed entity.
            expected["changed" if "id" in item else "renamed"] += 1
        else:
            key = "text" if part == "sections" else "description"
            item[key] = item[key] + " tilføjet"
            expected["changed"] += 1
    result = diff_plans(Plan.model_validate(data), Plan.model_validate(new))
    found = Counter(c.change for c in result.changes)
    assert found == expected, [c.text for c in result.changes]


@given(st.text(max_size=60), st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_word_runs_rebuild_both_texts(old: str, new: str) -> None:
    runs = word_diff(old, new)
    words = [(op, text) for op, text in runs]
    before = "".join(text for op, text in words if op != "+")
    after = "".join(text for op, text in words if op != "-")
    assert before.split() == old.split()
    assert after.split() == new.split()


def _every_pair(old: list[Bag], new: list[Bag]) -> list[tuple[int, int]]:
    """Rename pairing by scoring every pair, best first: what the index must equal."""
    scored = sorted(
        (-a.similarity(b), i, j)
        for i, a in enumerate(old)
        for j, b in enumerate(new)
        if a.similarity(b) >= RENAME_THRESHOLD
    )
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            pairs.append((i, j))
    return sorted(pairs, key=lambda p: p[1])


# Few words and short titles, so that near and exact duplicates are common.
_words = st.lists(st.sampled_from(["a", "bb", "ccc", "dd", "e", "ff", "ggg", "h"]), max_size=12)
_bag = st.builds(
    lambda words, title: Bag(" ".join(words), title),
    _words,
    st.text(alphabet="abcæø ", max_size=8),
)


@given(st.lists(_bag, max_size=12), st.lists(_bag, max_size=12))
@settings(max_examples=300, deadline=None)
def test_the_rename_index_finds_what_scoring_every_pair_finds(
    old: list[Bag], new: list[Bag]
) -> None:
    assert pair_renamed(old, new) == _every_pair(old, new)
