"""The words a published plan must spell right: official terms and the registry's names,
and a matcher that finds a word one slip away from one of them (a letter swapped,
dropped, added or replaced), for the prose rules.

A word is only suspect when it is not itself a known form, not in the repository's own
word list, and not an ordinary Danish word or place name one slip from an entry
(`near_words`); short words are never suspect, since too many ordinary words lie one slip
from a short name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from samplan.registry import registry

# Official terms, with the endings Danish gives them (kredsråd, kredsrådet, kredsrådets...).
_NEUTER = ("", "et", "ets", "ene", "enes", "s")
_COMMON = ("", "en", "ens", "er", "erne", "ernes")
_TERMS: dict[str, tuple[str, ...]] = {
    "kredsråd": _NEUTER,
    "lokalråd": _NEUTER,
    "banderåd": _NEUTER,
    "kontaktudvalg": _NEUTER,
    "koordinationsudvalg": _NEUTER,
    "samarbejdsplan": _COMMON,
    "handlingsplan": _COMMON,
    "politidirektør": _COMMON,
    "politistation": _COMMON,
    "beredskabskommission": _COMMON,
    "politikreds": ("", "en", "ens", "e", "ene", "enes"),
    "beredskabsstab": ("", "en", "ens", "e", "ene"),
    "forebyggende": ("",),
    "kriminalitetsforebyggende": ("",),
    "kriminalpræventiv": ("", "e"),
    "kriminalitet": ("", "en", "ens"),
    "ungdomskriminalitet": ("", "en", "ens"),
    "retsplejelov": ("", "en", "ens"),
    "kriminalforsorg": ("", "en", "ens"),
    "anklagemyndighed": ("", "en", "ens"),
    "samarbejde": ("", "t", "ts", "r", "rne", "rnes"),
    "politiet": ("", "s"),
    "lokalpoliti": ("", "et", "ets"),
    "nærpoliti": ("", "et", "ets"),
    "borgmester": ("", "en", "ens"),
    "borgmestre": ("", "ne", "nes"),
}
# Inflected Danish words one slip from a term form, beside the dictionary's own words in
# reference/near_words.txt (written by scripts/near_words.py).
_INFLECTED_NEAR = {"forebyggede", "politier", "samarbejder", "samarbejdes", "politikredses"}


@cache
def near_words() -> frozenset[str]:
    """Danish words and place names one slip from a term or a name: never a slip."""
    text = resources.files("samplan").joinpath("reference/near_words.txt").read_text("utf-8")
    listed = {w for w in text.splitlines() if w and not w.startswith("#")}
    return frozenset(listed | _INFLECTED_NEAR)


MIN_TERM_LENGTH = 7  # shorter words lie one slip from too many ordinary ones
MIN_NAME_LENGTH = 6

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SKIPPED = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|`[^`]*`|\]\([^)]*\)")


@dataclass(frozen=True)
class Slip:
    """A word one slip from a lexicon entry: where it stands, and what to write."""

    word: str
    offset: int
    right: str


def words(text: str) -> Iterator[tuple[str, int]]:
    """(word, offset) of the words of a text, leaving out addresses, code and link targets."""
    skipped = iter(m.span() for m in _SKIPPED.finditer(text))
    span = next(skipped, None)
    for match in _WORD.finditer(text):  # both in text order: one pass over each
        while span is not None and span[1] <= match.start():
            span = next(skipped, None)
        if span is None or match.start() < span[0]:
            yield match.group(), match.start()


@cache
def term_forms() -> frozenset[str]:
    return frozenset(stem + end for stem, ends in _TERMS.items() for end in ends)


@cache
def name_forms() -> frozenset[str]:
    """The registry's municipality and district names, and the words of district names,
    each also in the genitive ('Odenses', 'Fyns')."""
    reg = registry()
    names: set[str] = set()
    for district in reg.districts.values():
        for word in district.name.replace("- ", " ").split():
            if len(word) > 2 and word != "Politi":
                names.update((word, word.removesuffix("s")))
        for m in district.municipalities:
            names.update((m.short, *m.aliases))
    return frozenset(n for name in names for n in (name, name + "s"))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_slip(a: str, b: str) -> bool:
    """Whether a and b differ by one swap of neighbours, deletion, insertion or change."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return short in _deletions(long)


class Lexicon:
    """Forms indexed by their one-letter deletions, so that a word's near forms are found
    without comparing it to every form."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.forms = {f.casefold(): f for f in forms}
        self.seen: dict[str, str | None] = {}  # prose repeats its words: each looked up once
        self.index: dict[str, set[str]] = {}
        for folded in self.forms:
            for key in {folded, *_deletions(folded)}:
                self.index.setdefault(key, set()).add(folded)

    def near(self, word: str) -> str | None:
        """The form one slip from `word`, or None (also when `word` is a form itself)."""
        folded = word.casefold()
        if folded not in self.seen:
            self.seen[folded] = self._near(folded)
        return self.seen[folded]

    def _near(self, folded: str) -> str | None:
        if folded in self.forms:
            return None
        found: set[str] = set()
        for key in {folded, *_deletions(folded)}:
            found |= self.index.get(key, set())
        close = sorted(f for f in found if _one_slip(folded, f))
        return self.forms[close[0]] if close else None


@cache
def terms() -> Lexicon:
    return Lexicon(term_forms())


@cache
def names() -> Lexicon:
    return Lexicon(name_forms())


def in_case_of(word: str, right: str) -> str:
    """The right spelling with the word's capital letter: 'Kredsrådt' -> 'Kredsråd'."""
    return right[:1].upper() + right[1:] if word[:1].isupper() else right


def term_slips(text: str, known: frozenset[str] = frozenset()) -> Iterator[Slip]:
    """Words (or parts of hyphenated words) one slip from an official term."""
    for word, offset in words(text):
        at = offset
        for part in word.split("-"):
            folded = part.casefold()
            ordinary = folded in known or folded in near_words()  # no set built per word
            if len(part) >= MIN_TERM_LENGTH and not ordinary:
                right = terms().near(part)
                if right is not None and not part.isupper():
                    yield Slip(part, at, in_case_of(part, right))
            at += len(part) + 1


def name_slips(text: str, known: frozenset[str] = frozenset()) -> Iterator[Slip]:
    """Capitalised words one slip from a municipality's or district's name."""
    for word, offset in words(text):
        if len(word) < MIN_NAME_LENGTH or not word[:1].isupper() or word.isupper():
            continue
        folded = word.casefold()
        if folded in known or folded in near_words() or folded in term_forms():
            continue
        right = names().near(word)
        if right is not None and right[:1].casefold() == word[:1].casefold():
            yield Slip(word, offset, right)
