"""`make bench`: whole-process runs as ratios to their floors, measured in one run.

Every figure is the median wall-clock time of a fresh process (interpreter start-up and
imports count, as they do for a user) divided by the median of its floor, timed in the
same run, the commands taking turns (round robin) so that a drift of the machine
affects every command alike:

Every process may write and use bytecode (PYTHONDONTWRITEBYTECODE is dropped), as an
installed samplan does; the first, untimed run of each command writes it.

* F, `python -c "import yaml, click; from pydantic import BaseModel"`: the least any
  pydantic-based check can cost. Floor of the cold check and of the cache hit.
* Fb, F with jinja2 and markdown: the floor of `samplan build`.
* F + A, F with a first model defined and validated (`class A(BaseModel): x: int`):
  pydantic's schema machinery, which any check that validates with pydantic imports;
  printed beside yamllint, to show how far ahead a cold check can be.
* the peers, in their own environment (.venv-bench, pinned in bench-requirements.txt,
  never a dependency of samplan): DeepDiff keyed by id on libyaml for `samplan diff`,
  yamllint and check-jsonschema for `samplan check`, on the very same plan file.

The plans are a seed (data/midt-og-vestsjaellands-politi/2007, 18 KB as one file) made
1x, 10x, 30x and 100x larger (scripts/bench_plans.py); the scaling series gives time
per MB and peak memory (the largest resident set of the process) of check and diff.

Usage: `make bench`, or `.venv/bin/python scripts/bench.py [--runs N] [--quick]
[--peers .venv-bench/bin]`. No timing is asserted anywhere: this prints numbers for
people to read.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SEED = DATA / "midt-og-vestsjaellands-politi" / "2007"
# Another part of the project may add scripts/hostile_shapes.py (plans of hostile shape:
# long blank runs, thousands of partners). HOOK: when it is there and has
# `write_plans(data: Path) -> None`, a cold check of the plans it writes is timed too.
HOSTILE_SHAPES = REPO / "scripts" / "hostile_shapes.py"
FLOOR_F = "import yaml, click; from pydantic import BaseModel"
FLOOR_FB = "import yaml, click, jinja2, markdown; from pydantic import BaseModel"
# F and a first model validated: what pydantic's schema machinery costs any check that uses it.
FLOOR_FA = FLOOR_F + "\nclass A(BaseModel):\n    x: int\nA(x=1)"
MB = 1024 * 1024
# Every process may write and read bytecode, as an installed samplan does: a session
# with PYTHONDONTWRITEBYTECODE set would otherwise time the compiling of every module.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def fail(message: str) -> NoReturn:
    sys.exit(f"bench: {message}")


@dataclass(frozen=True)
class Pair:
    """A plan N times the seed and its next year, each one file (scripts/bench_plans.py)."""

    copies: int
    old: Path
    new: Path
    bytes: int


@dataclass
class Command:
    """One process to time; `ok` are the exit codes that count as a run."""

    name: str
    argv: list[str]
    cwd: Path = REPO
    env: dict[str, str] = field(default_factory=lambda: ENV)
    ok: tuple[int, ...] = (0,)
    after: Callable[[], None] = lambda: None
    times: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)  # bytes
    cpu: list[float] = field(default_factory=list)  # user + system seconds

    def run(self) -> None:
        """Run once, fail loudly on an exit code not in `ok`, record time and memory."""
        start = time.perf_counter()
        proc = subprocess.Popen(
            self.argv, cwd=self.cwd, env=self.env, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        assert proc.stderr is not None
        stderr = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        self.after()
        if proc.returncode not in self.ok:
            text = stderr.decode("utf-8", "replace").strip()[-2000:]
            fail(f"{self.name} exited {proc.returncode}: {' '.join(self.argv)}\n{text}")
        self.times.append(seconds)
        self.peaks.append(usage.ru_maxrss * 1024)  # kilobytes on Linux
        self.cpu.append(usage.ru_utime + usage.ru_stime)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak(self) -> int:
        return max(self.peaks)


@dataclass
class Row:
    """A figure of the report: a command over its floor, and the goal for the ratio."""

    what: str
    command: Command
    floor: Command
    goal: float | None = None  # the ratio should be at most this


@dataclass
class Setup:
    """Everything timed, in the order of the report."""

    commands: list[Command] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    series: list[tuple[Pair, Command, Command]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, command: Command) -> Command:
        self.commands.append(command)
        return command


def samplan_executable() -> str:
    exe = Path(sys.executable).parent / "samplan"
    if not exe.is_file():
        fail(f"no samplan next to {sys.executable}: install samplan first (make build)")
    return str(exe)


def human(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def size(count: int) -> str:
    return f"{count / 1024:.0f} KB" if count < MB else f"{count / MB:.1f} MB"


def samplan_rows(setup: Setup, samplan: str, work: Path) -> tuple[Command, Command]:
    """The floors, and samplan's cold check, cache hit and build of data/."""
    python = sys.executable
    f = setup.add(Command("F", [python, "-c", FLOOR_F]))
    fb = setup.add(Command("Fb", [python, "-c", FLOOR_FB]))
    data = ["--data", str(DATA)]
    cold = setup.add(
        Command("check --no-cache", [samplan, "check", *data, "--no-cache"], ok=(0, 1))
    )
    cache_env = {**ENV, "SAMPLAN_CACHE_DIR": str(work / "cache")}
    hit = setup.add(
        Command("check (cache hit)", [samplan, "check", *data], env=cache_env, ok=(0, 1))
    )
    out = work / "out"
    build = setup.add(
        Command(
            "build",
            [samplan, "build", *data, "--out", str(out)],
            after=lambda: shutil.rmtree(out, ignore_errors=True),
        )
    )
    # A repository with templates of its own: rendered in the limited worker, compiled
    # once into the bytecode cache (the first, untimed run writes it).
    own = work / "own-templates"
    shutil.copytree(REPO / "templates", own)
    out_own = work / "out-own"
    argv = [samplan, "build", *data, "--out", str(out_own), "--templates", str(own)]
    build_own = setup.add(
        Command(
            "build (own templates)",
            argv,
            env=cache_env,
            after=lambda: shutil.rmtree(out_own, ignore_errors=True),
        )
    )
    setup.rows += [
        Row("cold samplan check of data/", cold, f, 1.6),
        Row("samplan check, unchanged repository (cache hit)", hit, f, 0.8),
        Row("samplan build of data/", build, fb, 2.2),
        Row("samplan build of data/, a repository's own templates", build_own, fb),
    ]
    return f, fb


