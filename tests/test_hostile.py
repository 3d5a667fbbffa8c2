"""The hostile corpus (tests/hostile/): every case through `samplan check` and `samplan build`.

A case is `NAME.yaml` (one plan file, placed at data/fyns-politi/2020/plan.yaml), a folder
`NAME/` (copied as the repository root: data/, templates/), or only a generator named in
its expectation (`generate = "huge-file"`, see hostile.py) for what is too large or too odd
to commit. Beside it, `NAME.toml` says what must happen:

    check = 1                     # exit code of `samplan check` (2: a configuration error)
    build = 1                     # exit code of `samplan build`
    errors = ["data/fyns-politi/2020/plan.yaml:3:1 SP002"]   # every error both report
    check_errors = [...]          # errors only check reports (rules)
    build_errors = [...]          # errors only build reports (templates)
    [output]                      # text each output file (under out/) must hold
    "fyns-politi/2020/index.html" = ["&lt;script&gt;"]
    [absent]                      # text an output file must not hold

The listed errors are all the errors there are. Whatever the case, both commands end in
exit 0 or 1 within a deadline, print no traceback and no long line, every error is located,
no produced page holds live script, and nothing from the secret file beside the repository
reaches the output.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hostile import (
    CANARY,
    case_names,
    expectation,
    live_script_in_html,
    live_script_in_markdown,
    materialise,
    our_own,
)

from samplan.cli import main

DEADLINE_SECONDS = 45  # above the template time limit (20 s) and the worker's grace (5 s)
MAX_LINE = 1000  # the longest line a case may print: diagnostics stay short however long the input
MARKER = CANARY.split(":")[0]  # the secret's first word, in whatever a message quotes
FOLDER_CODES = {"SP012", "SP013", "SP014"}  # findings about a folder carry no line
_BUILD_ERROR = re.compile(r"^(\S+?)(?::(\d+):(\d+))?: fejl\[(SP\d+) ", re.MULTILINE)


class Hang(BaseException):
    """The deadline: a BaseException, so that no `except Exception` of samplan's (such
    as the one around rendering) can take it for a template's error and pass."""


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def invoke(*args: str) -> Result:
    with deadline(DEADLINE_SECONDS):
        return CliRunner().invoke(main, list(args))


def assert_sane(result: Result, expected_exit: int) -> str:
    """No traceback, no crash, exit as expected, short output without the secret."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError("the command raised") from result.exception
    text = result.stdout + result.stderr
    assert "Traceback" not in text
    assert MARKER not in text  # not even the secret's first words, quoted in a message
    longest = max((len(line) for line in text.splitlines()), default=0)
    assert longest < MAX_LINE, f"a line of {longest} characters"
    assert result.exit_code == expected_exit, text[:2000]
    return text


def located(code: str, file: str | None, line: Any, column: Any) -> str:
    where = file or "<repository>"
    if line is not None:
        where += f":{line}:{column}"
    return f"{where} {code}"


def check_errors(out: str) -> list[str]:
    report = json.loads(out)
    errors = [x for x in report["diagnostics"] if x["severity"] == "error"]
    for x in errors:
        assert x["file"], f"an error without a file: {x}"
        assert x["line"] or x["code"] in FOLDER_CODES, f"an error without a line: {x}"
    return sorted(located(x["code"], x["file"], x["line"], x["column"]) for x in errors)


def build_errors(err: str) -> list[str]:
    found = [located(m[4], m[1], m[2] or None, m[3]) for m in _BUILD_ERROR.finditer(err)]
    return sorted(found)


def assert_inert_output(out: Path) -> None:
    for path in sorted(out.rglob("*")):
        if path.is_dir():
            continue
        raw = path.read_bytes()
        assert MARKER.encode() not in raw, path
        if path.suffix == ".html":
            live = set(live_script_in_html(raw.decode("utf-8"))) - our_own()
            assert live == set(), path
        elif path.suffix == ".md":
            assert live_script_in_markdown(raw.decode("utf-8")) == [], path


def assert_texts(out: Path, wanted: dict[str, list[str]], present: bool) -> None:
    for name, texts in wanted.items():
        text = (out / name).read_text("utf-8")
        for t in texts:
            assert (t in text) is present, f"{t!r} {'missing from' if present else 'in'} {name}"


@pytest.mark.parametrize("name", case_names())
def test_hostile_case(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expect = expectation(name)
    repo = materialise(name, tmp_path)
    monkeypatch.chdir(repo)
    errors = expect.get("errors", [])

    checked = invoke("check", "--format", "json")
    assert_sane(checked, expect["check"])
    # a selection that matches no plan exits 2 before any report, its problems as text
    found = check_errors(checked.stdout) if checked.stdout else build_errors(checked.stderr)
    assert found == sorted(errors + expect.get("check_errors", []))

    built = invoke("build")
    assert_sane(built, expect["build"])
    assert build_errors(built.stderr) == sorted(errors + expect.get("build_errors", []))
    out = repo / "out"
    if out.exists():
        assert_inert_output(out)
    assert_texts(out, expect.get("output", {}), present=True)
    assert_texts(out, expect.get("absent", {}), present=False)


def test_the_corpus_is_large_and_every_case_has_an_expectation() -> None:
    names = case_names()
    assert len(names) >= 60
    from hostile import CASES

    for path in CASES.iterdir():
        if path.name != "README.md":
            assert path.name.removesuffix(path.suffix) in names, f"{path.name} has no .toml"


def test_the_largest_cases_run_in_bounded_memory(tmp_path: Path) -> None:
    """check and build of the generated giants, in a process allowed 1 GiB of memory."""
    from hostile import GENERATORS, PLAN_DIR

    repo = tmp_path / "repo"
    for n, name in enumerate(["huge-file", "long-line", "long-key", "large-plan"]):
        GENERATORS[name](repo)
        (repo / PLAN_DIR).rename(repo / PLAN_DIR.parent / str(2001 + n))
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
    for command in ("check", "build"):
        code = limit + f"from samplan.cli import main; main(['{command}'])"
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 1, done.stderr[-2000:]
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "name",
    ["template-constant-folding", "template-constant-folding-operator", "template-memory-join"],
)
def test_template_cases_hold_in_bounded_memory(name: str, tmp_path: Path) -> None:
    """A template that asks for a gigabyte, in a build allowed 1 GiB: a located SP016 (a
    filter folded while compiling once ran outside every limit: a MemoryError traceback)."""
    repo = materialise(name, tmp_path)
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
    code = limit + "from samplan.cli import main; main(['build'])"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert build_errors(done.stderr) == expectation(name)["build_errors"]
