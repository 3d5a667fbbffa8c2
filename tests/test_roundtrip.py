"""The round-trip reader writes every plan file back byte for byte, and rolling the seed
plans forward changes only what `samplan new` says it changes, keeping every comment."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from samplan.authoring.new import new
from samplan.authoring.roundtrip import RoundTrip, remove
from samplan.loader import load_plan

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = ("data/*/*/*.yaml", "tests/diff/data/*/*/*.yaml", "tests/rules/*/*.yaml")
PLAN_FILES = sorted(
    p for pattern in (*PATTERNS, "tests/rules/*/*/*.yaml") for p in ROOT.glob(pattern)
)


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_plan_file_is_written_back_as_it_was(path: Path) -> None:
    text = path.read_text("utf-8")
    assert RoundTrip(text).dump() == text


def test_removing_an_entry_keeps_the_comment_lines_below_it() -> None:
    trip = RoundTrip(
        "a:\n  - 1  # one\n  # above two\n  - 2\n  # above three\n  - 3\nb: x  # b\n"
        "# above c\nc: y\n"
    )
    remove(trip.data["a"], 1)
    remove(trip.data["a"], 0)
    remove(trip.data, "b")
    assert trip.dump() == "a:\n  # above two\n  # above three\n  - 3\n# above c\nc: y\n"


def test_rolling_every_seed_forward_keeps_its_comments_and_loads(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    report = new(tmp_path, tmp_path / "data", 2030)
    assert len(report.started) == 4
    for started in report.started:
        loaded = load_plan(started.target, tmp_path)
        assert loaded.diagnostics == []
        assert loaded.plan is not None and loaded.plan.year == 2030
        assert "2030" in loaded.plan.title
        for old in sorted(started.source.folder.glob("*.yaml")):
            comments = [x.strip() for x in old.read_text("utf-8").splitlines() if "#" in x]
            rolled = (started.target / old.name).read_text("utf-8")
            for comment in comments:
                assert comment.split("#", 1)[1] in rolled, (old, comment)
