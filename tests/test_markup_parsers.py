"""A text is converted by the least Markdown parser it may need (samplan.render.markup):
without smarty when it holds no quote, without inline patterns when it holds none of the
characters they start from. The output is the full parser's, always."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samplan.loader import load_plan
from samplan.render import markup
from samplan.texts import text_fields

ROOT = Path(__file__).resolve().parent.parent


def full(text: str) -> str:
    """What the parser with every pattern makes of `text` (before sanitising)."""
    return markup._parser(True, True).reset().convert(text)


def chosen(text: str) -> str:
    return markup._parser(*markup._needs(text)).reset().convert(text)


def test_the_inline_patterns_left_out_are_every_inline_pattern() -> None:
    """A Markdown release with another inline pattern fails here until _INLINE_CHARS
    holds the characters it starts from and INLINE_PATTERNS names it."""
    registered = [p.name for p in markup._parser(True, True).inlinePatterns._priority]
    assert sorted(registered) == sorted(markup.INLINE_PATTERNS)
    assert [p.name for p in markup._parser(False, False).inlinePatterns._priority] == []


def test_smarty_only_ever_changes_quotes() -> None:
    with_quotes, without = markup._parser(True, True), markup._parser(True, False)
    extra = {p.name for p in with_quotes.treeprocessors._priority} - {
        p.name for p in without.treeprocessors._priority
    }
    assert extra == {"smarty"}
    smarty = with_quotes.treeprocessors["smarty"]
    names = [p.name for p in smarty.inlinePatterns._priority]
    assert names and all(name.startswith("smarty-quotes-") for name in names)
    assert markup.SMARTY["smart_dashes"] is markup.SMARTY["smart_ellipses"] is False
    assert markup.SMARTY["smart_angled_quotes"] is False


def _seed_texts() -> list[str]:
    texts = []
    for folder in sorted(ROOT.glob("data/*/*")):
        plan = load_plan(folder, ROOT).plan
        assert plan is not None
        texts += [text for _, text in text_fields(plan)]
    return texts


def test_every_text_of_the_seeds_converts_as_with_the_full_parser() -> None:
    texts = _seed_texts()
    assert sum(1 for t in texts if not markup._needs(t)[0]) > 10  # the bare parser is used
    for text in texts:
        assert chosen(text) == full(text), text[:60]


@pytest.mark.parametrize(
    "text",
    [
        "Et afsnit.\n\nEt andet afsnit med 2 mellemrum  \nog et linjeskift.",
        "- punkt\n- punkt\n\n1. første\n2. anden\n\n# Overskrift\n\n> citat",
        "Hun sagde \"ja\" og 'nej'.",
        "`kode`, \\*ikke fremhævet\\*, *fremhævet*, __fed__, [link](https://politi.dk)",
        "<b>rå html</b> og &amp; og &copy; og <https://politi.dk> og <a@b.dk>",
        "    indrykket kode\n\nTabel | ikke\n--- | ---\nx | y",
        "Ord -- tankestreg ... og 1990'erne",
    ],
)
def test_every_kind_of_markdown_converts_as_with_the_full_parser(text: str) -> None:
    assert chosen(text) == full(text)


MARKDOWN_ALPHABET = st.sampled_from(
    [*"aæ Z1.-#>+!()\n\t\r", "  \n", "\n\n", "1. ", "- ", "`", "\\", "[", "]", "<", "&", "*",
     "_", "'", '"', "&amp;", "<b>", "](x)", "    "]
)  # fmt: skip


# Texts of block structure only (no character an inline pattern or smarty starts from),
# and of every character but quotes: the texts the two lesser parsers convert.
BLOCKS_ONLY = st.sampled_from(
    [*"aæ Z1.-#>+!()=|:~%$@^{}/\n", "  ", " \n", "\n\n", "1. ", "- ", "* ", "    ", "---"]
)  # fmt: skip


@pytest.mark.parametrize("alphabet", [MARKDOWN_ALPHABET, BLOCKS_ONLY])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_text_converts_as_with_the_full_parser(alphabet: Any, data: st.DataObject) -> None:
    text = data.draw(st.lists(alphabet, max_size=40).map("".join))
    assert chosen(text) == full(text)
