"""An official term misspelt: 'kredsraad' for kredsråd, 'samarbejdplan' for samarbejdsplan.

The published plan should write the law's terms as the law does: kredsråd, lokalråd,
samarbejdsplan, politikreds, politidirektør, forebyggende, kriminalitetsforebyggende and
the other terms of the lexicon (samplan.lexicon), in every form (kredsrådet,
lokalrådene). Found in titles and prose: "aa" spellings (from keyboards and file names),
and any word one slip from a term (a letter swapped, dropped, added or replaced), with the
right spelling suggested. Ordinary Danish words one slip from a term ('forebyggede') and
the repository's own `words` (samplan.yaml) are never flagged; nor are words shorter than
seven letters. A note: configurable like any rule.

Covers: what the plan states wrongly (its spelling; a note).
Source: retsplejeloven §§ 110-113 (the terms as the law writes them).
First plan year: 2007.

Passing::

    text: Samarbejdet i kredsrådet og lokalrådene om kriminalitetsforebyggende indsatser.

Failing::

    text: Samarbejdet i kredsraadet og lokalrådene om kriminalitetsforbyggende indsatser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from samplan.lexicon import term_slips
from samplan.rules.base import Context, Finding
from samplan.texts import text_fields

CODE = "SP116"
NAME = "misspelt-official-term"
SEVERITY = "note"
SOURCE = "retsplejeloven §§ 110-113"
FIRST_YEAR = 2007
WHOLE_PLAN = False

_AA = re.compile(r"\b(kreds|lokal)(raa|ra)(d\w*)", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Finding]:
    known = frozenset(w.casefold() for w in ctx.words)
    for path, text in text_fields(ctx.plan):
        found: list[tuple[int, str, str]] = []
        for match in _AA.finditer(text):
            a = "Å" if match.group(2).isupper() else "å"
            found.append((match.start(), match.group(), f"{match.group(1)}r{a}{match.group(3)}"))
        taken = {offset for offset, _, _ in found}
        found += [
            (s.offset, s.word, s.right) for s in term_slips(text, known) if s.offset not in taken
        ]
        for offset, word, right in sorted(found):
            yield Finding(f"'{word}' is misspelt", path, f"write '{right}'", offset=offset)
