"""Safe, reproducible publishing: a plan's output changes whole or not at all, a failing
plan keeps its previous output, a killed build leaves no truncated file, and the output
depends on the repository alone (not on the day, time zone, locale or hash seed)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from samplan import publish
from samplan.cli import main
from samplan.text import danish_date

pytestmark = pytest.mark.usefixtures("english_cli")

SEED_DATA = Path(__file__).resolve().parent.parent / "data"
BROKEN = "fyns-politi/2020"
BUILD = [sys.executable, "-c", "from samplan.cli import main; main()", "build"]


def snapshot(out: Path) -> dict[str, bytes]:
    """Every published file by path; the staging folders are not published."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.relative_to(out).parts[0].startswith(publish.STAGING_PREFIX)
    }


def make_repo(root: Path, years: int = 2) -> Path:
    """The seed plans, each also as the plan of later years (so builds have work to do)."""
    for plan in sorted(SEED_DATA.glob("*/*")):
        for n in range(years):
            year = str(int(plan.name) + 20 * n)
            target = root / "data" / plan.parent.name / year
            shutil.copytree(plan, target)
            for f in target.glob("*.yaml"):
                f.write_text(f.read_text("utf-8").replace(plan.name, year), "utf-8")
    return root


def revise(root: Path) -> None:
    """Version B of the repository: every title changed, and one plan broken."""
    for f in sorted((root / "data").glob("*/*/*.yaml")):
        f.write_text(f.read_text("utf-8").replace("title: ", "title: Rev. ", 1), "utf-8")
    with (root / "data" / BROKEN / "plan.yaml").open("a", encoding="utf-8") as handle:
        handle.write("title: [\n")


