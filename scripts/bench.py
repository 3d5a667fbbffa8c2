"""Time whole-process samplan runs (medians), relative to importing yaml and pydantic.

Every measurement is a fresh process started with `subprocess` and timed on the wall
clock (`time.perf_counter`), so interpreter start-up and imports count, as they do for
a user. The baseline, `python -c "import yaml, pydantic"` with the same interpreter, is
measured in the same run, so the ratios compare across machines better than seconds.

Measured:

* `samplan --version`
* `samplan build` of all of data/ (into a temporary output folder)
* `samplan build` of a synthetic plan 100 times the size of the largest seed plan:
  its bodies, fora, initiatives and sections are copied 100 times with unique ids and
  titles, and every `include` of a copied section is pointed at its own copy's
  entities, so the plan stays valid and the work grows linearly, not quadratically.
* `samplan diff` of that synthetic plan against a next year made from it: every 5th
  entity's text changed, every 13th given a new id (found again as renamed, by
  content), every 17th removed (and taken out of the sections that include it).

Usage: `make bench`, or `.venv/bin/python scripts/bench.py [--runs N] [--quick]`.
No timing is asserted anywhere: this prints numbers for people to read.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from samplan.model import Plan
from samplan.yamlsource import read_yaml

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
TEMPLATES = REPO / "templates"
COPIES = 100
PARTS = ("bodies", "fora", "initiatives")  # what an `include` can show
KINDS = (*PARTS, "sections")  # what gets multiplied
ID_MAX, TITLE_MAX = 100, 500  # the model's limits
SLOW_SECONDS = 10.0  # a synthetic build slower than this gets at most SLOW_RUNS runs
SLOW_RUNS = 3
VERY_SLOW_SECONDS = 30.0  # worth a note in the output


def fail(message: str) -> NoReturn:
    sys.exit(f"bench: {message}")


# --- the synthetic plan -------------------------------------------------------------


def yaml_files(folder: Path) -> list[Path]:
    """The plan files of a folder, as the loader finds them."""
    return sorted(p for p in folder.iterdir() if p.suffix == ".yaml" and p.is_file())


def plan_folders(data: Path) -> list[Path]:
    """Every plan folder data/<district>/<year>/ that holds YAML."""
    return [p for p in sorted(data.glob("*/*")) if p.is_dir() and yaml_files(p)]


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in yaml_files(folder))


def read_plan(folder: Path) -> dict[str, dict[str, Any]]:
    """Each file's top-level mapping, read as samplan reads it (scalars as text)."""
    files: dict[str, dict[str, Any]] = {}
    for path in yaml_files(folder):
        doc = read_yaml(path.read_text(encoding="utf-8"))
        if doc.problems:
            fail(f"{path}: {doc.problems[0].message}")
        if doc.data is None:
            continue
        if not isinstance(doc.data, dict):
            fail(f"{path}: the top level is not a mapping")
        files[path.name] = doc.data
    return files


