"""`samplan new` on every case of the hostile corpus (tests/hostile/): never a traceback;
exit 0 (and then the new plan loads as well as the old one did), 1 (the plan does not load,
nothing written) or 2 (nothing to start from)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import case_names, materialise

from samplan.cli import main
from samplan.loader import load_plan


@pytest.mark.parametrize("name", case_names())
def test_new_on_a_hostile_plan(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = materialise(name, tmp_path)
    monkeypatch.chdir(repo)
    before = sorted(p.relative_to(repo) for p in repo.rglob("*"))
    result = CliRunner().invoke(main, ["new", "2031"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code != 0:
        assert sorted(p.relative_to(repo) for p in repo.rglob("*")) == before
        return
    for target in sorted(repo.glob("data/*/2031")):
        errors = [x for x in load_plan(target, repo).diagnostics if x.severity == "error"]
        assert errors == [], (target, errors)
