"""Soft hyphens in long Danish words, so that a narrow box or column breaks a compound
("Kriminalitetsforebyggelsessekretariatet") at a syllable, with a hyphen, instead of
cutting it off or splitting it anywhere.

The patterns are pyphen's Danish dictionary (the LibreOffice hyphenation patterns):
browsers hyphenate Danish with `hyphens: auto` only where they ship the patterns, which
headless and Linux browsers often do not, and WeasyPrint needs them for the PDF too.
"""

from __future__ import annotations

from functools import cache

import pyphen

SHY = "\u00ad"
HYPHENATE_FROM = 12  # letters: shorter words fit any box


@cache
def _danish() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="da_DK")


def hyphenated(text: str) -> str:
    """`text` with soft hyphens at the syllables of its long words."""
    words = text.split(" ")
    return " ".join(
        _danish().inserted(w, hyphen=SHY) if len(w) >= HYPHENATE_FROM else w for w in words
    )
