"""Golden files: the rendered seed plans, checked in under tests/golden/.

They change only through `make golden` (scripts/update_golden.py), and are reviewed as
a diff like any other change.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from samplan.build import build

GOLDEN = Path(__file__).resolve().parent / "golden"
COMPARED = ("plan.md", "index.html")


def build_tree(root: Path) -> dict[str, str]:
    """Build data/ of `root` and return the compared files by relative name."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        report = build(root, root / "data", out)
        assert not report.failed, report.diagnostics
        tree = {
            path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(out.rglob("*"))
            if path.is_file() and (path.name in COMPARED and path.parent != out)
        }
        tree["index.html"] = (out / "index.html").read_text(encoding="utf-8")
    return tree


def golden_tree() -> dict[str, str]:
    return {
        path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }
