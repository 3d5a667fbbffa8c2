"""Shared test setup: the tests folder is importable (golden.py, seed_coverage.py), and
the seed plans built once per session for the tests that read the built site."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent


def require(what: str, problem: str | None) -> None:
    """Skip when a tool of the test machine is missing, but fail under CI=true: CI
    installs everything (.ci/run), so a skip there would hide a broken install."""
    if problem is None:
        return
    message = f"{what} is not available: {problem}"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message + " (CI=true: CI must install it, see .ci/run)")
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _own_check_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test starts with an empty check cache of its own (SAMPLAN_CACHE_DIR), so that
    no result depends on what an earlier test or run left in .samplan-cache/."""
    monkeypatch.setenv("SAMPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("samplan-cache")))


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ built with PDFs into a fresh folder (without PDFs where WeasyPrint can't run)."""
    from samplan.build import build
    from samplan.render.pdf import unavailable

    out = tmp_path_factory.mktemp("site") / "out"
    report = build(ROOT, ROOT / "data", out, pdf=unavailable() is None)
    assert not report.failed, report.diagnostics
    return out
