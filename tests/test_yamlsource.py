"""Unit tests of samplan.yamlsource.read_yaml: YAML read as written, with marks."""

from __future__ import annotations

import time

import pytest
import yaml

from samplan.yamlsource import LIBYAML_LIMIT, MAX_DEPTH, Document, Mark, YamlProblem, read_yaml

TAG_HELP = "remove the tag; samplan reads every value as written and the schema decides its type"
SYNTAX_HELP = "check indentation, quoting and the `key: value` form on this line"
CONTROL_HELP = "remove the control character; a plan file is plain UTF-8 text"


def read_clean(text: str) -> Document:
    """Read `text`, asserting it has no problems."""
    doc = read_yaml(text)
    assert doc.problems == []
    return doc


def only_problem(text: str) -> YamlProblem:
    """Read `text`, asserting it has exactly one problem, and return it."""
    doc = read_yaml(text)
    assert len(doc.problems) == 1, doc.problems
    return doc.problems[0]


# --- scalars stay the text typed ------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["no", "on", "yes", "off", "0301", "12:30", "2020-01-01", "1e3", ".inf", "0x1F", "true"],
)
def test_plain_scalar_stays_the_text_typed(typed: str) -> None:
    assert read_clean(f"value: {typed}\n").data == {"value": typed}


def test_numbers_stay_text() -> None:
    assert read_clean("year: 2020\nrank: -1\nshare: 0.5\n").data == {
        "year": "2020",
        "rank": "-1",
        "share": "0.5",
    }


def test_quoted_and_block_scalars_keep_their_text() -> None:
    text = "a: 'it''s'\nb: \"line\\n\"\nc: |\n  first\n  second\nd: >\n  folded\n  text\n"
    assert read_clean(text).data == {
        "a": "it's",
        "b": "line\n",
        "c": "first\nsecond\n",
        "d": "folded text\n",
    }


@pytest.mark.parametrize("typed", ["", "~", "null", "Null", "NULL"])
def test_empty_tilde_and_null_mean_not_given(typed: str) -> None:
    assert read_clean(f"value: {typed}\n").data == {"value": None}


@pytest.mark.parametrize("typed", ["'null'", '"null"', "'~'", '"~"', "''", '""'])
def test_quoted_null_stays_text(typed: str) -> None:
    expected = typed[1:-1]
    assert read_clean(f"value: {typed}\n").data == {"value": expected}


def test_sequences_and_mappings() -> None:
    doc = read_clean("list: [a, 1, ~]\nblock:\n  - x\n  - {k: v}\n")
    assert doc.data == {"list": ["a", "1", None], "block": ["x", {"k": "v"}]}


# --- marks ----------------------------------------------------------------------------------


def test_marks_of_keys_and_values() -> None:
    doc = read_clean("title: Plan\nbodies:\n  - title: K\n    kind: kredsråd\n")
    assert doc.keys == {
        ("title",): Mark(1, 1, 5),
        ("bodies",): Mark(2, 1, 6),
        ("bodies", 0, "title"): Mark(3, 5, 5),
        ("bodies", 0, "kind"): Mark(4, 5, 4),
    }
    assert doc.values == {
        (): Mark(1, 1, 1),
        ("title",): Mark(1, 8, 4),
        ("bodies",): Mark(3, 3, 1),
        ("bodies", 0): Mark(3, 5, 1),
        ("bodies", 0, "title"): Mark(3, 12, 1),
        ("bodies", 0, "kind"): Mark(4, 11, 8),
    }


def test_marks_count_characters_after_non_ascii_text() -> None:
    doc = read_clean("title: Kredsrådet æøå\nx: [æøå, b]\ny: {æ: 1, k: v}\n")
    assert doc.values[("title",)] == Mark(1, 8, 14)
    assert doc.values[("x", 0)] == Mark(2, 5, 3)
    assert doc.values[("x", 1)] == Mark(2, 10, 1)
    assert doc.keys[("y", "æ")] == Mark(3, 5, 1)
    assert doc.keys[("y", "k")] == Mark(3, 11, 1)
    assert doc.values[("y", "k")] == Mark(3, 14, 1)


def test_marks_of_flow_style() -> None:
    doc = read_clean("x: [a, b]\ny: {c: d}\n")
    assert doc.values[("x", 0)] == Mark(1, 5, 1)
    assert doc.values[("x", 1)] == Mark(1, 8, 1)
    assert doc.keys[("y", "c")] == Mark(2, 5, 1)
    assert doc.values[("y", "c")] == Mark(2, 8, 1)


# --- duplicate keys -------------------------------------------------------------------------


def test_duplicate_top_level_key() -> None:
    doc = read_yaml("a: 1\nb: 2\na: 3\n")
    assert doc.data == {"a": "1", "b": "2"}
    assert doc.problems == [
        YamlProblem(
            "duplicate-key",
            "duplicate key 'a'",
            Mark(3, 1, 1),
            "the key was first given on line 1; keep one of them",
        )
    ]


def test_duplicate_nested_key_in_block_style() -> None:
    doc = read_yaml("a:\n  x: 1\n  y: 2\n  x: 3\n")
    assert doc.data == {"a": {"x": "1", "y": "2"}}
    assert doc.problems == [
        YamlProblem(
            "duplicate-key",
            "duplicate key 'x'",
            Mark(4, 3, 1),
            "the key was first given on line 2; keep one of them",
        )
    ]


def test_duplicate_key_in_flow_style() -> None:
    doc = read_yaml("a: {x: 1, x: 2}\n")
    assert doc.data == {"a": {"x": "1"}}
    assert doc.problems == [
        YamlProblem(
            "duplicate-key",
            "duplicate key 'x'",
            Mark(1, 11, 1),
            "the key was first given on line 1; keep one of them",
        )
    ]


def test_duplicate_key_with_a_mapping_value_is_skipped_whole() -> None:
    doc = read_yaml("a:\n  b: 1\n  c: 2\na:\n  d: 3\nz: 1\n")
    assert doc.data == {"a": {"b": "1", "c": "2"}, "z": "1"}
    assert doc.problems == [
        YamlProblem(
            "duplicate-key",
            "duplicate key 'a'",
            Mark(4, 1, 1),
            "the key was first given on line 1; keep one of them",
        )
    ]


def test_duplicate_key_quoted_and_plain() -> None:
    doc = read_yaml("'a': 1\na: 2\n")
    assert doc.data == {"a": "1"}
    assert [(p.kind, p.mark) for p in doc.problems] == [("duplicate-key", Mark(2, 1, 1))]


def test_duplicate_key_in_a_list_item() -> None:
    doc = read_yaml("- {a: 1}\n- a: 1\n  a: 2\n")
    assert doc.data == [{"a": "1"}, {"a": "1"}]
    assert doc.problems == [
        YamlProblem(
            "duplicate-key",
            "duplicate key 'a'",
            Mark(3, 3, 1),
            "the key was first given on line 2; keep one of them",
        )
    ]


# --- refused features -----------------------------------------------------------------------


def test_python_tag_refused() -> None:
    doc = read_yaml("a: !!python/object/apply:os.system ['ls']\n")
    assert doc.problems == [
        YamlProblem(
            "refused",
            "tag '!!python/object/apply:os.system' is not allowed",
            Mark(1, 4, 33),
            TAG_HELP,
        )
    ]


@pytest.mark.parametrize(
    ("text", "shown", "mark"),
    [
        ("a: !!str 1\n", "!!str", Mark(1, 4, 7)),
        ("a: !foo x\n", "!foo", Mark(1, 4, 6)),
        ("a: !!null ''\n", "!!null", Mark(1, 4, 9)),
        ("!!map {a: 1}\n", "!!map", Mark(1, 1, 7)),
    ],
)
def test_tags_refused(text: str, shown: str, mark: Mark) -> None:
    assert only_problem(text) == YamlProblem(
        "refused", f"tag '{shown}' is not allowed", mark, TAG_HELP
    )


