"""No traceback anywhere: unreadable folders, --output where it cannot or must not
write, an out-of-range SOURCE_DATE_EPOCH and a repository's diff template that raises
each end in a located message and the documented exit code."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from samplan.cli import main

ROOT = Path(__file__).resolve().parent.parent
DIFF_DATA = ROOT / "tests/diff/data"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(DIFF_DATA, tmp_path / "diffdata")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError("the command raised") from result.exception
    assert "Traceback" not in result.output
    return result


def unreadable(monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    """`folder` (relative to the repository) cannot be listed, as without permission."""
    real = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if os.path.relpath(self.absolute()) == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)


@pytest.mark.parametrize("folder", ["data/fyns-politi/2020", "data/fyns-politi"])
def test_an_unreadable_plan_or_district_folder_is_a_located_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    unreadable(monkeypatch, folder)
    checked = invoke("check")
    assert checked.exit_code == 1
    assert f"{folder}: fejl[SP012 bad-plan-folder] mappen kan ikke læses" in checked.output
    built = invoke("build")
    assert built.exit_code == 1
    assert f"{folder}: fejl[SP012 bad-plan-folder] mappen kan ikke læses" in built.stderr
    assert "4 planer bygget" in built.stdout


def test_an_unreadable_data_folder_is_a_located_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unreadable(monkeypatch, "data")
    result = invoke("check")
    assert result.exit_code in (1, 2)
    assert "data: fejl[SP012 bad-plan-folder] mappen kan ikke læses" in result.output


DIFF = ("diff", "2019", "2020", "--data", "diffdata", "--format", "html", "--output")


@pytest.mark.parametrize("target", ["/proc/samplan/diff.html", "README/diff.html"])
def test_diff_output_to_an_unwritable_place_is_a_usage_error(repo: Path, target: str) -> None:
    (repo / "README").write_text("a file, not a folder\n", "utf-8")
    result = invoke(*DIFF, target)
    assert result.exit_code == 2
    assert f"kan ikke skrive {target}" in result.stderr


def test_diff_output_never_replaces_a_device_a_pipe_or_a_link(repo: Path) -> None:
    os.mkfifo(repo / "pipe")
    (repo / "kept.html").write_text("kept\n", "utf-8")
    (repo / "link.html").symlink_to(repo / "kept.html")
    for target in ("/dev/null", "pipe", "link.html"):
        result = invoke(*DIFF, target)
        assert result.exit_code == 2, target
        assert "er ikke en almindelig fil" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert stat.S_ISFIFO(os.lstat(repo / "pipe").st_mode)
    assert (repo / "link.html").is_symlink()
    assert (repo / "kept.html").read_text("utf-8") == "kept\n"


def test_diff_output_writes_a_new_or_a_regular_file(repo: Path) -> None:
    assert invoke(*DIFF, "new/diff.html").exit_code == 0
    assert invoke(*DIFF, "new/diff.html").exit_code == 0
    assert "<html" in (repo / "new/diff.html").read_text("utf-8")


@pytest.mark.parametrize("epoch", ["99999999999999999", "-1", "1e9", "١٢٣", "253402300800"])
def test_an_out_of_range_source_date_epoch_is_a_usage_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch, epoch: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = invoke("build")
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in result.stderr
    assert not (repo / "out").exists()


def test_a_repository_diff_template_that_raises_is_a_located_error(repo: Path) -> None:
    (repo / "templates").mkdir()
    (repo / "templates/diff.html.j2").write_text("<p>\n{{ 1 // 0 }}\n", "utf-8")
    (repo / "templates/diff.md.j2").write_text("{{ views[0].nothing.here }}\n", "utf-8")
    result = invoke("diff", "2019", "2020", "--data", "diffdata", "--format", "html")
    assert result.exit_code == 2
    assert "templates/diff.html.j2:2:1: fejl[SP016 template-error]" in result.stderr
    result = invoke("diff", "2019", "2020", "--data", "diffdata", "--format", "md")
    assert result.exit_code == 2
    assert "templates/diff.md.j2:1:1: fejl[SP016 template-error]" in result.stderr
