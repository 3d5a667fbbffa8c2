"""Word-level changes of running text: what a reader sees struck out and inserted."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs, op being '=', '-' or '+', from a word-level comparison.

    Whitespace at the edges of a change belongs to the unchanged text around it, so
    that a marked change holds words only.
    """
    return list(_word_diff(old, new))


# Comparing two long texts word by word costs milliseconds; a page may show the same
# change twice (summary and list), and a plan the same edit of many entities' text.
@lru_cache(maxsize=1024)
def _word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    runs: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append(runs, "=", "".join(a[i1:i2]))
            continue
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        edges = after if after.strip() else before
        if not edges.strip():  # only whitespace changed: nothing a reader would see
            _append(runs, "=", after)
            continue
        _append(runs, "=", edges[: len(edges) - len(edges.lstrip())])
        _append(runs, "-", before.strip())
        _append(runs, "+", after.strip())
        _append(runs, "=", edges[len(edges.rstrip()) :])
    return tuple(runs)


def _append(runs: list[tuple[str, str]], op: str, text: str) -> None:
    if not text:
        return
    if runs and runs[-1][0] == op:
        runs[-1] = (op, runs[-1][1] + text)
    else:
        runs.append((op, text))