def test_anchor_and_alias_refused() -> None:
    doc = read_yaml("a: &x 1\nb: *x\n")
    assert doc.data == {"a": "1", "b": None}
    assert doc.problems == [
        YamlProblem(
            "refused",
            "anchor '&x' is not allowed",
            Mark(1, 4, 2),
            "remove the anchor and write values out in full",
        ),
        YamlProblem(
            "refused",
            "alias '*x' is not allowed",
            Mark(2, 4, 2),
            "write the value out in full; samplan refuses anchors and aliases",
        ),
    ]


def test_merge_key_refused() -> None:
    doc = read_yaml("a: {k: 1}\nb:\n  <<: {k: 2}\n  j: 3\n")
    assert doc.data == {"a": {"k": "1"}, "b": {"j": "3"}}
    assert doc.problems == [
        YamlProblem(
            "refused",
            "merge key '<<' is not allowed",
            Mark(3, 3, 2),
            "write the merged keys out in full",
        )
    ]


def test_quoted_merge_key_is_plain_text() -> None:
    assert read_clean("'<<': 1\n").data == {"<<": "1"}


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_billion_laughs_refused_quickly_without_expansion() -> None:
    start = time.perf_counter()
    doc = read_yaml(BILLION_LAUGHS)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    assert doc.problems[0] == YamlProblem(
        "refused",
        "anchor '&a' is not allowed",
        Mark(1, 4, 2),
        "remove the anchor and write values out in full",
    )
    assert len(doc.problems) == 9 + 8 * 9  # nine anchors, nine aliases on each later line
    assert doc.data["i"] == [None] * 9  # aliases are never expanded


def test_nesting_up_to_max_depth_is_read() -> None:
    text = "a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    doc = read_clean(text)
    node = doc.data["a"]
    for _ in range(MAX_DEPTH - 1):
        node = node[0]
    assert node == []


def test_nesting_deeper_than_max_depth_refused() -> None:
    text = "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    doc = read_yaml(text)
    assert doc.data is None
    assert doc.problems == [
        YamlProblem(
            "depth",
            f"nesting deeper than {MAX_DEPTH} levels",
            Mark(1, 4 + MAX_DEPTH, 1),
            "plans are shallow; flatten the structure",
        )
    ]


def test_very_deep_nesting_refused_quickly() -> None:
    start = time.perf_counter()
    doc = read_yaml("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert time.perf_counter() - start < 2.0
    assert [p.kind for p in doc.problems] == ["depth"]


class _LibyamlWithLimit(yaml.CSafeLoader):  # type: ignore[misc]
    """A libyaml that stops on a nesting limit of its own at its first flow collection."""

    def get_event(self) -> yaml.Event:
        event = super().get_event()
        if isinstance(event, yaml.SequenceStartEvent):
            raise yaml.scanner.ScannerError(
                "while increasing flow level", None, LIBYAML_LIMIT, event.start_mark
            )
        return event


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5])
def test_limits_do_not_depend_on_libyamls_own(monkeypatch: pytest.MonkeyPatch, depth: int) -> None:
    """Whatever limit the bundled libyaml has, samplan's own limit and position hold."""
    text = "a: " + "[" * depth + "]" * depth + "\n"
    expected = read_yaml(text)
    monkeypatch.setattr(yaml, "CSafeLoader", _LibyamlWithLimit)
    assert read_yaml(text).problems == expected.problems
    assert read_yaml(text).data == expected.data


def test_deep_block_nesting_refused() -> None:
    lines = ["  " * i + f"k{i}:" for i in range(MAX_DEPTH + 10)]
    doc = read_yaml("\n".join(lines) + " x\n")
    assert [(p.kind, p.mark.line) for p in doc.problems] == [("depth", MAX_DEPTH + 2)]


def test_second_document_refused() -> None:
    doc = read_yaml("a: 1\n---\nb: 2\n")
    assert doc.data == {"a": "1"}
    assert doc.problems == [
        YamlProblem(
            "refused",
            "a plan file holds one YAML document, this is the second",
            Mark(2, 1, 3),
            "split the documents into files of their own",
        )
    ]


def test_one_explicit_document_is_fine() -> None:
    assert read_clean("---\na: 1\n...\n").data == {"a": "1"}


def test_sequence_key_refused() -> None:
    doc = read_yaml("? [a, b]\n: 1\nc: 2\n")
    assert doc.data == {"c": "2"}
    assert doc.problems == [
        YamlProblem("refused", "a key must be plain text, not a list or mapping", Mark(1, 3, 1))
    ]


def test_mapping_key_refused() -> None:
    doc = read_yaml("{a: 1}: 2\nb: 3\n")
    assert doc.data == {"b": "3"}
    assert doc.problems == [
        YamlProblem("refused", "a key must be plain text, not a list or mapping", Mark(1, 1, 1))
    ]


# --- syntax and characters ------------------------------------------------------------------


def test_syntax_error_located() -> None:
    doc = read_yaml("a: 1\n b: 2\n")
    assert doc.data is None
    assert doc.problems == [
        YamlProblem(
            "syntax",
            "a key stands where YAML expected none",
            Mark(2, 3, 1),
            "indent the line like the keys beside it, and check that the line above has a "
            "'key: value' form; a value holding ': ' goes in quotation marks",
        )
    ]


def test_unclosed_flow_sequence_located() -> None:
    assert only_problem("a: [1, 2\nb: 3\n") == YamlProblem(
        "syntax",
        "a [ or { is opened here and never closed",
        Mark(2, 2, 1),
        "close it with ] or } on the same line, and separate the items with commas",
    )


def test_unclosed_quote_at_end_of_file_located_within_the_file() -> None:
    text = 'a: "abc\n'
    problem = only_problem(text)
    assert problem.kind == "syntax"
    assert problem.mark.line <= len(text.splitlines())


def test_nul_byte_located() -> None:
    doc = read_yaml("a: 1\nb: x\x00y\n")
    assert doc.data is None
    assert doc.problems == [
        YamlProblem(
            "syntax",
            "character 0 is not allowed in YAML (control characters are not allowed)",
            Mark(2, 5, 1),
            CONTROL_HELP,
        )
    ]


def test_nul_byte_after_non_ascii_text_located() -> None:
    assert only_problem("a: æøå\x00y\n").mark == Mark(1, 7, 1)


def test_lone_surrogate_is_a_problem_not_an_exception() -> None:
    assert only_problem("a: \ud800\n").kind == "syntax"


def test_bom_is_read() -> None:
    doc = read_clean("\ufeffa: 1\nb: 2\n")
    assert doc.data == {"a": "1", "b": "2"}
    assert doc.keys[("a",)] == Mark(1, 1, 1)


def test_crlf_is_read() -> None:
    doc = read_clean("a: 1\r\nb: x y\r\n")
    assert doc.data == {"a": "1", "b": "x y"}
    assert doc.keys[("b",)] == Mark(2, 1, 1)
    assert doc.values[("b",)] == Mark(2, 4, 3)


@pytest.mark.parametrize("text", ["", "\n\n", "# a comment\n# another\n", "   \n# x\n"])
def test_empty_and_comment_only_input(text: str) -> None:
    doc = read_yaml(text)
    assert doc.data is None
    assert doc.problems == []


def test_top_level_list_and_scalar() -> None:
    assert read_clean("- a\n- b\n").data == ["a", "b"]
    assert read_clean("just text\n").data == "just text"


# --- advice on the mistakes of a non-programmer ------------------------------------------


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "title: Forord: en tryg region\n",
            "a colon followed by a space in a value makes YAML read a new key",
            'put the value in quotation marks: title: "Forord: en tryg region"',
        ),
        (
            'title: Forord: "en" tryg region  # a comment\n',
            "a colon followed by a space in a value makes YAML read a new key",
            'put the value in quotation marks: title: "Forord: \\"en\\" tryg region"',
        ),
        (
            "sections:\n  - title: Forord: en tryg region\n",
            "a colon followed by a space in a value makes YAML read a new key",
            'put the value in quotation marks:   - title: "Forord: en tryg region"',
        ),
        (
            "a:\n\tb: 1\n",
            "a tab in the indentation; YAML indents with spaces only",
            "replace the tab at the start of the line by spaces (set the editor to indent "
            "with spaces)",
        ),
        (
            'a: "abc\nb: 2\n',
            "a quotation mark is opened here and never closed",
            "end the value with the same quotation mark it begins with; write '' for a ' "
            "inside '...'",
        ),
        ("a: @x\n", "a value cannot begin with @", 'put the value in quotation marks: "@..."'),
        ("a: `x\n", "a value cannot begin with `", 'put the value in quotation marks: "`..."'),
        (
            "a:\n  - x\n  y: 2\n",
            "a line in a list does not begin with '- '",
            "begin each item of the list with '- ', indented like the items above",
        ),
    ],
)
def test_common_mistakes_get_advice(text: str, message: str, hint: str) -> None:
    problem = only_problem(text)
    assert (problem.kind, problem.message, problem.help) == ("syntax", message, hint)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("title: Møde #2 i året\n", "#2 i året"),
        ("title: Vi mødes hver uge # og i ferierne\n", "# og i ferierne"),
        ("- Vi mødes #hver uge\n", "#hver uge"),
    ],
)
def test_a_hash_after_one_space_in_a_plain_value_is_reported(text: str, cut: str) -> None:
    problem = only_problem(text)
    assert problem.kind == "comment-in-text"
    assert problem.message == f"' #' starts a comment: the text stops before '{cut}'"
    assert problem.mark.line == 1


@pytest.mark.parametrize(
    "text",
    [
        "meetings: 4  # exactly four\n",
        "level: strategic # a comment on a word\n",
        'title: "Møde #2"\n',
        "title: Møde#2\n",
        "level: strategic # samplan: ignore[SP101]\n",
        "title: Vi mødes  # two spaces: a comment\n",
    ],
)
def test_comments_by_intent_are_left_alone(text: str) -> None:
    assert read_yaml(text).problems == []


# --- forbidden characters, wherever the text may put one ----------------------------------


def _characters(text: str) -> list[tuple[str, Mark]]:
    return [(p.message, p.mark) for p in read_yaml(text).problems if p.kind == "character"]


def test_a_forbidden_character_written_as_an_escape_is_found_in_a_clean_text() -> None:
    found = _characters('a: "x\\u202ey"\n"k\\e": 1\nb: [ok, "\\x1b"]\n')
    assert [mark for _, mark in found] == [Mark(1, 4, 10), Mark(2, 1, 5), Mark(3, 9, 6)]
    assert "202E" in found[0][0] and "001B" in found[1][0]


def test_a_backslash_outside_double_quotes_is_no_escape() -> None:
    assert _characters("a: 'x\\e'\nb: c:\\\\temp\\e\n") == []


def test_a_forbidden_character_in_a_comment_alone_is_no_problem() -> None:
    assert _characters("a: 1  # \u202e\nb: 2\n") == []


def test_forbidden_characters_are_reported_in_the_files_order() -> None:
    found = _characters('a: "\\e"\nb: x\u202ey\nc:\n  d\u2066: "\\x7f"\n')
    assert [mark for _, mark in found] == [
        Mark(1, 4, 4),
        Mark(2, 4, 3),
        Mark(4, 3, 2),
        Mark(4, 7, 6),
    ]


def test_a_value_too_deep_is_refused_before_its_characters_are_looked_at() -> None:
    text = "a: " + "[" * MAX_DEPTH + '"\\e"' + "]" * MAX_DEPTH + "\n"
    assert [p.kind for p in read_yaml(text).problems] == ["depth"]
