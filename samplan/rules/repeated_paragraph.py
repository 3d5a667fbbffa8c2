"""A paragraph repeated word for word.

A paragraph of at least eight words that stands twice in one text, or of at least
twenty words that stands in two texts, is nearly always a copy-and-paste slip (a short
standard sentence under each of several bodies is a plan's way of writing). Paragraphs
are compared ignoring spacing. The finding points at the second occurrence.

Covers: what the plan states wrongly.

Source: good practice (the published plans are read by the public).
First plan year: 2007.

Passing::

    text: |
      Kriminalforsorgen er ansvarlig for indsatsen og indkalder til jævnlige møder.

Failing::

    text: |
      Der pågår i øjeblikket et afklaringsforløb i forhold til vilkårene for samarbejdet.

      Der pågår i øjeblikket et afklaringsforløb i forhold til vilkårene for samarbejdet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from samplan.locale import t
from samplan.rules.base import Context, Finding

CODE = "SP114"
NAME = "repeated-paragraph"
SEVERITY = "warning"
SOURCE = "good practice"
FIRST_YEAR = 2007
WHOLE_PLAN = False
MIN_WORDS = 8
MIN_WORDS_ACROSS_TEXTS = 20

_PARAGRAPH = re.compile(r"(?:[^\n]+\n?)+")


def _paragraphs(text: str) -> Iterator[tuple[int, list[str]]]:
    """(offset, words) of every paragraph of a text: its runs of lines that are not empty."""
    if "\n\n" not in text:  # most texts: one paragraph, past a line break it may begin with
        start = 1 if text.startswith("\n") else 0
        if len(text) > start:
            yield start, text.split()
        return
    for match in _PARAGRAPH.finditer(text):
        yield match.start(), match.group().split()


def check(ctx: Context) -> Iterator[Finding]:
    elsewhere: set[str] = set()
    for path, text, _ in ctx.prose:
        here: set[str] = set()
        for offset, words in _paragraphs(text):
            if len(words) < MIN_WORDS:
                continue
            key = " ".join(words)
            if key in here or (key in elsewhere and len(words) >= MIN_WORDS_ACROSS_TEXTS):
                yield Finding(
                    t("rule.repeated-paragraph", start=" ".join(words[:8])),
                    path,
                    t("rule.repeated-paragraph.help"),
                    offset=offset,
                )
            here.add(key)
        elsewhere |= here
