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
from samplan.locale import t
from samplan.rules.base import Context, Finding

CODE = "SP116"
NAME = "misspelt-official-term"
SEVERITY = "note"
SOURCE = "retsplejeloven §§ 110-113"
FIRST_YEAR = 2007
WHOLE_PLAN = False

_AA = re.compile(r"\b(kreds|lokal)(raa|ra)(d\w*)", re.IGNORECASE)


def _may_hold_aa(text: str) -> bool:
    """Whether _AA may match: whatever re.IGNORECASE matches to its letters casefolds to
    them ('K', U+212A, to 'k'), letter by letter. One look at the text costs less than
    screening its tokens."""
    folded = text.casefold()
    return "kredsra" in folded or "lokalra" in folded


def check(ctx: Context) -> Iterator[Finding]:
    for path, text, tokens in ctx.prose:
        found: list[tuple[int, str, str]] = []
        for match in _AA.finditer(text) if _may_hold_aa(text) else ():
            a = "Å" if match.group(2).isupper() else "å"
            found.append((match.start(), match.group(), f"{match.group(1)}r{a}{match.group(3)}"))
        taken = {offset for offset, _, _ in found}
        found += [
            (s.offset, s.word, s.right)
            for s in term_slips(text, ctx.known_words, tokens)
            if s.offset not in taken
        ]
        for offset, word, right in sorted(found):
            yield Finding(
                t("rule.misspelt", word=word),
                path,
                t("rule.misspelt.help", word=right),
                offset=offset,
            )