def peer(peers: Path | None, tool: str, setup: Setup) -> str | None:
    """The path of a peer's executable, or None (with a note) when it is not installed."""
    exe = peers / tool if peers is not None else None
    if exe is None or not exe.is_file():
        where = f"in {peers}" if peers else "(no --peers given)"
        setup.notes.append(f"{tool} not found {where}: `make bench` installs the peers")
        return None
    return str(exe)


def scaling(setup: Setup, samplan: str, work: Path, scales: list[int]) -> dict[int, Pair]:
    """The plans of every scale, and a timed check and diff of each."""
    script = str(REPO / "scripts" / "bench_plans.py")
    argv = [sys.executable, script, str(SEED), str(work), *map(str, scales)]
    written = subprocess.run(argv, capture_output=True, text=True, env=ENV, check=False)
    if written.returncode != 0:
        fail(f"the plans could not be written:\n{written.stderr}")
    pairs = {}
    for line in written.stdout.splitlines():
        raw = json.loads(line)
        pair = Pair(raw["copies"], Path(raw["old"]), Path(raw["new"]), raw["bytes"])
        pairs[pair.copies] = pair
        data = pair.old.parent.parent.parent
        year = pair.old.parent.name
        check = Command(
            f"check {pair.copies}x",
            [samplan, "check", year, "--data", str(data), "--no-cache"],
            ok=(0, 1),
        )
        diff = Command(
            f"diff {pair.copies}x",
            [samplan, "diff", str(pair.old.parent), str(pair.new.parent), "--format", "json"],
        )
        setup.series.append((pair, setup.add(check), setup.add(diff)))
    return pairs


