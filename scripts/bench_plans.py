"""The plans `make bench` times: a seed plan made N times larger, and its next year.

A plan N times the size of the seed has the seed's bodies, fora, initiatives and
sections N times over, with unique ids and titles; every `include` of a copied section
is pointed at its own copy's entities, so the plan stays valid and the work grows
linearly, not quadratically. Each plan is written as one YAML file, so that peers that
read one file (yamllint, check-jsonschema, DeepDiff) see the same bytes as samplan.

The next year of a plan has every 5th entity's text changed, every 13th given a new id
(found again as renamed, by content), every 17th removed (and taken out of the
sections that include it).
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from samplan.model import Plan
from samplan.yamlsource import read_yaml

PARTS = ("bodies", "fora", "initiatives")  # what an `include` can show
KINDS = (*PARTS, "sections")  # what gets multiplied
ID_MAX, TITLE_MAX = 100, 500  # the model's limits


class PlanError(Exception):
    """The seed cannot be multiplied."""


def read_plan(folder: Path) -> dict[str, Any]:
    """The merged top-level mapping of a plan folder, read as samplan reads it."""
    merged: dict[str, Any] = {}
    for path in sorted(folder.glob("*.yaml")):
        doc = read_yaml(path.read_text(encoding="utf-8"))
        if doc.problems or not isinstance(doc.data, dict):
            raise PlanError(f"{path}: not a plan file samplan reads")
        merged.update(doc.data)
    return merged


def entity_keys(data: dict[str, Any]) -> dict[str, list[str]]:
    """The id of every entity by kind, as the model assigns them (sections depth first)."""
    plan = Plan.model_validate(data)
    return {kind: [e.key for e in entities] for kind, entities in plan.entity_lists()}


def with_suffix(text: str, suffix: str, limit: int) -> str:
    return text[: limit - len(suffix)].rstrip("-") + suffix


@dataclass
class Multiplier:
    """Makes copy k of each entity; copy 1 keeps the seed's ids and titles."""

    keys: dict[str, list[str]]
    _sections: Iterator[str] = field(default_factory=lambda: iter(()))

    @staticmethod
    def copy_id(key: str, k: int) -> str:
        # "-c<k>" rather than "-<k>": the model derives "foo-2" for a second "Foo".
        return key if k == 1 else with_suffix(key, f"-c{k}", ID_MAX)

    def entity(self, raw: dict[str, Any], key: str, k: int) -> dict[str, Any]:
        # A deep copy: objects shared between copies would be dumped as anchors and
        # aliases, which samplan refuses. The id goes first, as people write it.
        new = {"id": self.copy_id(key, k), **copy.deepcopy(raw)}
        new["id"] = self.copy_id(key, k)
        title = str(raw["title"])
        new["title"] = title if k == 1 else with_suffix(title, f" ({k})", TITLE_MAX)
        return new

    def part(self, kind: str, raws: list[dict[str, Any]], k: int) -> list[dict[str, Any]]:
        copies = [self.entity(raw, key, k) for raw, key in zip(raws, self.keys[kind], strict=True)]
        for body in copies if kind == "bodies" else []:
            if isinstance(body.get("secretariat"), str):
                body["secretariat"] = self.copy_id(body["secretariat"], k)
        return copies

    def includes(self, value: Any, k: int) -> list[dict[str, Any]]:
        """The includes of copy k, each limited to copy k's entities by `ids`."""
        result = []
        for item in value if isinstance(value, list) else [value]:
            inc: dict[str, Any] = {"part": item} if isinstance(item, str) else dict(item)
            if inc.get("ids") is not None:
                inc["ids"] = [self.copy_id(str(i), k) for i in inc["ids"]]
            else:  # keep category/status: they then select among this copy only
                inc["ids"] = [self.copy_id(key, k) for key in self.keys[str(inc["part"])]]
            result.append(inc)
        return result

    def sections(self, raws: list[dict[str, Any]], k: int) -> list[dict[str, Any]]:
        copies = []
        for raw in raws:
            new = self.entity({**raw, "sections": None}, next(self._sections), k)
            if raw.get("include") is not None:
                new["include"] = self.includes(raw["include"], k)
            if raw.get("sections"):
                new["sections"] = self.sections(raw["sections"], k)
            elif "sections" not in raw:
                del new["sections"]
            copies.append(new)
        return copies

    def multiply(self, kind: str, raws: list[dict[str, Any]], copies: int) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        for k in range(1, copies + 1):
            if kind == "sections":
                self._sections = iter(self.keys["sections"])
                result += self.sections(raws, k)
                if next(self._sections, None) is not None:
                    raise PlanError("the seed's sections and the model's ids do not line up")
            else:
                result += self.part(kind, raws, k)
        return result


