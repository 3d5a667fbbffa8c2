"""Every code samplan can print, with what the SARIF report says about each.

Taken from the loader's codes and the rule modules, and remembered in the check cache
(it is the same for one samplan), so that a check answered from the cache imports no
rule module and no plan model.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from samplan.cache import CheckCache

_CODE = re.compile(r"SP[0-9]{3}")


# A NamedTuple, not a frozen dataclass: defining one costs every command ~0.3 ms.
class Catalog(NamedTuple):
    known: frozenset[str]  # every code a setting may name
    sarif_rules: list[dict[str, Any]]  # SARIF's description of every code, in its order


def _compute() -> dict[str, Any]:
    from samplan.diagnostics import LOADER_CODES
    from samplan.report import sarif_rules
    from samplan.rules import RULES, UNUSED_SUPPRESSION

    known = {*RULES, UNUSED_SUPPRESSION[0], *(c.code for c in LOADER_CODES)}
    return {"known": sorted(known), "sarif_rules": sarif_rules()}


def _valid(data: Any) -> bool:
    """The shape _compute gives: anything else in the cache is not trusted."""
    if not isinstance(data, dict) or set(data) != {"known", "sarif_rules"}:
        return False
    known, rules = data["known"], data["sarif_rules"]
    if not isinstance(known, list) or not all(isinstance(c, str) for c in known):
        return False
    if not all(_CODE.fullmatch(c) for c in known) or not isinstance(rules, list):
        return False
    ids = [r.get("id") if isinstance(r, dict) else None for r in rules]
    return sorted(ids, key=str) == known


def catalog(cache: CheckCache) -> Catalog:
    """The catalog, from the cache when it holds a sound one."""
    data = cache.memo("catalog", _compute, _valid)
    return Catalog(frozenset(data["known"]), data["sarif_rules"])
