"""The marks the reader keeps packed in a tree (samplan.yamlmarks) and makes only when looked
up are the marks every key and value had when they were made for each one as it was read:
checked against PyYAML's own composer on the seeds and the hostile corpus, and through the
loader, whose plan shares its files' subtrees."""

from __future__ import annotations

import pickle
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from samplan.loader import load_plan
from samplan.yamlmarks import Mark, MarkTree, Path_, unpack
from samplan.yamlsource import _read, read_yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    p
    for pattern in ("data/**/*.yaml", "tests/hostile/**/*.yaml", "tests/plans/**/*.yaml")
    for p in ROOT.glob(pattern)
    if p.is_file()
)


def _mark(node: yaml.Node) -> Mark:
    """A scalar as wide as it is on its first line; a list or mapping one wide (the reader
    marks the event that starts it: `[`, `{`, or nothing in block style)."""
    start, end = node.start_mark, node.end_mark
    if not isinstance(node, yaml.ScalarNode):
        return Mark(start.line + 1, start.column + 1)
    width = end.column - start.column if end.line == start.line else 1
    return Mark(start.line + 1, start.column + 1, max(width, 1))


def composed_marks(text: str) -> tuple[dict[Path_, Mark], dict[Path_, Mark]]:
    """The marks of every key and value, made one by one from PyYAML's composed nodes."""
    keys: dict[Path_, Mark] = {}
    values: dict[Path_, Mark] = {}
    todo: list[tuple[Path_, Any]] = [((), yaml.compose(text, Loader=yaml.CSafeLoader))]
    while todo:
        path, node = todo.pop()
        values[path] = _mark(node)
        if isinstance(node, yaml.SequenceNode):
            todo += [((*path, i), item) for i, item in enumerate(node.value)]
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                here = (*path, unicodedata.normalize("NFC", key.value))
                keys[here] = _mark(key)
                todo.append((here, value))
    return keys, values


def clean_texts() -> list[tuple[str, str]]:
    """(name, text) of every committed YAML file the reader reads without a problem."""
    found = []
    for path in FILES:
        try:
            text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            continue
        doc = read_yaml(text)
        if not doc.problems and doc.data is not None:
            found.append((path.relative_to(ROOT).as_posix(), text))
    return found


CLEAN = clean_texts()


def test_the_corpus_is_there() -> None:
    names = [name for name, _ in CLEAN]
    assert any(n.startswith("data/") for n in names)
    assert any(n.startswith("tests/hostile/") for n in names)


@pytest.mark.parametrize(("name", "text"), CLEAN, ids=[name for name, _ in CLEAN])
def test_lazy_marks_equal_marks_made_node_by_node(name: str, text: str) -> None:
    doc = read_yaml(text)
    keys, values = composed_marks(text)
    assert dict(doc.keys) == keys
    assert dict(doc.values) == values
    assert doc.keys == keys and doc.values == values  # Mapping equality with a dict
    assert len(doc.keys) == len(keys) and len(doc.values) == len(values)
    for path, mark in keys.items():
        assert path in doc.keys and doc.keys[path] == mark and doc.keys.get(path) == mark


@pytest.mark.parametrize(("name", "text"), CLEAN[:12], ids=[name for name, _ in CLEAN[:12]])
def test_the_pure_python_parser_reads_the_same_document(name: str, text: str) -> None:
    fast, slow = read_yaml(text), _read(text, yaml.SafeLoader)
    assert (fast.data, fast.problems) == (slow.data, slow.problems)
    assert dict(fast.keys) == dict(slow.keys) and dict(fast.values) == dict(slow.values)


def test_paths_that_are_not_there() -> None:
    doc = read_yaml("a:\n  - x\n  - {b: 1}\n'0': z\n")
    assert ("a", 2) not in doc.values and ("a", -1) not in doc.values
    assert ("a", "0") not in doc.values and (0,) not in doc.values
    assert ("0",) in doc.values and ("0",) in doc.keys
    assert ("a", 1, "b") in doc.keys and ("a", 1) not in doc.keys  # a list item has no key
    assert ("a", 0, "x") not in doc.values  # below a scalar
    assert () in doc.values and () not in doc.keys
    assert doc.values.get(("nowhere",)) is None
    with pytest.raises(KeyError):
        doc.keys[("a", 0)]
    assert list(doc.values) == [(), ("a",), ("a", 0), ("a", 1), ("a", 1, "b"), ("0",)]
    assert list(doc.keys) == [("a",), ("a", 1, "b"), ("0",)]


def test_marks_of_a_file_that_stops_midway_are_kept_as_far_as_it_was_read() -> None:
    doc = read_yaml("a:\n  b: 1\n  c: [2\n")
    assert doc.data is None and [p.kind for p in doc.problems] == ["syntax"]
    assert doc.values[("a", "b")] == Mark(2, 6, 1)
    assert ("a", "c") in doc.keys


def test_marks_survive_a_pickle_and_say_what_they_are() -> None:
    doc = read_yaml("a: [1, {b: 2}]\n")
    assert pickle.loads(pickle.dumps(doc.values)) == doc.values
    assert repr(doc.keys) == "Marks(of_keys=True, 2 paths)"


def test_an_empty_tree_has_no_marks() -> None:
    tree = MarkTree()
    assert dict(tree.keys) == {} and dict(tree.values) == {} and () not in tree.values


def test_a_packed_mark_holds_long_lines() -> None:
    text = "a: " + "x" * 3_000_000 + "\nb: [" + "1, " * 10 + "y]\n"
    doc = read_yaml(text)
    assert doc.values[("a",)] == Mark(1, 4, 3_000_000)
    assert doc.values[("b", 10)] == Mark(2, 35, 1)
    assert unpack(5 << 64 | 7 << 32 | 9) == Mark(6, 8, 9)


def test_a_plans_marks_are_its_files_marks(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "fyns-politi" / "2020"
    folder.mkdir(parents=True)
    texts = {
        "a.yaml": "district: fyns-politi\nyear: 2020\ntitle: Plan\n",
        "b.yaml": "# bodies\nbodies:\n  - title: Kredsrådet\n    kind: kredsraad\ntitle: twice\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, "utf-8")
    result = load_plan(folder, tmp_path)
    first, second = read_yaml(texts["a.yaml"]), read_yaml(texts["b.yaml"])
    expected_keys = {
        **dict(first.keys),
        **{p: m for p, m in second.keys.items() if p[0] != "title"},
    }
    expected_values = {p: m for p, m in first.values.items() if p} | {
        p: m for p, m in second.values.items() if p and p[0] != "title"
    }
    assert dict(result.source.keys) == expected_keys
    assert dict(result.source.values) == expected_values
    assert result.source.locate(("bodies", 0, "kind")) == (
        "data/fyns-politi/2020/b.yaml",
        Mark(4, 11, 9),
    )
    assert result.source.locate(("title",)) == ("data/fyns-politi/2020/a.yaml", Mark(3, 8, 4))


def test_the_pure_python_parser_reads_plain_values_as_libyaml_does() -> None:
    """PyYAML's own parser marks a plain scalar with no style (libyaml with ""): nulls,
    merge keys and a cut-off comment are the same when a file is read again with it."""
    text = "a: ~\n<<: {b: 1}\nc: x #y z\nd:\n"
    fast, slow = read_yaml(text), _read(text, yaml.SafeLoader)
    assert fast.data == slow.data == {"a": None, "c": "x", "d": None}
    assert fast.problems == slow.problems
    assert [p.kind for p in slow.problems] == ["refused", "comment-in-text"]
