"""The reference registry: the 12 police districts and their 98 municipalities.

Shipped inside the package: `samplan/reference/districts.yaml`, with its sources, and
`districts.json`, what the code reads of it (reading the YAML costs ten times building the
registry; `python -m samplan.registry` writes the JSON anew, tests/test_registry.py
holds the two equal). Plans name municipalities by short name or alias; `resolve` maps any accepted
spelling to the registry entry, and `suggest` finds the closest names for a typo.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

REFERENCE = Path(__file__).parent / "reference"  # beside this module: importlib.resources
# would cost more than the read itself

# Spellings in use besides the registry's short names (see the registry's field notes).
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "Nordfyns": ("Nordfyn",),
    "Vesthimmerlands": ("Vesthimmerland",),
    "Aarhus": ("Århus",),
    "København": ("Københavns",),
    "Bornholm": ("Bornholms", "Bornholms Regionskommune"),
    "Halsnæs": ("Frederiksværk-Hundested",),
    "Faaborg-Midtfyn": ("Fåborg-Midtfyn",),
    "Lyngby-Taarbæk": ("Lyngby-Tårbæk", "Lyngby"),
    "Høje-Taastrup": ("Høje-Tåstrup",),
    "Ringkøbing-Skjern": ("Ringkøbing",),
}


# NamedTuples, not frozen dataclasses: defining one costs every command ~0.3 ms.
class Municipality(NamedTuple):
    short: str
    name: str
    code: str
    district: str
    aliases: tuple[str, ...]


class District(NamedTuple):
    id: str
    name: str
    municipalities: tuple[Municipality, ...]

    @property
    def short_names(self) -> tuple[str, ...]:
        return tuple(m.short for m in self.municipalities)


class Registry(NamedTuple):
    districts: dict[str, District]
    by_spelling: dict[str, Municipality]

    def district(self, district_id: str) -> District | None:
        return self.districts.get(district_id)

    def resolve(self, name: str) -> Municipality | None:
        """The municipality a plan means by `name` (short name, alias or official name)."""
        return self.by_spelling.get(_fold(name))

    def suggest(self, name: str, within: str | None = None, n: int = 3) -> list[str]:
        """The closest short names to a misspelt municipality, best first."""
        import difflib  # only for a misspelt name

        pool = self._spellings(within)
        matches = difflib.get_close_matches(_fold(name), list(pool), n=n * 3, cutoff=0.6)
        seen: list[str] = []
        for match in matches:
            short = pool[match].short
            if short not in seen:
                seen.append(short)
        return seen[:n]

    def suggest_district(self, district_id: str) -> list[str]:
        import difflib

        return difflib.get_close_matches(district_id, list(self.districts), n=3, cutoff=0.5)

    def _spellings(self, within: str | None) -> dict[str, Municipality]:
        if within is None:
            return self.by_spelling
        return {k: m for k, m in self.by_spelling.items() if m.district == within}


def _fold(name: str) -> str:
    folded = " ".join(name.split()).casefold()
    return folded.removesuffix(" kommune")


def compiled(raw: dict[str, Any]) -> dict[str, Any]:
    """What the registry reads of districts.yaml (as `raw`), as districts.json holds it."""
    return {
        "districts": [
            {
                "id": entry["id"],
                "name": entry["name"],
                "municipalities": [
                    {"short": m["short"], "name": m["name"], "code": str(m["code"])}
                    for m in entry["municipalities"]
                ],
            }
            for entry in raw["districts"]
        ]
    }


def compile_reference() -> str:
    """districts.json's text, made from districts.yaml."""
    import yaml

    raw = yaml.load((REFERENCE / "districts.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader)
    return json.dumps(compiled(raw), ensure_ascii=False, indent=1) + "\n"


@cache
def registry() -> Registry:
    """Load the registry shipped with the package (once per process)."""
    raw = json.loads((REFERENCE / "districts.json").read_text("utf-8"))
    districts: dict[str, District] = {}
    by_spelling: dict[str, Municipality] = {}
    for entry in raw["districts"]:
        munis = []
        for m in entry["municipalities"]:
            aliases = EXTRA_ALIASES.get(m["short"], ())
            muni = Municipality(m["short"], m["name"], m["code"], entry["id"], aliases)
            munis.append(muni)
            for spelling in (muni.short, muni.name, *aliases):
                by_spelling[_fold(spelling)] = muni
        districts[entry["id"]] = District(entry["id"], entry["name"], tuple(munis))
    return Registry(districts, by_spelling)


if __name__ == "__main__":  # python -m samplan.registry: districts.json from districts.yaml
    (REFERENCE / "districts.json").write_text(compile_reference(), "utf-8")
