"""Danish text conventions: slugs, alphabetical order and dates.

Pure functions with no third-party imports, so that every stage (and `--version`)
can use them cheaply.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_SLUG_MAP = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"})

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def slugify(text: str) -> str:
    """Return an ascii id for a title: 'Kredsrådet i Fyn' -> 'kredsraadet-i-fyn'."""
    lowered = text.casefold().translate(_SLUG_MAP)
    decomposed = unicodedata.normalize("NFKD", lowered)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    return slug or "x"


# Danish collation: Æ, Ø, Å sort after Z, and "Aa" sorts as Å (DS 377).
_AFTER_Z = {"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"}


def danish_key(text: str) -> tuple[str, str]:
    """Sort key for Danish alphabetical order; ties are broken by the text itself."""
    folded = text.casefold().replace("aa", "å")
    chars: list[str] = []
    for ch in folded:
        if ch in _AFTER_Z:
            chars.append(_AFTER_Z[ch])
            continue
        base = unicodedata.normalize("NFKD", ch)[:1]
        chars.append("y" if base == "u" and ch == "ü" else base)
    return ("".join(chars), text)


def danish_date(value: dt.date) -> str:
    """Format a date the Danish way: 2020-01-01 -> '1. januar 2020'."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def join_danish(items: list[str]) -> str:
    """Join a list as Danish prose: ['a', 'b', 'c'] -> 'a, b og c'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " og " + items[-1]