def dump(data: dict[str, Any], path: Path) -> int:
    """Write one plan file; its size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path.stat().st_size


def multiplied(seed: Path, copies: int) -> dict[str, Any]:
    """The seed's plan with its entities `copies` times over."""
    data = read_plan(seed)
    multiplier = Multiplier(entity_keys(data))
    return {
        key: multiplier.multiply(key, value, copies) if key in KINDS and value else value
        for key, value in data.items()
    }


def next_year(data: dict[str, Any]) -> dict[str, Any]:
    """The plan's next year, with edits, renames and removals (references followed)."""
    new = copy.deepcopy(data)
    new["year"] = str(int(str(data["year"])) + 1)
    renamed: dict[tuple[str, str], str] = {}  # (kind, old id) -> new id
    removed: set[tuple[str, str]] = set()
    for kind in KINDS:
        if new.get(kind):
            new[kind] = _edit(kind, new[kind], renamed, removed)
    _follow(new, renamed, removed)
    return new


def _edit(
    kind: str, items: list[Any], renamed: dict[tuple[str, str], str], removed: set[tuple[str, str]]
) -> list[Any]:
    kept = []
    for i, item in enumerate(items):
        if i % 17 == 16:
            removed.add((kind, str(item["id"])))
            continue
        if i % 5 == 0:
            key = "text" if kind == "sections" else "description"
            item[key] = f"{item.get(key) or ''} Ændret i år."
        if i % 13 == 12:
            new_id = with_suffix(str(item["id"]), "-ny", ID_MAX)
            renamed[kind, str(item["id"])] = item["id"] = new_id
        if item.get("sections"):
            item["sections"] = _edit(kind, item["sections"], renamed, removed)
        kept.append(item)
    return kept


def _follow(value: Any, renamed: dict[tuple[str, str], str], removed: set[tuple[str, str]]) -> None:
    """Point `include` ids and `secretariat` at renamed entities; drop removed ones."""
    if isinstance(value, list):
        for item in value:
            _follow(item, renamed, removed)
        return
    if not isinstance(value, dict):
        return
    part = value.get("part")
    if isinstance(value.get("ids"), list):
        ids = [i for i in value["ids"] if (part, i) not in removed]
        value["ids"] = [renamed.get((part, i), i) for i in ids]
    secretariat = ("bodies", value.get("secretariat"))
    if secretariat in removed:
        del value["secretariat"]
    elif secretariat in renamed:
        value["secretariat"] = renamed[secretariat]
    for item in value.values():
        _follow(item, renamed, removed)


def write_pair(seed: Path, copies: int, data_dir: Path) -> dict[str, Any]:
    """Write the plan `copies` times the seed and its next year, each one file in
    data_dir/<district>/<year>/plan.yaml; what was written, for make bench."""
    data = multiplied(seed, copies)
    district, year = seed.parent.name, int(str(data["year"]))
    old = data_dir / district / str(year) / "plan.yaml"
    new = data_dir / district / str(year + 1) / "plan.yaml"
    size = dump(data, old)
    dump(next_year(data), new)
    return {"copies": copies, "old": str(old), "new": str(new), "bytes": size}


def main() -> None:
    """`python scripts/bench_plans.py SEED WORK N...`: one JSON line per pair written.

    make bench runs this in a process of its own, so that its own process stays small
    (a child's peak memory, as the kernel counts it, starts from its parent's)."""
    seed, work, *scales = sys.argv[1:]
    for copies in map(int, scales):
        print(json.dumps(write_pair(Path(seed), copies, Path(work) / f"data-{copies}x")))


if __name__ == "__main__":
    main()
