"""`samplan check` on the seed plans and on small repositories, in every format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from samplan.cli import main

pytestmark = pytest.mark.usefixtures("english_cli")

ROOT = Path(__file__).resolve().parent.parent
OUTPUT_SCHEMA = json.loads((ROOT / "tests/schemas/check-output.schema.json").read_text("utf-8"))
MVJ = "data/midt-og-vestjyllands-politi/2020"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout


@pytest.fixture
def seeds(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """The JSON diagnostics of `samplan check` on the repository's own data/."""
    monkeypatch.chdir(ROOT)
    code, out = run("check", "--format", "json")
    assert code == 1
    data = json.loads(out)
    jsonschema.validate(data, OUTPUT_SCHEMA)
    return list(data["diagnostics"])


def where(diags: list[dict[str, object]], code: str) -> list[tuple[object, ...]]:
    keys = ("file", "line", "column", "message", "help")
    return [tuple(d[k] for k in keys) for d in diags if d["code"] == code]


def test_seeds_misspelt_municipality(seeds: list[dict[str, object]]) -> None:
    assert where(seeds, "SP104") == [
        (f"{MVJ}/organisation.yaml", 24, 43,
         "unknown municipality 'Ikast-Brandø' in midt-og-vestjyllands-politi",
         "did you mean 'Ikast-Brande'?"),
    ]  # fmt: skip


def test_seeds_repeated_paragraph(seeds: list[dict[str, object]]) -> None:
    found = where(seeds, "SP114")
    assert [(f, line, col) for f, line, col, *_ in found] == [(f"{MVJ}/organisation.yaml", 129, 7)]


def test_seeds_kredsraad_meeting_only_twice_a_year(seeds: list[dict[str, object]]) -> None:
    assert [(f, line, col) for f, line, col, *_ in where(seeds, "SP103")] == [
        (f"{MVJ}/organisation.yaml", 27, 15)
    ]


def test_seeds_youth_crime_only_fyn_2020_and_never_before_2019(
    seeds: list[dict[str, object]],
) -> None:
    youth = [d for d in seeds if d["code"] == "SP109"]
    assert [(d["district"], d["year"], d["severity"]) for d in youth] == [
        ("fyns-politi", 2020, "error")
    ]
    assert (youth[0]["file"], youth[0]["line"]) == ("data/fyns-politi/2020/organisation.yaml", 33)


def test_text_format_shows_the_source_line_with_a_caret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out = run("check", "2020", "--district", "midt-og-vestjyllands-politi")
    assert code == 1
    assert (
        f"{MVJ}/organisation.yaml:24:43: error[SP104 unknown-municipality] unknown municipality "
        "'Ikast-Brandø' in midt-og-vestjyllands-politi\n"
        "   |\n"
        "24 |       - {title: borgmester, municipality: Ikast-Brandø}\n"
        "   |                                           ^^^^^^^^^^^^\n"
        "  = help: did you mean 'Ikast-Brande'?\n"
    ) in out
    assert out.endswith("1 plan checked: 3 errors, 3 warnings, 2 notes\n")


def test_github_format_is_workflow_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    _, out = run("check", "2020", "--district", "midt-og-vestjyllands-politi", "--format", "github")
    assert (
        f"::error file={MVJ}/organisation.yaml,line=24,col=43,title=SP104 unknown-municipality::"
        "unknown municipality 'Ikast-Brandø' in midt-og-vestjyllands-politi "
        "(help: did you mean 'Ikast-Brande'?)\n"
    ) in out
    assert all(
        line.startswith(("::error ", "::warning ", "::notice ")) for line in out.splitlines()
    )


