"""Rewrite samplan/reference/near_words.txt: the ordinary Danish words (and place names)
that lie one slip from an official term or a registry name, so that the prose rules never
flag them. Needs the Danish hunspell dictionary (Debian: hunspell-da).

    python scripts/near_words.py
"""

from __future__ import annotations

from pathlib import Path

from samplan.lexicon import MIN_NAME_LENGTH, MIN_TERM_LENGTH, name_forms, term_forms

ROOT = Path(__file__).resolve().parent.parent
LETTERS = "abcdefghijklmnopqrstuvwxyzæøåé"
DICTIONARY = Path("/usr/share/hunspell/da_DK.dic")


def slips(word: str) -> set[str]:
    """Every word one slip from `word`: a swap of neighbours, a deletion, an insertion or a
    change of one letter."""
    found = set()
    for i in range(len(word) + 1):
        found |= {word[:i] + c + word[i:] for c in LETTERS}
        if i < len(word):
            found.add(word[:i] + word[i + 1 :])
            found |= {word[:i] + c + word[i + 1 :] for c in LETTERS}
        if i < len(word) - 1:
            found.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return found - {word}


def main() -> int:
    candidates: set[str] = set()
    for form in term_forms():
        if len(form) >= MIN_TERM_LENGTH:
            candidates |= slips(form)
    for form in name_forms():
        if len(form) >= MIN_NAME_LENGTH and " " not in form:
            candidates |= {w[:1].upper() + w[1:] for w in slips(form.casefold())}
    known = {k.casefold() for k in term_forms() | name_forms()}
    # The dictionary's own words (its stems), not what its compounding rules accept:
    # they accept slips such as 'kredsrådt' as compounds.
    lines = DICTIONARY.read_text("utf-8", errors="replace").splitlines()[1:]
    entries = [line.strip().partition("/") for line in lines]
    stems = {w.casefold() for w, _, flags in entries if "6" not in flags.split(",")}  # 6: forbidden
    good = sorted(({c.casefold() for c in candidates} & stems) - known)
    target = ROOT / "samplan/reference/near_words.txt"
    header = "# Written by scripts/near_words.py: Danish words one slip from a lexicon entry.\n"
    target.write_text(header + "".join(w + "\n" for w in good), encoding="utf-8")
    print(f"wrote {len(good)} words to {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
