"""An official term misspelt: 'kredsraad', 'lokalraad' for kredsråd, lokalråd.

The published plan should write the law's terms as the law does: kredsråd and
lokalråd (with å), in every form (kredsrådet, lokalrådene). "aa" spellings come from
keyboards and file names.

Source: retsplejeloven §§ 110-113 (the terms as the law writes them).
First plan year: 2007.

Passing::

    text: Samarbejdet i kredsrådet og lokalrådene.

Failing::

    text: Samarbejdet i kredsraadet og lokalraadene.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from samplan.rules.base import Context, Finding
from samplan.texts import text_fields

CODE = "SP116"
NAME = "misspelt-official-term"
SEVERITY = "note"
SOURCE = "retsplejeloven §§ 110-113"
FIRST_YEAR = 2007
WHOLE_PLAN = False

_TERM = re.compile(r"\b(kreds|lokal)(raa|ra)(d\w*)", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Finding]:
    for path, text in text_fields(ctx.plan):
        for match in _TERM.finditer(text):
            a = "Å" if match.group(2).isupper() else "å"
            right = f"{match.group(1)}r{a}{match.group(3)}"
            yield Finding(
                f"'{match.group()}' is misspelt", path, f"write '{right}'", offset=match.start()
            )
