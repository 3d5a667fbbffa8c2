"""Golden files: the rendered seed plans, checked in under tests/golden/.

They change only through `make golden` (scripts/update_golden.py), and are reviewed as
a diff like any other change.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner

from samplan.build import build
from samplan.cli import main

GOLDEN = Path(__file__).resolve().parent / "golden"
COMPARED = ("plan.md", "index.html", "diff.html", "moeder.ics")
# `samplan diff` in each format: of the seed plans, and of tests/diff/data, a small
# repository with every kind of change. (golden name, arguments, data folder)
FORMATS = (("text", "txt"), ("md", "md"), ("html", "html"), ("json", "json"))
DIFFS = tuple(
    (f"diff/{name}.{ext}", [*args, "--format", fmt], data)
    for name, args, data in (
        (
            "midt-og-vestsjaellands-politi-2007-2011",
            ["diff", "2007", "2011", "--district", "midt-og-vestsjaellands-politi"],
            "data",
        ),
        ("fyns-politi-2019-2020", ["diff", "2019", "2020"], "tests/diff/data"),
    )
    for fmt, ext in FORMATS
)


# tests/plans/data: plans as real plans state them, rendered under plans/.
PLANS = Path(__file__).resolve().parent / "plans"


def _built(root: Path, data: Path, prefix: str = "") -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        report = build(root, data, out)
        assert not report.failed, report.diagnostics
        tree = {
            prefix + path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(out.rglob("*"))
            if path.is_file() and (path.name in COMPARED and path.parent != out)
        }
        tree[prefix + "index.html"] = (out / "index.html").read_text(encoding="utf-8")
    return tree


def build_tree(root: Path) -> dict[str, str]:
    """Build data/ of `root` (and tests/plans) and return the compared files by name."""
    tree = _built(root, root / "data")
    tree.update(_built(PLANS, PLANS / "data", "plans/"))
    runner = CliRunner()
    for name, args, data in DIFFS:
        result = runner.invoke(main, [*args, "--data", str(root / data)])
        assert result.exit_code == 0, result.output
        tree[name] = result.stdout
    return tree


def golden_tree() -> dict[str, str]:
    return {
        path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }
