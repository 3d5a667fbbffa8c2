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


LOGO_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">'
    '<path d="M24 2 44 9v14c0 12-8.5 20-20 23C12.5 43 4 35 4 23V9Z" fill="#0a4a8c"/>'
    '<text x="24" y="31" font-size="16" text-anchor="middle" fill="#fff" '
    'font-family="Arial, sans-serif" font-weight="bold">FP</text></svg>\n'
)
SITE_SETTINGS = """\
site:
  publisher: Fyns Politi
  logo: assets/logo.svg
  contact: "Fyns Politi, Thomas B. Thriges Gade 34, 5000 Odense C. Telefon 114."
  base_url: https://samarbejdsplaner.fyns-politi.example/
"""


def branded_repository(root: Path) -> Path:
    """A repository of Fyns Politi's plans of 2019 and 2020 with site settings and a logo."""
    import shutil

    shutil.copytree(ROOT / "tests/diff/data/fyns-politi", root / "data" / "fyns-politi")
    (root / "assets").mkdir()
    (root / "assets" / "logo.svg").write_text(LOGO_SVG, "utf-8")
    (root / "samplan.yaml").write_text(SITE_SETTINGS, "utf-8")
    return root


@pytest.fixture(scope="session")
def branded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The branded repository built; its output folder."""
    from samplan.build import build
    from samplan.config import load_config

    root = branded_repository(tmp_path_factory.mktemp("branded"))
    config = load_config(root / "samplan.yaml", set(), root)
    report = build(root, root / "data", root / "out", config=config)
    assert not report.failed, report.diagnostics
    return root / "out"
