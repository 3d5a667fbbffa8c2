"""Shortcuts that skip work on the usual text give what the full work gives on any text:
a finding's text shown without per-character escaping when nothing needs escaping, and
a text of one paragraph taken whole instead of through the paragraph pattern."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from samplan.diagnostics import SNIPPET_WIDTH, _window, printable, shown, visible
from samplan.rules.repeated_paragraph import _PARAGRAPH, _paragraphs

PIECES = ["a", "b c", " ", "\n", "\n\n", "\r", "\t", "\u2028", "\x85", "\x1b", "\u202e", "å"]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@given(texts | st.text(max_size=40))
@settings(max_examples=500, deadline=None)
def test_printable_escapes_as_every_character_escaped(text: str) -> None:
    assert printable(text) == "".join(visible(ch) for ch in text)
    assert shown(text, 1000) == "'" + "".join(visible(ch) for ch in text) + "'"


@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.integers(1, 300))
@settings(max_examples=300, deadline=None)
def test_a_snippet_window_shows_each_character_a_terminal_would_obey_as_one_mark(
    line: str, column: int
) -> None:
    part, at = _window(line, column)
    head = 1 if part.startswith("…") else 0
    body = part[head : len(part) - (1 if part.endswith("…") else 0)]
    start = column - at + head
    assert len(body) == min(SNIPPET_WIDTH, len(line) - start)
    assert body == "".join(ch if ch.isprintable() else "\ufffd" for ch in line[start:][: len(body)])


@given(texts)
@settings(max_examples=800, deadline=None)
def test_paragraphs_are_the_paragraph_patterns_matches(text: str) -> None:
    expected = [(m.start(), m.group().split()) for m in _PARAGRAPH.finditer(text)]
    assert list(_paragraphs(text)) == expected
