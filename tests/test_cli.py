"""The command line through click's CliRunner: exact output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from samplan import __version__
from samplan.cli import main

pytestmark = pytest.mark.usefixtures("english_cli")

MINIMAL = "district: fyns-politi\nyear: 2020\ntitle: Samarbejdsplan 2020\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty plan repository as the working directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    return tmp_path


def write(repo: Path, text: str, name: str = "plan.yaml", folder: str = "fyns-politi/2020") -> None:
    target = repo / "data" / folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert run("--version") == (0, f"samplan {__version__}\n", "")


def test_version_imports_no_heavy_library() -> None:
    code = (
        "import sys\nfrom samplan import cli\n"
        "try:\n    cli.main(['--version'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('pydantic', 'jinja2', 'markdown', 'icalendar', 'weasyprint', 'selenium')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "[]"


def test_build_writes_every_output(repo: Path) -> None:
    write(repo, MINIMAL)
    assert run("build") == (0, "built 1 plan into out/\n", "")
    plan_dir = repo / "out/fyns-politi/2020"
    assert sorted(p.name for p in plan_dir.iterdir()) == ["index.html", "plan.json", "plan.md"]
    assert (repo / "out/index.html").is_file()
    data = json.loads((plan_dir / "plan.json").read_text("utf-8"))
    assert data == {"schema_version": 2, "district": "fyns-politi", "year": 2020,
                    "title": "Samarbejdsplan 2020"}  # fmt: skip


def test_build_reads_yaml_as_written(repo: Path) -> None:
    write(repo, "district: fyns-politi\nyear: 2020\ntitle: no\nsubtitle: 0301\n")
    assert run("build")[0] == 0
    data = json.loads((repo / "out/fyns-politi/2020/plan.json").read_text("utf-8"))
    assert (data["title"], data["subtitle"]) == ("no", "0301")


def test_build_selects_years_and_districts(repo: Path) -> None:
    write(repo, MINIMAL)
    write(repo, MINIMAL.replace("2020", "2019"), folder="fyns-politi/2019")
    assert run("build", "2019", "--district", "fyns-politi", "--out", "site")[:2] == (
        0,
        "built 1 plan into site/\n",
    )
    assert sorted(p.name for p in (repo / "site/fyns-politi").iterdir()) == ["2019"]


def test_build_reports_located_errors_and_exits_1(repo: Path) -> None:
    write(repo, MINIMAL + "titel: x\nyear: 2021\n")
    code, out, err = run("build")
    assert code == 1
    assert out == "built 0 plans into out/\n"
    assert err == (
        "data/fyns-politi/2020/plan.yaml:4:1: error[SP006 unknown-key] unknown key 'titel' "
        "in the plan\n"
        "  |\n"
        "4 | titel: x\n"
        "  | ^^^^^\n"
        "  = help: did you mean 'title'?\n"
        "data/fyns-politi/2020/plan.yaml:5:1: error[SP002 duplicate-key] duplicate key 'year'\n"
        "  |\n"
        "5 | year: 2021\n"
        "  | ^^^^\n"
        "  = help: the key was first given on line 2; keep one of them\n"
        "1 plan could not be built\n"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MINIMAL.replace("year: 2020", "year: twenty"),
         "plan.yaml:2:7: error[SP008 invalid-value] year: expected a whole number, got 'twenty'"),
        ("district: fyns-politi\nyear: 2020\n",
         "plan.yaml:1:1: error[SP007 missing-key] missing required key 'title' in the plan"),
        (MINIMAL + "bodies:\n  - title: K\n    level: strategic\n",
         "plan.yaml:5:5: error[SP007 missing-key] missing required key 'kind' in bodies[0] (K)"),
    ],
)  # fmt: skip
def test_build_locates_wrong_types_and_missing_keys(repo: Path, text: str, expected: str) -> None:
    write(repo, text)
    code, _, err = run("build")
    assert code == 1
    assert err.splitlines()[0] == "data/fyns-politi/2020/" + expected


def test_build_without_data_folder_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("build")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        "Error: data folder 'data' does not exist: run samplan from the root of a plan "
        "repository, or name the folder with --data DIR"
    )


def test_schema_prints_the_json_schema_of_plan_files() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert "required" not in schema
    assert sorted(schema["properties"]) == [
        "approved_by_kredsraad", "bodies", "discussed_in_kredsraad", "district",
        "effective_from", "fora", "initiatives", "issued_by", "municipalities", "numbered",
        "parties", "published", "sections", "source", "subtitle", "title", "year",
    ]  # fmt: skip


@pytest.mark.parametrize("command", main.list_commands(click.Context(main)))
def test_every_command_is_documented_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Example" in out
    for param in main.commands[command].params:
        if param.param_type_name == "option":
            assert param.help, f"--{param.name} of {command} has no help"


@pytest.mark.parametrize("command", ["check", "build", "diff 2019 2020"])
def test_an_unknown_district_matches_nothing(repo: Path, command: str) -> None:
    write(repo, MINIMAL)
    code, out, err = run(*command.split(), "--district", "nordjylland")
    assert (code, out) == (2, "")
    assert err.startswith(
        "Error: --district 'nordjylland' is not a police district id; did you mean "
        "'nordjyllands-politi' or"
    )
    assert "(the 12 ids: bornholms-politi, fyns-politi, koebenhavns-politi," in err


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_year_without_plans_matches_nothing(repo: Path, command: str) -> None:
    write(repo, MINIMAL)
    assert run(command, "2030") == (
        2,
        "",
        "Error: no plan for 2030 in 'data' (years with plans: 2020)\n",
    )


def test_a_district_without_plans_matches_nothing(repo: Path) -> None:
    write(repo, MINIMAL)
    assert run("check", "--district", "bornholms-politi") == (
        2,
        "",
        "Error: no plan of bornholms-politi in 'data' (districts with plans: fyns-politi)\n",
    )


def test_a_year_some_districts_lack_is_fine(repo: Path) -> None:
    write(repo, MINIMAL)
    write(repo, MINIMAL.replace("2020", "2021"), folder="fyns-politi/2021")
    write(repo, MINIMAL.replace("fyns", "bornholms"), folder="bornholms-politi/2020")
    assert run("check", "2021")[0] == 0


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_empty_repository_matches_nothing(repo: Path, command: str) -> None:
    code, out, err = run(command)
    assert (code, out) == (2, "")
    assert err == (
        "Error: no plan in 'data': a plan is a folder data/<district-id>/<year>/ holding "
        ".yaml files (see the README, 'A plan repository')\n"
    )


def test_a_missing_data_folder_matches_nothing(repo: Path) -> None:
    (repo / "data").rmdir()
    code, _, err = run("check")
    assert code == 2
    assert err.startswith("Error: data folder 'data' does not exist")


def test_a_yml_plan_is_checked_and_built(repo: Path) -> None:
    write(repo, MINIMAL, name="plan.yml")
    assert run("check")[0] == 0
    assert run("build")[0] == 0
    assert (repo / "out/fyns-politi/2020/index.html").is_file()


def test_build_strict_fails_on_a_warning(repo: Path) -> None:
    write(repo, MINIMAL)
    write(repo, "title: x\n", name="plan.yaml~")  # SP019 unread-file, a warning
    assert run("build")[0] == 0
    code, _, err = run("build", "--strict")
    assert code == 1
    assert "SP019" in err
    assert (repo / "out/fyns-politi/2020/index.html").is_file()  # still built