def peer_rows(setup: Setup, peers: Path | None, big: Pair, small: Pair, work: Path) -> None:
    """DeepDiff, yamllint and check-jsonschema, each beside samplan on the same file."""
    checks = {c.name: c for _, c, _ in setup.series}
    diffs = {d.name: d for _, _, d in setup.series}
    python = peer(peers, "python", setup)
    if python is not None:
        script = str(REPO / "scripts" / "bench_deepdiff.py")
        deepdiff = setup.add(Command("DeepDiff", [python, script, str(big.old), str(big.new)]))
        what = f"samplan diff vs DeepDiff keyed by id (libyaml), {size(big.bytes)}"
        setup.rows.append(Row(what, diffs[f"diff {big.copies}x"], deepdiff, 0.5))
    yamllint = peer(peers, "yamllint", setup)
    if yamllint is not None:
        lint = setup.add(Command("yamllint", [yamllint, str(small.old)], ok=(0, 1)))
        what = f"samplan check vs yamllint, {size(small.bytes)}"
        setup.rows.append(Row(what, checks[f"check {small.copies}x"], lint, 1.0))
        # For the pre-commit hook: the same file unchanged since the last check.
        data, year = str(small.old.parent.parent.parent), small.old.parent.name
        cache_env = {**ENV, "SAMPLAN_CACHE_DIR": str(work / "cache-small")}
        argv = [samplan_executable(), "check", year, "--data", data]
        hit = setup.add(Command("check 1x (cache hit)", argv, env=cache_env, ok=(0, 1)))
        what = f"samplan check (cache hit) vs yamllint, {size(small.bytes)}"
        setup.rows.append(Row(what, hit, lint))
        # Why a cold check cannot be ahead: a first pydantic model alone, against yamllint.
        first_model = setup.add(Command("F+A", [sys.executable, "-c", FLOOR_FA]))
        setup.rows.append(Row("F + a first pydantic model vs yamllint", first_model, lint))
    validator = peer(peers, "check-jsonschema", setup)
    if validator is not None:
        schema = work / "plan.schema.json"
        with schema.open("wb") as handle:
            subprocess.run([samplan_executable(), "schema"], stdout=handle, env=ENV, check=True)
        for pair, goal in ((small, None), (big, 1 / 6)):
            argv = [validator, "--schemafile", str(schema), str(pair.old)]
            cjs = setup.add(Command(f"check-jsonschema {pair.copies}x", argv, ok=(0, 1)))
            what = f"samplan check vs check-jsonschema, {size(pair.bytes)}"
            setup.rows.append(Row(what, checks[f"check {pair.copies}x"], cjs, goal))


def hostile_rows(setup: Setup, samplan: str, work: Path, f: Command) -> None:
    """HOOK for scripts/hostile_shapes.py (see HOSTILE_SHAPES), when it is there; its
    write_plans(data) runs in a process of its own, as bench_plans.py does."""
    if not HOSTILE_SHAPES.is_file():
        return
    data = work / "data-hostile"
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
        "import hostile_shapes as h; w = getattr(h, 'write_plans', None); "
        "sys.exit(3) if w is None else w(Path(sys.argv[2]))"
    )
    argv = [sys.executable, "-c", code, str(HOSTILE_SHAPES.parent), str(data)]
    written = subprocess.run(argv, capture_output=True, text=True, env=ENV, check=False)
    if written.returncode != 0:
        why = "has no write_plans(data)" if written.returncode == 3 else "failed"
        setup.notes.append(f"scripts/hostile_shapes.py {why}: the hostile shapes not timed")
        return
    mb = sum(p.stat().st_size for p in data.rglob("*.yaml")) / 1e6
    argv = [samplan, "check", "--data", str(data), "--no-cache"]
    command = setup.add(Command("check hostile", argv, ok=(0, 1)))
    setup.rows.append(Row(f"cold samplan check of the hostile shapes, {mb:.1f} MB", command, f))
    argv = [samplan, "build", "--data", str(data), "--out", str(work / "out-hostile")]
    command = setup.add(Command("build hostile", argv, ok=(0, 1)))
    setup.rows.append(Row(f"samplan build of the hostile shapes, {mb:.1f} MB", command, f))


