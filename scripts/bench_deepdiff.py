"""The peer of `samplan diff` in `make bench`: DeepDiff of two plan files keyed by id.

Run by the benchmark environment's Python (.venv-bench), never by samplan's: the YAML is
read with libyaml (yaml.CSafeLoader), the entities of each kind keyed by their id (so
that reordering is no change, as in samplan diff), and the difference printed as JSON.

Usage: python scripts/bench_deepdiff.py OLD.yaml NEW.yaml
"""

from __future__ import annotations

import sys
from typing import Any

import yaml
from deepdiff import DeepDiff

KINDS = ("bodies", "fora", "initiatives", "sections")


def keyed(items: Any) -> Any:
    """A list of entities as a mapping by id; nested sections likewise."""
    if not isinstance(items, list):
        return items
    result = {}
    for item in items:
        if isinstance(item, dict) and "sections" in item:
            item = {**item, "sections": keyed(item["sections"])}
        result[str(item.get("id") or item.get("title"))] = item
    return result


def load(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    return {key: keyed(value) if key in KINDS else value for key, value in data.items()}


def main() -> None:
    old, new = (load(path) for path in sys.argv[1:3])
    sys.stdout.write(DeepDiff(old, new, verbose_level=2).to_json() + "\n")


if __name__ == "__main__":
    main()
