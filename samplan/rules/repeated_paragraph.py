"""A paragraph repeated word for word.

A paragraph of at least eight words that stands twice in the plan (in one text or in
two) is nearly always a copy-and-paste slip. Paragraphs are compared ignoring spacing.
The finding points at the second occurrence.

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
MIN_WORDS = 8

_PARAGRAPH = re.compile(r"(?:[^\n]+\n?)+")


def check(ctx: Context) -> Iterator[Finding]:
    seen: set[str] = set()
    for path, text in text_fields(ctx.plan):
        for match in _PARAGRAPH.finditer(text):
            words = match.group().split()
            if len(words) < MIN_WORDS:
                continue
            key = " ".join(words)
            if key in seen:
                yield Finding(
                    f"paragraph repeated word for word: '{' '.join(words[:8])} ...'",
                    path,
                    "remove the repetition",
                    offset=match.start(),
                )
            seen.add(key)