def test_sarif_format_has_what_sarif_2_1_0_requires(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    _, out = run("check", "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    assert sarif["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = sarif["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "samplan"
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    for rule in driver["rules"]:
        assert {"id", "name", "shortDescription", "defaultConfiguration"} <= set(rule)
    assert run_["results"] != []
    for result in run_["results"]:
        assert result["level"] in ("error", "warning", "note")
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def _repo(tmp_path: Path, plan: str, settings: str | None = None) -> None:
    folder = tmp_path / "data/fyns-politi/2020"
    folder.mkdir(parents=True)
    (folder / "plan.yaml").write_text(plan, "utf-8")
    if settings is not None:
        (tmp_path / "samplan.yaml").write_text(settings, "utf-8")


CLEAN = (ROOT / "tests/rules/SP101/pass.yaml").read_text("utf-8")


def test_exit_codes_and_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _repo(
        tmp_path,
        CLEAN.replace("published: {date: 2020-01-06, url: https://politi.dk/fyns-politi}\n", ""),
    )
    assert run("check")[0] == 0  # a warning only
    assert run("check", "--strict")[0] == 1


def test_settings_change_severities_and_ignore_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plan = CLEAN.replace("published: {date: 2020-01-06, url: https://politi.dk/fyns-politi}\n", "")
    _repo(tmp_path, plan, "severity:\n  SP108: error\n")
    code, out = run("check")
    assert code == 1 and "error[SP108 publication-missing]" in out
    (tmp_path / "samplan.yaml").write_text("ignore: [SP108]\n", "utf-8")
    assert run("check") == (0, "1 plan checked: 0 errors, 0 warnings, 0 notes\n")
    (tmp_path / "samplan.yaml").write_text("ignore: SP108\n", "utf-8")  # one code alone
    assert run("check") == (0, "1 plan checked: 0 errors, 0 warnings, 0 notes\n")


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_settings_file_named_or_linked_must_be_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    _repo(tmp_path, CLEAN)
    assert run(command)[0] == 0  # the default samplan.yaml may be absent
    mistyped = CliRunner().invoke(main, [command, "--config", "samplan.yml"])
    assert mistyped.exit_code == 2 and "no settings file 'samplan.yml'" in mistyped.stderr
    (tmp_path / "samplan.yaml").symlink_to("elsewhere.yaml")
    dangling = CliRunner().invoke(main, [command])
    assert dangling.exit_code == 2
    assert "'samplan.yaml' is a link that leads to no file" in dangling.stderr
    (tmp_path / "elsewhere.yaml").write_text("ignore: [SP108]\n", "utf-8")
    assert run(command)[0] == 0


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            "severity:\n  SP999: error\n",
            "samplan.yaml:2:3: error[SP008 invalid-value] unknown rule code 'SP999'",
        ),
        (
            "severity:\n  SP108: loud\n",
            "samplan.yaml:2:10: error[SP008 invalid-value] "
            "severity.SP108: 'loud' is not an allowed value",
        ),
        (
            "colour: red\n",
            "samplan.yaml:1:1: error[SP006 unknown-key] unknown key 'colour' in the settings",
        ),
        (
            "ignore: SP999\n",
            "samplan.yaml:1:9: error[SP008 invalid-value] unknown rule code 'SP999'",
        ),
        (
            "ignore: [SP108, SP998]\n",
            "samplan.yaml:1:17: error[SP008 invalid-value] unknown rule code 'SP998'",
        ),
        (
            "ignore: {SP108: x}\n",
            "samplan.yaml:1:9: error[SP008 invalid-value] ignore: expected a list, got a mapping",
        ),
        (
            "severity: [SP108]\n",
            "samplan.yaml:1:11: error[SP008 invalid-value] severity: expected a mapping of keys",
        ),
        (
            "site: {base_url: example.dk}\n",
            "samplan.yaml:1:18: error[SP008 invalid-value] "
            "site.base_url: 'example.dk' is not a web address",
        ),
        (
            "site: {logo: ../logo.svg}\n",
            "samplan.yaml:1:14: error[SP008 invalid-value] the logo lies outside the repository",
        ),
        (
            "site: {logo: plan.yaml}\n",
            "samplan.yaml:1:14: error[SP008 invalid-value] the logo must be an SVG or PNG file",
        ),
        (
            "site: {logo: logo.svg}\n",
            "samplan.yaml:1:14: error[SP008 invalid-value] there is no logo file at this path",
        ),
        (
            "site: {publisher: [a]}\n",
            "samplan.yaml:1:19: error[SP008 invalid-value] "
            "site.publisher: expected text, got a list",
        ),
        (
            "ignore: [sp108]\n",
            "unknown rule code 'sp108'\n  |\n1 | ignore: [sp108]\n  |          ^^^^^\n"
            "  = help: did you mean 'SP108'?",
        ),
        (
            "lang: fr\n",
            "samplan.yaml:1:7: error[SP008 invalid-value] lang: 'fr' is not an allowed value",
        ),
        (
            "severity: {SP108: loud\n",
            "samplan.yaml:1:11: error[SP001 invalid-yaml] a [ or { is opened here and never closed",
        ),
        (
            "words: {a: b}\n",
            "samplan.yaml:1:8: error[SP008 invalid-value] words: expected a list, got a mapping",
        ),
    ],
)
def test_bad_settings_are_a_configuration_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    _repo(tmp_path, CLEAN, settings)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert message in result.stderr


def test_check_imports_neither_jinja2_nor_markdown() -> None:
    code = (
        "import sys, os\nos.chdir(sys.argv[1])\nfrom samplan import cli\n"
        "try:\n    cli.main(['check'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('jinja2', 'markdown') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=True
    )
    assert out.stdout.splitlines()[-1] == "[]"


def test_rules_lists_every_rule_and_documents_one() -> None:
    code, out = run("rules")
    assert code == 0
    assert out.splitlines()[0].split()[:4] == ["SP101", "kredsraad-member-missing", "error", "2007"]
    code, out = run("rules", "SP109")
    assert code == 0
    assert out.startswith("SP109 youth-crime-discussion-missing (error, from 2019)\n")
    assert run("rules", "SP999")[0] == 2
