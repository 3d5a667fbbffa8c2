"""Fuzzing: random plan structures and random edits of the seed files never crash samplan.

Whatever the input, loading, the rules and rendering end in diagnostics or a page, and
the commands exit 0 or 1 without a traceback. `make test` runs a few dozen examples of
each; `make fuzz` sets SAMPLAN_FUZZ_SECONDS and runs each test again and again, with
fresh examples, until that time is up.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2.sandbox import ImmutableSandboxedEnvironment

from samplan.build import render_plan
from samplan.check import run_rules
from samplan.cli import main
from samplan.config import Config
from samplan.loader import load_plan
from samplan.model import Body, Forum, Initiative, Person, Plan, Section
from samplan.render.environment import make_environment
from samplan.repository import PlanRef

FUZZ_SECONDS = float(os.environ.get("SAMPLAN_FUZZ_SECONDS", "0"))
EXAMPLES = 200 if FUZZ_SECONDS else 20
SEEDS = sorted((Path(__file__).resolve().parent.parent / "data").glob("*/*/*.yaml"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def repeatedly(test: Callable[[], None]) -> None:
    """Once in `make test`; in `make fuzz`, again and again for its share of the time."""
    end = time.monotonic() + FUZZ_SECONDS / 3
    test()
    while time.monotonic() < end:
        test()


# Random plan structures: the plan's own keys with plausible or arbitrary values.
TRICKY = [
    "no", "yes", "0301", "12:30", "2020-01-01", "~", "", " ", ".inf", "1e400", "-1",
    "<script>alert(1)</script>", "{{ 7*7 }}", "[a](javascript:x)", "a | b", "# h",
    "Odense", "Ikast-Brandø", "kredsråd", "lokalråd+", "strategic", "new", "fora",
    "ungdomskriminalitet", "x\u202ey", "\x1b[2J", "Ærø", "\ufeff", "a\nb", "%", "&amp;",
]  # fmt: skip
TEXT = st.sampled_from(TRICKY) | st.text(max_size=20)
SCALAR = TEXT | st.integers(-5, 2300) | st.booleans() | st.none() | st.floats()
ANY = st.recursive(
    SCALAR,
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(TEXT, kids, max_size=3),
    max_leaves=8,
)
DATE = st.dates().map(str) | TEXT
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "kind": st.sampled_from(["kredsråd", "lokalråd", "lokalråd+", "sekretariat", "andet"]),
    "level": st.sampled_from(["strategic", "tactical", "operative", "staff"]),
    "status": st.sampled_from(["new", "continued", "ended"]),
    "priority": st.sampled_from(["national", "local"]),
    "meetings": st.sampled_from([4, "ad-hoc", {"min": 4}, {"min": 2, "max": 3}, {"max": 1}]),
    "municipalities": st.lists(st.sampled_from(["Odense", "Nyborg", "Aarhus"]) | TEXT),
    "meeting_dates": st.lists(DATE | st.fixed_dictionaries({"date": DATE})),
    "agenda": st.lists(st.sampled_from(["ungdomskriminalitet", "samarbejdsplan"]) | TEXT),
    "include": st.sampled_from(["bodies", "fora", "initiatives", {"part": "fora", "ids": ["x"]}]),
    "secretariat": st.sampled_from(["x", "kredsraad", "sekretariat"]),
    "since": st.integers(1990, 2030) | TEXT,
    "rank": st.integers(-1, 20) | TEXT,
    "id": st.sampled_from(["x", "kredsraad", "a-b", "X y"]),
    "numbered": st.booleans() | TEXT,
    "chair": TEXT | st.fixed_dictionaries({}, optional={k: TEXT for k in Person.model_fields}),
}


def entity(model: type[Any], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    fields = {
        name: PLAUSIBLE.get(name, TEXT) | ANY for name in model.model_fields if name != "title"
    }
    if model is Section and depth < 2:
        fields["sections"] = st.lists(entity(Section, depth + 1), max_size=2)
    fields[TRICKY[0]] = ANY  # a key the format does not know
    return st.fixed_dictionaries({"title": TEXT}, optional=fields)


PLANS = st.fixed_dictionaries(
    {
        "district": st.sampled_from(["fyns-politi", "nordjyllands-politi", "fyn"]),
        "year": st.sampled_from([2020, "2020", 2019, "MMXX"]),
        "title": TEXT,
    },
    optional={
        "subtitle": TEXT | ANY,
        "issued_by": PLAUSIBLE["chair"] | ANY,
        "effective_from": DATE,
        "discussed_in_kredsraad": DATE,
        "published": st.fixed_dictionaries({}, optional={"date": DATE, "where": TEXT}),
        "bodies": st.lists(entity(Body), max_size=4),
        "fora": st.lists(entity(Forum), max_size=3),
        "initiatives": st.lists(entity(Initiative), max_size=3),
        "sections": st.lists(entity(Section), max_size=3),
    },
)


@cache
def environment() -> ImmutableSandboxedEnvironment:
    return make_environment()


def load_check_render(root: Path) -> None:
    """The whole pipeline in-process on the plan at root/data/fyns-politi/2020."""
    ref = PlanRef("fyns-politi", 2020, root / "data/fyns-politi/2020")
    result = load_plan(ref.folder, root)
    if result.plan is None:
        assert result.diagnostics, "a plan that failed to load must say why"
        return
    list(run_rules(result, ref, None, Config()))
    render_plan(environment(), result.plan)
    assert isinstance(result.plan, Plan)


def test_random_plan_structures(tmp_path: Path) -> None:
    folder = tmp_path / "data/fyns-politi/2020"
    folder.mkdir(parents=True)

    @FUZZ
    @given(PLANS)
    def one(plan: dict[str, Any]) -> None:
        text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
        (folder / "plan.yaml").write_text(text, "utf-8")
        load_check_render(tmp_path)

    repeatedly(one)


# Random edits of the seed files, run through the commands.
HOSTILE_LINES = [
    b"  - &a x", b"<<: *a", b"\t", b"key: [", b"'", b"!!python/object:os.system x",
    b"title: {{ 7*7 }}", b"  -", b"? x", b"---", b"...", b"%YAML 1.1", b"title: |",
    b"\xff\xfe", b"\x00", b"\xe2\x80\xae", b"sections: {", b"  text: <script>x</script>",
    b"meetings: {min: 9, max: 1}", b"  id: kredsraad", b"district: fyns-politi",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, source: bytes) -> bytes:
    lines = source.split(b"\n")
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, max(len(lines) - 1, 0)))
        action = draw(st.sampled_from(["delete", "copy", "insert", "indent", "bytes", "cut"]))
        if action == "delete" and lines:
            del lines[where]
        elif action == "copy" and lines:
            lines.insert(draw(st.integers(0, len(lines))), lines[where])
        elif action == "insert":
            lines.insert(where, draw(st.sampled_from(HOSTILE_LINES) | st.binary(max_size=12)))
        elif action == "indent" and lines:
            lines[where] = b" " * draw(st.integers(0, 5)) + lines[where].lstrip()
        elif action == "bytes" and lines:
            at = draw(st.integers(0, len(lines[where])))
            lines[where] = lines[where][:at] + draw(st.binary(max_size=4)) + lines[where][at:]
        elif action == "cut":
            lines = lines[: where + 1]
    return b"\n".join(lines)


def test_random_edits_of_the_seed_files(tmp_path: Path) -> None:
    runner = CliRunner()

    @FUZZ
    @given(st.sampled_from(SEEDS).flatmap(lambda p: st.tuples(st.just(p), mutated(p.read_bytes()))))
    def one(case: tuple[Path, bytes]) -> None:
        seed, text = case
        repo = tmp_path / "repo"
        shutil.rmtree(repo, ignore_errors=True)
        shutil.copytree(seed.parent, repo / "data" / seed.parent.parent.name / seed.parent.name)
        (repo / "data" / seed.parent.parent.name / seed.parent.name / seed.name).write_bytes(text)
        os.chdir(repo)
        for args in (["check"], ["build"]):
            result = runner.invoke(main, args)
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                raise result.exception
            assert result.exit_code in (0, 1), result.output
            assert "Traceback" not in result.output

    cwd = os.getcwd()
    try:
        repeatedly(one)
    finally:
        os.chdir(cwd)


def test_random_edits_in_process(tmp_path: Path) -> None:
    folder = tmp_path / "data/fyns-politi/2020"

    @FUZZ
    @given(st.lists(st.sampled_from(SEEDS), min_size=1, max_size=2), st.data())
    def one(seeds: list[Path], data: st.DataObject) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for n, seed in enumerate(seeds):
            (folder / f"{n}-{seed.name}").write_bytes(data.draw(mutated(seed.read_bytes())))
        load_check_render(tmp_path)

    repeatedly(one)
