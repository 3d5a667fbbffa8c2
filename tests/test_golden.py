"""The rendered seed plans equal the golden files (update with `make golden`)."""

from __future__ import annotations

import difflib
from pathlib import Path

from golden import build_tree, golden_tree

ROOT = Path(__file__).resolve().parent.parent


def test_rendered_seed_plans_match_the_golden_files() -> None:
    expected = golden_tree()
    actual = build_tree(ROOT)
    assert sorted(actual) == sorted(expected), "files differ; run `make golden` and review"
    diffs = []
    for name in sorted(expected):
        if actual[name] != expected[name]:
            diff = difflib.unified_diff(
                expected[name].splitlines(), actual[name].splitlines(),
                f"golden/{name}", f"built/{name}", lineterm="", n=2,
            )  # fmt: skip
            diffs.append("\n".join(list(diff)[:60]))
    assert not diffs, "rendered output differs from tests/golden (run `make golden`):\n" + (
        "\n\n".join(diffs)
    )
