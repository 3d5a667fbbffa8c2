"""Measure how much of a seed document a rendered plan.md carries.

A seed is cut into units (sentences, list items, table cells); a unit is carried when
its normalised words stand in the normalised plan.md. Photo captions, page furniture
and the seed's own table of contents are not units.
"""

from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# (seed file, plan folder under data/)
SEED_PLANS = {
    "000_758f7d39b068e202.txt": "midt-og-vestjyllands-politi/2020",
    "001_bffdf1f75c596163.txt": "sydoestjyllands-politi/2011",
    "002_64672542437428ac.txt": "midt-og-vestsjaellands-politi/2007",
    "003_9312fab8aafae410.txt": "fyns-politi/2020",
    "004_cffcdc863a6625c6.txt": "midt-og-vestsjaellands-politi/2011",
}

FURNITURE = [
    re.compile(r"Foto: "),  # photo captions
    re.compile(r"^\(Arkivfoto\)\.?$"),
    re.compile(r"^0\d [A-ZÆØÅ]"),  # running page headers: "02 En tryk politikreds"
    re.compile(r"\t\d+$"),  # the seed's table of contents: "2.1 ... <tab> 4"
    re.compile(r"^Indholdsfortegnelse$"),
    re.compile(r"^(Forum|Emne|Repræsentanter|Møder pr\. år)$"),  # table header cells
    re.compile(r"^Publiceret \d"),  # the news site's time stamp
]


def _normalise(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("\\|", " ").replace("&lt;", "<")
    text = re.sub(r"[*_#|`>\[\]()\"”“'’]", " ", text)
    text = re.sub(r"[.,:;!?–—-]", " ", text)
    return " ".join(text.casefold().split())


def units(seed_text: str) -> list[str]:
    """The sentences, list items and table cells of a seed."""
    found: list[str] = []
    for raw_line in seed_text.splitlines():
        line = raw_line.strip()
        if not line or any(p.search(raw_line) for p in FURNITURE):
            continue
        cells = [c for c in re.split(r"\t|</?p>", line) if c.strip()]
        for cell in cells:
            cell = re.sub(r"^[-•]\s+|^\d+\.\s+", "", cell.strip())
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", cell):
                if any(p.search(sentence.strip()) for p in FURNITURE):
                    continue
                if len(_normalise(sentence)) >= 2:
                    found.append(sentence.strip())
    return found


def coverage(seed_text: str, rendered: str) -> tuple[float, list[str]]:
    """The share of seed units carried by `rendered`, and the units it misses."""
    haystack = _normalise(rendered)
    all_units = units(seed_text)
    missing = [u for u in all_units if _normalise(u) not in haystack]
    return 1 - len(missing) / max(len(all_units), 1), missing