def print_report(setup: Setup, runs: int, f: Command, fb: Command) -> None:
    version = subprocess.run(
        [samplan_executable(), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(
        f"samplan bench: {version}; Python {platform.python_version()} on "
        f"{platform.machine()}, {os.cpu_count()} CPUs; {runs} interleaved run(s), medians"
    )
    print(f'F  = {human(f.median)}  python -c "{FLOOR_F}"')
    print(f'Fb = {human(fb.median)}  python -c "{FLOOR_FB}"\n')
    width = max(len(r.what) for r in setup.rows)
    print(f"{'what':<{width}}  {'time':>8}  {'floor':>8}  {'ratio':>6}  {'cpu':>6}  goal")
    for row in setup.rows:
        ratio = row.command.median / row.floor.median
        cpu = row.command.cpu_median / row.floor.cpu_median
        goal = "" if row.goal is None else f"<= {row.goal:.2f}"
        if row.goal is not None:
            goal += "  met" if ratio <= row.goal else "  NOT met"
        print(
            f"{row.what:<{width}}  {human(row.command.median):>8}  "
            f"{human(row.floor.median):>8}  {ratio:>6.2f}  {cpu:>6.2f}  {row.floor.name} {goal}"
        )
    print(
        "(ratio: of the medians of wall-clock time, as a user waits; cpu: of user + system "
        "time,\n which other load on a shared machine disturbs less)"
    )
    print(
        "\nscaling: one plan N times the seed; check (cold) and diff (json) of it and its next year"
    )
    print(f"{'N':>4}  {'size':>7}  {'check':>8}  {'s/MB':>6}  {'peak':>7}  "
          f"{'diff':>8}  {'s/MB':>6}  {'peak':>7}")  # fmt: skip
    per_mb = {}
    for pair, check, diff in setup.series:
        megabytes = pair.bytes / MB
        per_mb[pair.copies] = diff.median / megabytes
        print(
            f"{pair.copies:>3}x  {size(pair.bytes):>7}  {human(check.median):>8}  "
            f"{check.median / megabytes:>6.2f}  {size(check.peak):>7}  "
            f"{human(diff.median):>8}  {diff.median / megabytes:>6.2f}  {size(diff.peak):>7}"
        )
    if 10 in per_mb and 100 in per_mb:
        ratio = per_mb[100] / per_mb[10]
        verdict = "met" if ratio <= 1.2 else "NOT met"
        print(f"diff time per MB at 100x / at 10x: {ratio:.2f} (goal <= 1.20, {verdict})")
    for note in setup.notes:
        print(f"note: {note}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (7)")
    parser.add_argument(
        "--quick", action="store_true", help="one timed run each, scales 1x, 10x and 100x"
    )
    parser.add_argument(
        "--peers", type=Path, help="the bin/ folder of the peers' environment (.venv-bench/bin)"
    )
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    if runs < 1:
        parser.error("--runs must be at least 1")
    scales = [1, 10, 100] if args.quick else [1, 10, 30, 100]
    samplan = samplan_executable()
    work = Path(tempfile.mkdtemp(prefix="samplan-bench-"))
    try:
        setup = Setup()
        f, fb = samplan_rows(setup, samplan, work)
        pairs = scaling(setup, samplan, work, scales)
        peer_rows(setup, args.peers, pairs[100], pairs[1], work)
        hostile_rows(setup, samplan, work, f)
        for command in setup.commands:  # a first run of each: caches warm, failures loud
            command.run()
            command.times.clear()
            command.peaks.clear()
            command.cpu.clear()
        for _ in range(runs):
            for command in setup.commands:
                command.run()
        print_report(setup, runs, f, fb)
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
