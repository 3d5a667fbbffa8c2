"""The words a published plan must spell right: official terms and the registry's names,
and the words of a text one slip away from one of them (a letter swapped, dropped, added
or replaced; found through samplan.slip_index), for the prose rules.

A word is only suspect when it is not itself a known form, not in the repository's own
word list, and not an ordinary Danish word or place name one slip from an entry
(`near_words`); short words are never suspect, since too many ordinary words lie one slip
from a short name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from functools import cache
from pathlib import Path
from typing import NamedTuple

from samplan.registry import registry
from samplan.slip_index import Screen, SlipIndex

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
    # Beside this module, in a checkout and in the wheel alike (importlib.resources would
    # cost more to import than the read itself).
    text = (Path(__file__).parent / "reference" / "near_words.txt").read_text("utf-8")
    listed = {w for w in text.splitlines() if w and not w.startswith("#")}
    return frozenset(listed | _INFLECTED_NEAR)


MIN_TERM_LENGTH = 7  # shorter words lie one slip from too many ordinary ones
MIN_NAME_LENGTH = 6

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SKIPPED = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|`[^`]*`|\]\([^)]*\)")


class Slip(NamedTuple):
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


@cache
def terms() -> SlipIndex:
    return SlipIndex(term_forms())


@cache
def names() -> SlipIndex:
    return SlipIndex(name_forms())


def in_case_of(word: str, right: str) -> str:
    """The right spelling with the word's capital letter: 'Kredsrådt' -> 'Kredsråd'."""
    return right[:1].upper() + right[1:] if word[:1].isupper() else right


def term_of(part: str) -> str | None:
    """The term `part` is one slip from, unless it is short, in capitals or ordinary."""
    if len(part) < MIN_TERM_LENGTH or part.isupper():
        return None
    folded = part.casefold()
    return None if folded in near_words() else terms().near_folded(folded)


def name_of(word: str) -> str | None:
    """The name a capitalised `word` is one slip from, unless it is short, in capitals,
    an ordinary word or a term, or the name begins with another letter."""
    if len(word) < MIN_NAME_LENGTH or not word[:1].isupper() or word.isupper():
        return None
    folded = word.casefold()
    if folded in near_words() or folded in term_forms():
        return None
    right = names().near_folded(folded)
    return right if right is not None and right[:1].casefold() == word[:1].casefold() else None


_LONG_PART = re.compile(rf"[^\W\d_]{{{MIN_TERM_LENGTH},}}")  # a word's part long enough


def _may_hold_term_slip(text: str) -> bool:
    return any(map(term_of, terms().candidates(set(_LONG_PART.findall(text)))))


def _may_hold_name_slip(text: str) -> bool:
    found = {w for w in _WORD.findall(text) if len(w) >= MIN_NAME_LENGTH and w[:1].isupper()}
    return any(map(name_of, found))


TERM_SCREEN = Screen(_may_hold_term_slip)
NAME_SCREEN = Screen(_may_hold_name_slip)


def term_slips(
    text: str, known: frozenset[str] = frozenset(), tokens: Set[str] | None = None
) -> Iterator[Slip]:
    """Words (or parts of hyphenated words) one slip from an official term; `tokens` are
    the text's own (`text.split()`) if the caller has them."""
    if TERM_SCREEN.passes(frozenset(text.split()) if tokens is None else tokens):
        return
    for word, offset in words(text):
        at = offset
        for part in word.split("-"):
            right = term_of(part)
            if right is not None and part.casefold() not in known:
                yield Slip(part, at, in_case_of(part, right))
            at += len(part) + 1


def name_slips(
    text: str, known: frozenset[str] = frozenset(), tokens: Set[str] | None = None
) -> Iterator[Slip]:
    """Capitalised words one slip from a municipality's or district's name."""
    if NAME_SCREEN.passes(frozenset(text.split()) if tokens is None else tokens):
        return
    for word, offset in words(text):
        right = name_of(word)
        if right is not None and word.casefold() not in known:
            yield Slip(word, offset, right)
