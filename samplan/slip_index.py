"""Finding the form a word is one slip from (a swap of neighbours, a letter dropped,
added or changed) among a few thousand forms, and screening a text's tokens before its
words are read: the machinery of samplan.lexicon, which holds what the forms are."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Set


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


def _halves(word: str, n: int) -> tuple[tuple[int, str], tuple[int, str]]:
    """The keys of the head and the tail that one slip leaves a word of length `n` (or
    a form that a word of length `n` is one slip from) at least one of: the first
    (n-1)//2 letters and the last n-1-(n-1)//2, as one slip changes at most two
    neighbouring letters or one letter's place."""
    head = (n - 1) // 2
    return (n, word[:head]), (-n, word[len(word) - (n - 1 - head) :])


class SlipIndex:
    """Forms indexed by their heads and tails (`_halves`), so that a word's near forms are
    found without comparing it to every form."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.forms = {f.casefold(): f for f in forms}
        self.seen: dict[str, str | None] = {}  # prose repeats its words: each looked up once
        self.index: dict[tuple[int, str], list[str]] = {}
        add = self.index.setdefault
        for folded in self.forms:
            length = len(folded)
            for n in range(max(length - 1, 1), length + 2):
                head = (n - 1) // 2  # _halves(folded, n), written out: built in every check
                add((n, folded[:head]), []).append(folded)
                add((-n, folded[length - (n - 1 - head) :]), []).append(folded)

    def candidates(self, words: Iterable[str]) -> Iterator[str]:
        """The words that may be one slip from a form: those whose head or tail (by
        `_halves`) some form shares. near() finds nothing for any other word."""
        index = self.index
        for word in words:
            folded = word.casefold()
            n = len(folded)
            head = (n - 1) // 2
            if (n, folded[:head]) in index or (-n, folded[head + 1 :]) in index:
                yield word

    def near(self, word: str) -> str | None:
        """The form one slip from `word`, or None (also when `word` is a form itself)."""
        return self.near_folded(word.casefold())

    def near_folded(self, folded: str) -> str | None:
        """near() of a word already casefolded."""
        if folded not in self.seen:
            self.seen[folded] = self._near(folded)
        return self.seen[folded]

    def _near(self, folded: str) -> str | None:
        if folded in self.forms:
            return None
        head, tail = _halves(folded, len(folded))
        found = self.index.get(head, []) + self.index.get(tail, [])
        close = sorted(f for f in found if _one_slip(folded, f)) if found else None
        return self.forms[close[0]] if close else None


class Screen:
    """Which whitespace-separated tokens `may_slip`; each token is judged once in a
    process, so that a text none of whose tokens may slip passes without being read word
    by word (prose repeats its words). No word and no slip spans whitespace, so the
    tokens not judged yet are judged together, joined by spaces; a batch that may slip
    is halved until its suspects stand alone."""

    def __init__(self, may_slip: Callable[[str], bool]) -> None:
        self.may_slip = may_slip
        self.judged: set[str] = set()
        self.suspects: set[str] = set()

    def passes(self, tokens: Set[str]) -> bool:
        """Whether none of a text's tokens may slip."""
        new = tokens - self.judged
        if new:
            self._judge(sorted(new))
            self.judged |= new  # after its suspects: a token judged is never a suspect missed
        return self.suspects.isdisjoint(tokens)

    def _judge(self, batch: list[str]) -> None:
        if self.may_slip(" ".join(batch)):
            if len(batch) == 1:
                self.suspects.add(batch[0])
            else:
                self._judge(batch[: len(batch) // 2])
                self._judge(batch[len(batch) // 2 :])
