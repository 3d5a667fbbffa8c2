"""The worker that renders a repository's templates: every way a job can fail comes
back as one diagnostic, within the time limit, and the build's process is unharmed."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from samplan import diagnostics as d
from samplan.render import worker
from samplan.render.bytecode import CACHE_ENV
from samplan.render.environment import make_environment


def failed(err: BaseException) -> d.Diagnostic:
    return d.Diagnostic("SP016", "template-error", "error", f"failed: {type(err).__name__}")


def died(why: str) -> d.Diagnostic:
    return d.Diagnostic("SP016", "template-error", "error", f"died: {why}")


def run(job: worker.Callable[[], dict[str, str | bytes]], seconds: float = 1.0) -> worker.Outcome:
    return worker.run_limited(job, failed, died, seconds)


def test_the_files_a_job_renders_come_back_whole() -> None:
    files: dict[str, str | bytes] = {
        "index.html": "Æøå\udcff" * 1000,
        "plan.pdf": bytes(range(256)),
    }
    assert run(lambda: files) == files


def test_an_exception_is_the_diagnostic_made_in_the_worker() -> None:
    assert run(lambda: {"x": str(1 // 0)}).message == "failed: ZeroDivisionError"  # type: ignore[union-attr]


def busy() -> dict[str, str | bytes]:
    while True:
        pass


def test_a_loop_that_calls_nothing_is_stopped_by_the_timer() -> None:
    start = time.monotonic()
    outcome = run(busy, 0.5)
    assert isinstance(outcome, d.Diagnostic) and outcome.message == "failed: TemplateTimeout"
    assert time.monotonic() - start < 3


def test_a_worker_that_does_not_answer_is_killed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "GRACE_SECONDS", 0.5)

    def deaf() -> dict[str, str | bytes]:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        return busy()

    start = time.monotonic()
    outcome = run(deaf, 0.3)
    assert isinstance(outcome, d.Diagnostic)
    assert outcome.message == "died: the templates took longer than 0 seconds"
    assert time.monotonic() - start < 3


def test_memory_beyond_the_limit_is_a_memory_error_in_the_worker() -> None:
    outcome = run(lambda: {"x": bytes(worker.MAX_MEMORY + (64 << 20))})
    assert isinstance(outcome, d.Diagnostic) and outcome.message == "failed: MemoryError"


def test_a_worker_that_dies_is_a_diagnostic() -> None:
    outcome = run(lambda: os._exit(3))
    assert isinstance(outcome, d.Diagnostic) and outcome.message.startswith("died: the worker")
    outcome = run(lambda: os.kill(os.getpid(), signal.SIGKILL))  # type: ignore[func-returns-value]
    assert isinstance(outcome, d.Diagnostic) and "killed by signal 9" in outcome.message


def test_templates_are_compiled_once_a_repositorys_too_and_again_when_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    cache = tmp_path / "cache" / "templates"  # beside the check's cache
    own = tmp_path / "own"
    own.mkdir()
    (own / "mine.html.j2").write_text("{{ 1 }}\n", "utf-8")
    make_environment(own).get_template("plan.html.j2")
    builtin = sorted(cache.iterdir())
    assert len(builtin) == 1

    # A repository's template, compiled in a worker as a build does; the next reads it.
    def compile_mine() -> dict[str, str | bytes]:
        return {"out": make_environment(own).get_template("mine.html.j2").render()}

    assert run(compile_mine) == {"out": "1\n"}
    mine = [p for p in cache.iterdir() if p not in builtin]
    assert len(mine) == 1
    stamp = mine[0].stat().st_mtime_ns
    assert run(compile_mine) == {"out": "1\n"}
    assert mine[0].stat().st_mtime_ns == stamp  # read, not rewritten
    (own / "mine.html.j2").write_text("{{ 2 }}\n", "utf-8")
    assert run(compile_mine) == {"out": "2\n"}  # a changed template is compiled afresh
    assert sorted(cache.iterdir()) == sorted([*builtin, *mine])
    make_environment(own).from_string("{{ 3 }}").render()  # from a string: never cached
    assert sorted(cache.iterdir()) == sorted([*builtin, *mine])


def test_a_cache_folder_others_may_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv(CACHE_ENV, str(shared))
    make_environment(None).get_template("plan.html.j2")
    assert list(shared.iterdir()) == []
    shared.chmod(0o1777)  # sticky, as /tmp is: nobody may rename what is not theirs
    make_environment(None).get_template("plan.html.j2")
    assert len(list((shared / "templates").iterdir())) == 1


def test_a_job_may_allow_its_pdf_time_of_its_own() -> None:
    def slow_pdf() -> dict[str, str | bytes]:
        worker.allow(2.0, "the PDF")
        time.sleep(0.8)
        return {"plan.pdf": b"%PDF"}

    assert run(slow_pdf, 0.3) == {"plan.pdf": b"%PDF"}  # sleeps past the templates' timer
    assert worker.run_limited(slow_pdf, failed, died, 0.3, extra=2.0) == {"plan.pdf": b"%PDF"}
    worker.allow(0.01, "nothing")  # in the build's own process: no timer at all
    time.sleep(0.05)
