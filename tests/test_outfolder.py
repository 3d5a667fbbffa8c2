"""The output folder can never hold the sources, is samplan's own, and builds take turns."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from samplan import outfolder
from samplan.cli import main

SEED_DATA = Path(__file__).resolve().parent.parent / "data"
BUILD = [sys.executable, "-c", "from samplan.cli import main; main()", "build"]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEED_DATA, tmp_path / "data")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/README").write_text("the repository's templates\n", "utf-8")
    (tmp_path / "samplan.yaml").write_text("ignore: []\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sources(repo: Path) -> dict[str, bytes]:
    return {
        p.relative_to(repo).as_posix(): p.read_bytes()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and not p.relative_to(repo).as_posix().startswith("out/")
    }


@pytest.mark.parametrize(
    "out",
    [
        "data",
        ".",
        "..",
        "/",
        "templates",
        "data/fyns-politi",
        "data/fyns-politi/2020",
        "data/fyns-politi/2020/out",
        "data/out",
        "templates/site",
        "./data/../data",
    ],
)
def test_an_output_folder_that_would_hold_the_sources_is_refused(repo: Path, out: str) -> None:
    before = sources(repo)
    result = CliRunner().invoke(main, ["build", "--out", out])
    assert result.exit_code == 2, result.output
    assert "Fejl: --out" in result.stderr
    assert "Traceback" not in result.output
    assert sources(repo) == before


def test_a_link_to_the_data_as_output_folder_is_refused(repo: Path) -> None:
    (repo / "site").symlink_to(repo / "data", target_is_directory=True)
    before = sources(repo)
    result = CliRunner().invoke(main, ["build", "--out", "site"])
    assert result.exit_code == 2
    assert sources(repo) == before


@pytest.mark.parametrize(
    "theirs", ["index.html", "fyns-politi/2020/notes.txt", "fyns-politi/notes.txt"]
)
def test_a_folder_where_a_build_would_replace_other_files_is_refused(
    repo: Path, theirs: str
) -> None:
    (repo / "site" / theirs).parent.mkdir(parents=True)
    (repo / "site" / theirs).write_text("mine\n", "utf-8")
    result = CliRunner().invoke(main, ["build", "--out", "site"])
    assert result.exit_code == 2
    assert "som samplan ikke har skrevet, og som en build ville erstatte" in result.stderr
    assert (repo / "site" / theirs).read_text("utf-8") == "mine\n"
    assert not (repo / "site" / outfolder.MARK).exists()


def test_what_a_build_never_touches_is_left_alone(repo: Path) -> None:
    (repo / "site/screenshots").mkdir(parents=True)
    (repo / "site/screenshots/a.png").write_bytes(b"png")
    assert CliRunner().invoke(main, ["build", "--out", "site"]).exit_code == 0
    assert (repo / "site/screenshots/a.png").read_bytes() == b"png"
    assert (repo / "site/fyns-politi/2020/index.html").is_file()


def test_a_new_folder_is_marked_and_an_earlier_samplans_output_accepted(repo: Path) -> None:
    assert CliRunner().invoke(main, ["build", "--out", "site"]).exit_code == 0
    assert (repo / "site" / outfolder.MARK).is_file()
    (repo / "site" / outfolder.MARK).unlink()  # as an earlier samplan left it
    assert CliRunner().invoke(main, ["build", "--out", "site"]).exit_code == 0
    assert (repo / "site" / outfolder.MARK).is_file()


def test_a_second_build_waits_then_says_another_build_is_running(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    monkeypatch.setattr(outfolder, "LOCK_SECONDS", 0.3)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time; fd = os.open('out/.samplan-output', os.O_RDWR); "
            "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        result = CliRunner().invoke(main, ["build"])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 2
    assert "en anden build i 'out' kører stadig" in result.stderr


def test_concurrent_builds_into_one_folder_all_succeed(repo: Path) -> None:
    for _ in range(2):
        runs = [
            subprocess.Popen(BUILD, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(4)
        ]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err.decode()[-2000:]
    assert len(list((repo / "out").glob("*/*/index.html"))) == 5
    assert not list((repo / "out").glob(".samplan-staging-*"))