def run_build(root: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(BUILD, cwd=root, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def versions(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A repository at version A with its output, and the output version B should give."""
    repo = make_repo(tmp_path_factory.mktemp("a"), years=1)
    assert run_build(repo).returncode == 0
    old = snapshot(repo / "out")
    other = make_repo(tmp_path_factory.mktemp("b"), years=1)
    shutil.copytree(repo / "out", other / "out")
    revise(other)
    assert run_build(other).returncode == 1
    new = snapshot(other / "out")
    revise(repo)
    return repo, old, new


def plan_folders(files: dict[str, bytes]) -> set[str]:
    return {path.rsplit("/", 1)[0] for path in files if path.count("/") == 2}


def folder(files: dict[str, bytes], name: str) -> dict[str, bytes]:
    return {p: b for p, b in files.items() if p.startswith(name + "/")}


def test_a_failing_plan_keeps_its_previous_output(
    versions: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    _, old, new = versions
    assert folder(new, BROKEN) == folder(old, BROKEN)
    for name in plan_folders(old) - {BROKEN}:
        assert folder(new, name) != folder(old, name)
        assert set(folder(new, name)) == set(folder(old, name))


def test_a_killed_build_leaves_no_truncated_file_and_no_mixed_plan(
    versions: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    repo, old, new = versions
    out = repo / "out"
    for delay in (0, 0.004, 0.006, 0.008, 0.011, 0.015, 0.025):
        shutil.rmtree(out)
        _restore(out, old)
        kill_in_write_phase(repo, delay)
        for path, content in snapshot(out).items():
            assert content in (old.get(path), new.get(path)), f"{path} after a kill at {delay}"
        publish.recover(out)
        after = snapshot(out)
        assert not list(out.glob(publish.STAGING_PREFIX + "*"))
        for name in plan_folders(old):
            assert folder(after, name) in (folder(old, name), folder(new, name)), name
        assert folder(after, BROKEN) == folder(old, BROKEN)
    assert run_build(repo).returncode == 1
    assert snapshot(out) == new


def kill_in_write_phase(repo: Path, delay: float) -> None:
    """Start a build and kill it `delay` seconds after its staging folder appears."""
    build = subprocess.Popen(BUILD, cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while build.poll() is None and not any((repo / "out").glob(publish.STAGING_PREFIX + "*")):
        time.sleep(0.0002)
    time.sleep(delay)
    build.send_signal(signal.SIGKILL)
    build.wait()


def _restore(out: Path, files: dict[str, bytes]) -> None:
    for path, content in files.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(content)


class Crash(Exception):
    pass


def test_an_error_in_the_write_phase_leaves_every_plan_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, years=1)
    monkeypatch.chdir(repo)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    old = snapshot(repo / "out")
    revise(repo)
    real_rename, calls = os.rename, []

    def failing_rename(src: str | Path, dst: str | Path) -> None:
        calls.append(src)
        if len(calls) == 4:  # the second plan: its old folder is aside, the new one not in
            raise Crash("the machine stops here")
        real_rename(src, dst)

    monkeypatch.setattr(publish.os, "rename", failing_rename)
    with pytest.raises(Crash):
        CliRunner().invoke(main, ["build"], catch_exceptions=False)
    after = snapshot(repo / "out")
    assert plan_folders(after) == plan_folders(old)
    changed = [n for n in plan_folders(old) if folder(after, n) != folder(old, n)]
    assert len(changed) == 1  # the first plan was published, the rest kept their output
    assert not list((repo / "out").glob(publish.STAGING_PREFIX + "*"))


def test_an_unwritable_output_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path, years=1)
    monkeypatch.chdir(repo)
    (repo / "out").mkdir()
    (repo / "out/.samplan-output").write_text("", "utf-8")  # samplan's own folder
    (repo / "out/fyns-politi").write_text("a file where a folder belongs", "utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert (
        "out/fyns-politi/2020: error[SP018 output-not-written] cannot write the output"
        in result.stderr
    )
    assert (repo / "out/midt-og-vestjyllands-politi/2020/index.html").is_file()


def test_stale_staging_folders_are_recovered_and_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stale = out / f"{publish.STAGING_PREFIX}999999999-x"
    (stale / "old/fyns-politi/2020").mkdir(parents=True)
    (stale / "old/fyns-politi/2020/plan.md").write_text("old\n", "utf-8")
    (stale / "new/fyns-politi/2020").mkdir(parents=True)
    publish.recover(out)
    assert snapshot(out) == {"fyns-politi/2020/plan.md": b"old\n"}
    assert not stale.exists()


# A clock set a year ahead (time.time, datetime.now/today) for a build in a subprocess.
FAKE_CLOCK = """
import datetime as _dt, time as _time
_AHEAD = _dt.timedelta(days=365)
_real_time, _real_now = _time.time, _dt.datetime.now
_time.time = lambda: _real_time() + _AHEAD.total_seconds()
class _Now(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return _real_now(tz) + _AHEAD
    @classmethod
    def today(cls):
        return _real_now() + _AHEAD
_dt.datetime = _Now
"""


def test_output_is_the_same_on_any_day_zone_locale_and_hash_seed(tmp_path: Path) -> None:
    clock = tmp_path / "clock"
    clock.mkdir()
    (clock / "sitecustomize.py").write_text(FAKE_CLOCK, "utf-8")
    ahead = subprocess.run(
        [sys.executable, "-c", "import datetime; print(datetime.date.today().toordinal())"],
        env={**os.environ, "PYTHONPATH": str(clock)},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert int(ahead.stdout) - dt.date.today().toordinal() >= 364  # the fake clock works
    variants = [
        {"TZ": "UTC", "LANG": "C", "LC_ALL": "C", "PYTHONHASHSEED": "0"},
        {
            "TZ": "Pacific/Kiritimati",
            "LANG": "da_DK.UTF-8",
            "LC_ALL": "da_DK.UTF-8",
            "PYTHONHASHSEED": "4242",
            "PYTHONPATH": str(clock),
        },
    ]
    trees = []
    for n, variant in enumerate(variants):
        repo = make_repo(tmp_path / str(n), years=1)
        env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "LC_ALL")}
        assert run_build(repo, {**env, **variant}).returncode == 0
        trees.append(snapshot(repo / "out"))
    assert trees[0] == trees[1]
    today = dt.date.today()
    for content in trees[0].values():
        text = content.decode("utf-8")
        assert today.isoformat() not in text
        assert danish_date(today) not in text


def test_source_date_epoch_sets_the_calendar_stamp_and_nothing_else(tmp_path: Path) -> None:
    trees = []
    for n, epoch in enumerate(("86400", "172800")):
        repo = make_repo(tmp_path / str(n), years=1)
        env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
        assert run_build(repo, env).returncode == 0
        trees.append(snapshot(repo / "out"))
    differ = sorted(k for k in trees[0] if trees[0][k] != trees[1].get(k))
    assert differ == ["midt-og-vestsjaellands-politi/2007/moeder.ics"]
    for tree, stamp in zip(
        trees, ("DTSTAMP:19700102T000000Z", "DTSTAMP:19700103T000000Z"), strict=True
    ):
        for name, content in tree.items():
            if name.endswith("moeder.ics"):
                assert stamp in content.decode("utf-8")
