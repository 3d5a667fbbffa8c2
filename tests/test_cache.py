"""The check's result cache: the same bytes from a hit, a recomputation on any change,
and a corrupt, foreign or unwritable cache that is ignored, never trusted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from samplan import cache as cache_module
from samplan import check as check_module
from samplan import fingerprints
from samplan.cli import main

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("text", "json", "github", "sarif")
MINIMAL = "district: fyns-politi\nyear: 2020\ntitle: Samarbejdsplan 2020\n"
MVS = "midt-og-vestsjaellands-politi"  # a district with two years: 2007 and 2011


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seed plans as the working directory, its cache in .samplan-cache/."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(cache_module.CACHE_ENV, raising=False)
    return tmp_path


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The plan folders that were really checked (not answered from the cache)."""
    seen: list[str] = []
    real = check_module.check_plan

    def counting(ref: check_module.PlanRef, *args: object) -> object:
        seen.append(f"{ref.district}/{ref.year}")
        return real(ref, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(check_module, "check_plan", counting)
    yield seen


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout


def entries(repo: Path) -> list[Path]:
    return sorted((repo / ".samplan-cache" / "check-v1").glob("*.json"))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("strict", [(), ("--strict",)])
def test_a_hit_prints_the_same_bytes(repo: Path, fmt: str, strict: tuple[str, ...]) -> None:
    fresh = run("--no-cache", "--format", fmt, *strict)
    assert not (repo / ".samplan-cache").exists()  # --no-cache neither reads nor writes
    assert run("--format", fmt, *strict) == fresh  # fills the cache
    assert entries(repo)
    assert run("--format", fmt, *strict) == fresh  # answered from it


def test_unchanged_plans_are_not_checked_again(repo: Path, checked: list[str]) -> None:
    first = run("--format", "json")
    assert len(checked) == 5
    checked.clear()
    assert run("--format", "json") == first
    assert checked == []


def test_a_changed_plan_is_checked_again_and_only_it(repo: Path, checked: list[str]) -> None:
    run()
    checked.clear()
    plan = repo / "data/fyns-politi/2020/plan.yaml"
    plan.write_text(plan.read_text("utf-8") + "\nsubtitle: Ny undertitel\n", "utf-8")
    warm = run("--format", "json")
    assert checked == ["fyns-politi/2020"]
    assert warm == run("--no-cache", "--format", "json")


def test_a_changed_earlier_year_checks_the_later_plan_again(repo: Path, checked: list[str]) -> None:
    run()
    checked.clear()
    earlier = repo / f"data/{MVS}/2007/plan.yaml"
    earlier.write_text(earlier.read_text("utf-8") + "\n# a comment\n", "utf-8")
    run()
    assert checked == [f"{MVS}/2007", f"{MVS}/2011"]


def test_a_new_file_in_a_plan_folder_is_a_change(repo: Path) -> None:
    run()
    extra = repo / "data/fyns-politi/2020/extra.yaml"
    extra.write_text("title: twice\n", "utf-8")
    code, out = run("--format", "json")
    assert (code, out) == run("--no-cache", "--format", "json")
    assert "SP005" in out


def test_changed_settings_recompute(repo: Path) -> None:
    run()
    (repo / "samplan.yaml").write_text("ignore: [SP104]\n", "utf-8")
    code, out = run("--format", "json")
    assert "SP104" not in out
    assert (code, out) == run("--no-cache", "--format", "json")


def test_changed_settings_are_read_again(repo: Path) -> None:
    (repo / "samplan.yaml").write_text("severity: {SP111: error}\n", "utf-8")
    _, first = run("--format", "json")
    (repo / "samplan.yaml").write_text("severity: {SP111: off}\n", "utf-8")
    _, second = run("--format", "json")
    assert '"SP111"' in first
    assert '"SP111"' not in second


def test_bad_settings_are_still_refused_from_the_cache(repo: Path) -> None:
    run()
    (repo / "samplan.yaml").write_text("ignore: [SP999]\n", "utf-8")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert "ukendt regelkode 'SP999'" in result.stderr


def test_another_samplan_does_not_use_the_entries(
    repo: Path, checked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run()
    checked.clear()
    monkeypatch.setattr(cache_module, "tool_fingerprint", lambda: "another samplan")
    run()
    assert len(checked) == 5


def test_the_fingerprint_follows_samplans_own_files(tmp_path: Path) -> None:
    (tmp_path / "rule.py").write_text("CODE = 'SP101'\n", "utf-8")
    before = fingerprints.tree_digest(tmp_path)
    (tmp_path / "rule.py").write_text("CODE = 'SP102'\n", "utf-8")
    assert fingerprints.tree_digest(tmp_path) != before


HOSTILE_ENTRIES = {
    "empty": b"",
    "truncated": None,  # the first half of the real entry
    "not json": b"\x00\xff garbage",
    "a list": b"[1, 2, 3]",
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "huge number": b'{"samplan-cache": 1, "n": ' + b"9" * 10_000 + b"}",
    "foreign format": None,  # the real entry with another format number
    "wrong key": None,  # the real entry claiming another key
    "tampered": None,  # the real entry with a changed message, its checksum as it was
    "wrong type": None,  # a line number that is text, with a matching checksum
}


def _hostile(name: str, real: bytes) -> bytes:
    content = HOSTILE_ENTRIES[name]
    if content is not None:
        return content
    if name == "truncated":
        return real[: len(real) // 2]
    data = json.loads(real)
    if name == "foreign format":
        data["samplan-cache"] = 99
    elif name == "wrong key":
        data["key"] = "0" * 64
    elif name == "tampered" and "value" in data:  # the catalog of codes
        data["value"]["sarif_rules"][0]["name"] = "all-is-well"
    elif name == "tampered":
        data["diagnostics"][0]["message"] = "all is well"
    elif "value" in data:
        data["value"]["known"][0] = 101
        data["digest"] = fingerprints.digest(data["value"])
    else:
        data["diagnostics"][0]["line"] = "1"
        data["digest"] = fingerprints.digest(data["diagnostics"], data["notes"])
    return json.dumps(data).encode()


@pytest.mark.parametrize("name", sorted(HOSTILE_ENTRIES))
def test_a_bad_entry_is_ignored(repo: Path, name: str, checked: list[str]) -> None:
    fresh = run("--no-cache", "--format", "sarif")
    run("--format", "sarif")
    for entry in entries(repo):
        real = entry.read_bytes()
        if b'"diagnostics": []' not in real:  # every entry then has a first finding
            entry.write_bytes(_hostile(name, real))
    checked.clear()
    assert run("--format", "sarif") == fresh
    assert checked  # the plans with findings were checked anew
    assert run("--format", "sarif") == fresh  # and their entries written again


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_an_entry_that_is_a_pipe_or_a_link_is_not_read(repo: Path) -> None:
    fresh = run("--format", "json")
    outside = repo / "outside.json"
    for number, entry in enumerate(entries(repo)):
        outside.write_bytes(entry.read_bytes())
        entry.unlink()
        if number % 2:
            os.mkfifo(entry)  # reading it would block forever
        else:
            entry.symlink_to(outside)
    assert run("--format", "json") == fresh


def test_an_unwritable_cache_is_no_cache(
    repo: Path, monkeypatch: pytest.MonkeyPatch, checked: list[str]
) -> None:
    (repo / "a-file").write_text("", "utf-8")
    monkeypatch.setenv(cache_module.CACHE_ENV, str(repo / "a-file" / "cache"))
    fresh = run("--no-cache", "--format", "sarif")
    assert run("--format", "sarif") == fresh
    assert run("--format", "sarif") == fresh
    assert len(checked) == 15  # nothing remembered, nothing broken


def test_a_cache_whose_entries_cannot_be_written_is_no_cache(repo: Path) -> None:
    fresh = run("--no-cache")
    folder = repo / ".samplan-cache"
    folder.mkdir()
    (folder / "check-v1").write_text("not a folder", "utf-8")
    assert run() == fresh


def test_the_cache_can_live_elsewhere(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.setenv(cache_module.CACHE_ENV, str(elsewhere))
    run()
    assert list((elsewhere / "check-v1").glob("*.json"))
    assert not (repo / ".samplan-cache").exists()
    assert not (elsewhere / ".gitignore").exists()  # a folder the user chose stays theirs


def test_the_cache_ignores_itself_in_git(repo: Path) -> None:
    run()
    assert (repo / ".samplan-cache/.gitignore").read_text("utf-8").splitlines()[-1] == "*"


def test_old_entries_are_pruned_but_not_those_in_use(
    repo: Path, monkeypatch: pytest.MonkeyPatch, checked: list[str]
) -> None:
    run()
    folder = repo / ".samplan-cache/check-v1"
    for number in range(10):  # entries of plans as they were long ago
        old = folder / f"{number:064x}.json"
        old.write_text("{}", "utf-8")
        os.utime(old, (1, 1))
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 8)
    (repo / "data/fyns-politi/2020/plan.yaml").write_text(MINIMAL, "utf-8")  # one to write
    run()
    assert len(entries(repo)) == 6  # the 5 plans and the catalog: the old ones are gone
    checked.clear()
    run()
    assert checked == []  # and none of those in use was removed


@pytest.mark.parametrize("settings", [None, "severity: {SP111: off}\nwords: [TrykFonden]\n"])
def test_a_hit_imports_neither_pydantic_nor_the_rules_nor_the_yaml_reader(
    repo: Path, settings: str | None
) -> None:
    if settings is not None:  # samplan.yaml is remembered too, by its bytes
        (repo / "samplan.yaml").write_text(settings, "utf-8")
    code = (
        "import sys\nfrom samplan import cli\n"
        "try:\n    cli.main(['check', '--format', 'sarif'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('pydantic', 'samplan.model', 'samplan.loader', 'samplan.rules', 'jinja2',"
        " 'markdown', 'importlib.metadata', 'samplan.yamlsource')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)"
    )
    env = {k: v for k, v in os.environ.items() if k != cache_module.CACHE_ENV}
    argv = [sys.executable, "-c", code]
    cold = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    assert "'pydantic'" in cold.stderr.splitlines()[-1]  # the first run checks every plan
    warm = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    assert warm.stderr.splitlines()[-1] == "[]"
    assert warm.stdout == cold.stdout


def test_a_file_that_now_links_out_of_the_repository_is_a_change(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    run()
    plan = repo / "data/fyns-politi/2020/plan.yaml"
    outside = tmp_path_factory.mktemp("outside") / "plan.yaml"
    outside.write_bytes(plan.read_bytes())  # the same bytes, in another place
    plan.unlink()
    plan.symlink_to(outside)
    code, out = run("--format", "json")
    assert "SP011" in out
    assert (code, out) == run("--no-cache", "--format", "json")


def test_the_fingerprint_follows_the_installed_distributions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "path", [*sys.path, str(tmp_path)])
    before = fingerprints.tool_fingerprint()
    (tmp_path / "pyyaml-9.0.dist-info").mkdir()
    assert fingerprints.tool_fingerprint() != before


def test_the_cache_knows_every_field_of_a_diagnostic() -> None:
    # A field of a type the cache cannot check would turn the cache off: teach _VALID it.
    assert cache_module.SUPPORTED


def test_a_diagnostic_the_cache_cannot_check_turns_it_off(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "SUPPORTED", False)
    assert run() == run("--no-cache")
    assert not (repo / ".samplan-cache").exists()


def test_what_a_killed_run_left_is_removed(repo: Path) -> None:
    run()
    folder = repo / ".samplan-cache/check-v1"
    left, fresh = folder / f".{'a' * 64}.1.tmp", folder / f".{'b' * 64}.2.tmp"
    left.write_text("{", "utf-8")
    fresh.write_text("{", "utf-8")
    os.utime(left, (1, 1))
    (repo / "data/fyns-politi/2020/plan.yaml").write_text(MINIMAL, "utf-8")  # one to write
    run()
    assert (left.exists(), fresh.exists()) == (False, True)  # a running check's file stays


def test_a_cache_that_can_be_read_but_not_written_still_answers(
    repo: Path, checked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run()
    plan = repo / "data/fyns-politi/2020/plan.yaml"
    plan.write_text(plan.read_text("utf-8") + "\n# changed\n", "utf-8")
    real_open = os.open

    def refuse_writes(path: object, flags: int, *args: object) -> int:
        if flags & os.O_WRONLY:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_module.os, "open", refuse_writes)
    checked.clear()
    assert run() == run("--no-cache")
    assert checked[0] == "fyns-politi/2020" and len(checked) == 1 + 5  # the others: hits


def test_the_fingerprint_follows_the_programs_the_rules_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from samplan import spelling

    assert {str(p) for p in spelling.SEARCHED} == set(fingerprints.PROGRAM_DATA)
    monkeypatch.setenv("PATH", str(tmp_path))
    before = fingerprints.tool_fingerprint()
    program = tmp_path / "hunspell"
    program.write_text("#!/bin/sh\n", "utf-8")
    program.chmod(0o755)
    assert fingerprints.tool_fingerprint() != before  # hunspell installed
    monkeypatch.setattr(fingerprints, "PROGRAM_DATA", (str(tmp_path / "dicts"),))
    before = fingerprints.tool_fingerprint()
    (tmp_path / "dicts").mkdir()
    (tmp_path / "dicts/da_DK.dic").write_text("1\nord\n", "utf-8")
    assert fingerprints.tool_fingerprint() != before  # a dictionary installed


def test_a_hit_says_what_was_not_judged_as_a_fresh_check_does(repo: Path) -> None:
    def verbose() -> tuple[int, str, str]:
        result = CliRunner().invoke(main, ["check", "--verbose"])
        return result.exit_code, result.stdout, result.stderr

    fresh = CliRunner().invoke(main, ["check", "--verbose", "--no-cache"])
    assert "ikke vurderet: nyhed" in fresh.stderr  # the seeds hold a news item
    assert verbose() == verbose() == (fresh.exit_code, fresh.stdout, fresh.stderr)


def test_the_settings_words_are_part_of_the_key(repo: Path, checked: list[str]) -> None:
    run()
    checked.clear()
    (repo / "samplan.yaml").write_text("words: [TrykFonden]\n", "utf-8")
    run()
    assert len(checked) == 5  # the spelling rules read the words: every plan anew
