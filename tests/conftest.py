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


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ built with PDFs into a fresh folder (without PDFs where WeasyPrint can't run)."""
    from samplan.build import build
    from samplan.render.pdf import unavailable

    out = tmp_path_factory.mktemp("site") / "out"
    report = build(ROOT, ROOT / "data", out, pdf=unavailable() is None)
    assert not report.failed, report.diagnostics
    return out


@pytest.fixture(autouse=True)
def english_messages() -> object:
    """Unit tests read samplan's messages in English (the CLI speaks Danish unless told
    otherwise: every invocation of `main` chooses its language itself)."""
    from samplan.locale import use_language

    use_language("en")
    yield
    use_language("da")


@pytest.fixture
def english_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI in English, for tests that read its English sentences."""
    monkeypatch.setenv("SAMPLAN_LANG", "en")
