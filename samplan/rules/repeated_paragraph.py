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

from samplan.rules.base import Context, Finding
from samplan.texts import text_fields

CODE = "SP114"
NAME = "repeated-paragraph"
SEVERITY = "warning"
SOURCE = "good practice"
FIRST_YEAR = 2007
WHOLE_PLAN = False
MIN_WORDS = 8
MIN_WORDS_ACROSS_TEXTS = 20

_PARAGRAPH = re.compile(r"(?:[^\n]+\n?)+")


def check(ctx: Context) -> Iterator[Finding]:
    elsewhere: set[str] = set()
    for path, text in text_fields(ctx.plan):
        here: set[str] = set()
        for match in _PARAGRAPH.finditer(text):
            words = match.group().split()
            if len(words) < MIN_WORDS:
                continue
            key = " ".join(words)
            if key in here or (key in elsewhere and len(words) >= MIN_WORDS_ACROSS_TEXTS):
                yield Finding(
                    f"paragraph repeated word for word: '{' '.join(words[:8])} ...'",
                    path,
                    "remove the repetition",
                    offset=match.start(),
                )
            here.add(key)
        elsewhere |= here