def entity_keys(files: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """The id of every entity by kind, as the model assigns them (sections depth first)."""
    merged = {key: value for data in files.values() for key, value in data.items()}
    plan = Plan.model_validate(merged)
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
        title = str(raw["title"])
        # A deep copy: objects shared between copies would be dumped as anchors and
        # aliases, which samplan refuses. The id goes first, as people write it.
        new = {"id": self.copy_id(key, k), **copy.deepcopy(raw)}
        new["id"] = self.copy_id(key, k)
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

    def multiply(self, kind: str, raws: list[dict[str, Any]]) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        for k in range(1, COPIES + 1):
            if kind == "sections":
                self._sections = iter(self.keys["sections"])
                result += self.sections(raws, k)
                if next(self._sections, None) is not None:
                    fail("the seed's sections and the model's section ids do not line up")
            else:
                result += self.part(kind, raws, k)
        return result


@dataclass
class Synthetic:
    seed: Path
    seed_bytes: int
    folder: Path
    files: int
    bytes: int
    entities: dict[str, tuple[int, int]]  # kind -> (in the seed, in the synthetic plan)


def write_synthetic(root: Path) -> Synthetic:
    """Write the 100x plan into root/data/<district>/<year>/ and describe it."""
    folders = plan_folders(DATA)
    if not folders:
        fail(f"no plan folders under {DATA}")
    seed = max(folders, key=folder_bytes)
    files = read_plan(seed)
    keys = entity_keys(files)
    multiplier = Multiplier(keys)
    target = root / "data" / seed.parent.name / seed.name
    target.mkdir(parents=True)
    for name, data in files.items():
        out = {
            key: multiplier.multiply(key, value) if key in KINDS and value else value
            for key, value in data.items()
        }
        text = yaml.safe_dump(out, allow_unicode=True, sort_keys=False)
        (target / name).write_text(text, encoding="utf-8")
    written = yaml_files(target)
    return Synthetic(
        seed=seed,
        seed_bytes=folder_bytes(seed),
        folder=target,
        files=len(written),
        bytes=sum(f.stat().st_size for f in written),
        entities={kind: (len(keys[kind]), len(keys[kind]) * COPIES) for kind in KINDS},
    )


def write_next_year(synthetic: Synthetic) -> int:
    """Write the synthetic plan's next year beside it, with edits; return its year."""
    year = int(synthetic.folder.name) + 1
    target = synthetic.folder.parent / str(year)
    target.mkdir()
    renamed: dict[tuple[str, str], str] = {}  # (kind, old id) -> new id
    removed: set[tuple[str, str]] = set()
    for path in yaml_files(synthetic.folder):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "year" in data:
            data["year"] = str(year)
        for kind in KINDS:
            if data.get(kind):
                data[kind] = _edit(kind, data[kind], renamed, removed)
        (target / path.name).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    for path in yaml_files(target):  # references follow the new ids
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        _follow(data, renamed, removed)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return year


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


# --- timing ---------------------------------------------------------------------------


@dataclass
class Bench:
    """One command to time: `argv(label)` gives its arguments for a run."""

    name: str
    argv: Callable[[str], list[str]]
    cwd: Path
    runs: int
    cleanup: Callable[[str], None] = lambda label: None
    times: list[float] = field(default_factory=list)

    def run(self, label: str) -> float:
        """Run once, fail loudly unless it exits 0, and return the wall-clock seconds."""
        argv = self.argv(label)
        start = time.perf_counter()
        proc = subprocess.run(argv, cwd=self.cwd, capture_output=True, check=False)
        seconds = time.perf_counter() - start
        self.cleanup(label)
        if proc.returncode != 0:
            stderr = proc.stderr.decode("utf-8", "replace").strip()
            fail(f"{self.name} exited {proc.returncode}: {' '.join(argv)}\n{stderr}")
        return seconds

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def samplan_executable() -> Path:
    exe = Path(sys.executable).parent / ("samplan.exe" if os.name == "nt" else "samplan")
    if not exe.is_file():
        fail(
            f"no samplan executable next to {sys.executable} (looked for {exe}); "
            "install samplan into this environment first (make build)"
        )
    return exe


def build_bench(
    name: str,
    tag: str,
    samplan: Path,
    data: Path,
    cwd: Path,
    outs: Path,
    runs: int,
    years: tuple[str, ...] = (),
) -> Bench:
    """A `samplan build` of `data`, into a fresh output folder outs/<tag>-<run> each run."""

    def folder(label: str) -> Path:
        return outs / f"{tag}-{label}"

    def argv(label: str) -> list[str]:
        out, templates = str(folder(label)), str(TEMPLATES)
        options = ["--data", str(data), "--out", out, "--templates", templates]
        return [str(samplan), "build", *years, *options]

    def cleanup(label: str) -> None:
        shutil.rmtree(folder(label), ignore_errors=True)

    return Bench(name, argv, cwd, runs, cleanup)


def print_report(benches: list[Bench], synthetic: Synthetic, version: str) -> None:
    print(
        f"samplan bench: {version}; Python {platform.python_version()} "
        f"({platform.python_implementation()}) on {platform.machine()}, "
        f"{os.cpu_count()} CPUs ({platform.system()})"
    )
    seed = synthetic.seed.relative_to(DATA).as_posix()
    counts = ", ".join(f"{kind} {a} -> {b}" for kind, (a, b) in synthetic.entities.items())
    print(
        f"synthetic plan: {COPIES}x {seed} ({synthetic.seed_bytes:,} bytes of YAML) -> "
        f"{synthetic.files} files, {synthetic.bytes:,} bytes "
        f"({synthetic.bytes / synthetic.seed_bytes:.1f}x); {counts}"
    )
    print()
    baseline = benches[0].median
    width = max(len(b.name) for b in benches)
    print(f"{'name':<{width}}  runs  median s  x baseline")
    for b in benches:
        print(f"{b.name:<{width}}  {b.runs:>4}  {b.median:>8.3f}  {b.median / baseline:>10.1f}")
    slow = [b for b in benches if b.median > VERY_SLOW_SECONDS]
    for b in slow:
        print(f"note: {b.name} takes {b.median:.1f} s per run (over {VERY_SLOW_SECONDS:.0f} s)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--quick", action="store_true", help="one run each, for smoke tests")
    args = parser.parse_args(argv)
    runs: int = 1 if args.quick else args.runs
    if runs < 1:
        parser.error("--runs must be at least 1")

    samplan = samplan_executable()
    work = Path(tempfile.mkdtemp(prefix="samplan-bench-"))
    try:
        synthetic = write_synthetic(work)
        old_year, new_year = synthetic.folder.name, str(write_next_year(synthetic))
        outs = work / "out"
        benches = [
            Bench(
                "python -c 'import yaml, pydantic'",
                lambda _: [sys.executable, "-c", "import yaml, pydantic"],
                REPO,
                runs,
            ),
            Bench("samplan --version", lambda _: [str(samplan), "--version"], REPO, runs),
            build_bench("samplan build data/", "data", samplan, DATA, REPO, outs, runs),
            build_bench(
                f"samplan build {COPIES}x plan",
                "synthetic",
                samplan,
                work / "data",
                work,
                outs,
                runs,
                (old_year,),
            ),
            Bench(
                f"samplan diff {COPIES}x plans",
                lambda _: [
                    *(str(samplan), "diff", old_year, new_year),
                    *("--data", str(work / "data"), "--format", "json"),
                ],
                work,
                runs,
            ),
        ]
        # One checked run of each first: it warms the caches and fails loudly (with the
        # command's stderr) on a non-zero exit, before anything is timed.
        for bench in benches:
            seconds = bench.run("check")
            if bench.name.startswith("samplan build 100x") and seconds > SLOW_SECONDS:
                bench.runs = min(bench.runs, SLOW_RUNS)
        version = subprocess.run(
            [str(samplan), "--version"], capture_output=True, text=True, check=True
        ).stdout.strip()
        # Round robin, so that a slow drift of the machine affects every command alike.
        for round_ in range(max(b.runs for b in benches)):
            for bench in benches:
                if round_ < bench.runs:
                    bench.times.append(bench.run(str(round_)))
        print_report(benches, synthetic, version)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def write_hostile(root: Path, scale: int = 1) -> tuple[Path, int]:
    """A repository under `root` holding the hostile-shaped plan (long blank runs,
    thousands of partners: scripts/hostile_shapes.py), and its size in bytes, so that its
    build's time per MB can be reported beside the normal plan's."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from hostile_shapes import write_hostile_plan

    size = write_hostile_plan(root / "data" / "fyns-politi" / "2020", scale)
    return root, size


if __name__ == "__main__":
    main()
