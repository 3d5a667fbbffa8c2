"""`samplan init` and `samplan new` through click's CliRunner: the secretariat's year from
an empty folder, exact output and exit codes, and nothing written over anything."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from samplan.authoring.init import package_text, schema_text
from samplan.cli import main
from samplan.registry import registry

ROOT = Path(__file__).resolve().parent.parent
PLAN = "data/nordjyllands-politi/2026"
NEXT = "data/nordjyllands-politi/2027"
MAYORS = ["Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord"]
MAYORS += ["Rebild", "Vesthimmerlands", "Aalborg"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def findings(*args: str) -> tuple[int, list[tuple[str, int | None, str | None]]]:
    """`samplan check --format json`: exit code and (code, year, file) of each finding."""
    code, out, _ = run("check", "--format", "json", *args)
    found = json.loads(out)["diagnostics"]
    return code, [(x["code"], x["year"], x["file"]) for x in found]


@pytest.fixture
def empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def initialised(root: Path) -> Path:
    code, _, err = run("init", "--district", "nordjyllands-politi", "--year", "2026")
    assert (code, err) == (0, "")
    return root


def decide_2026(root: Path) -> None:
    """What the secretariat writes in 2026: the decisions, dates and initiatives."""
    plan = root / PLAN / "plan.yaml"
    text = plan.read_text("utf-8")
    text = text.replace("discussed_in_kredsraad:\n", "discussed_in_kredsraad: 2025-12-01\n")
    text = text.replace(
        "published:\n",
        "published: {date: 2026-01-05, url: 'https://politi.dk/nordjyllands-politi'}\n",
    )
    plan.write_text(text, "utf-8")
    organisation = root / PLAN / "organisation.yaml"
    text = organisation.read_text("utf-8").replace(
        "    meetings: {min: 4}\n",
        "    meetings: {min: 4}\n    meeting_dates:\n      - 2026-03-02  # forår\n"
        "      # efterår\n      - 2026-09-07\n",
    )
    organisation.write_text(text, "utf-8")
    (root / PLAN / "initiatives.yaml").write_text(
        "initiatives:\n"
        "  # Nyt i år\n"
        "  - {id: natteliv, title: Tryghed i nattelivet, status: new}\n"
        "  - id: indbrud\n    title: Indbrud i private hjem\n    status: ended\n"
        "  - id: unge\n    title: 'Unge og kriminalitet'\n    status: continued\n"
        "    since: 2024\n",
        "utf-8",
    )


def test_init_writes_a_working_repository(empty: Path) -> None:
    code, out, err = run("init", "--district", "nordjyllands-politi", "--year", "2026")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Made a plan repository for Nordjyllands Politi in ./:"
    assert "  samplan check          what is still missing or wrong, with file and line" in out
    assert out.rstrip().endswith("next year: samplan new 2027")
    assert (empty / ".gitignore").read_text("utf-8").splitlines()[1:] == [
        "out/",
        ".samplan-cache/",
    ]
    assert (empty / ".github/workflows/samplan.yml").read_text("utf-8") == package_text(
        "workflow.yml"
    )
    settings = json.loads((empty / ".vscode/settings.json").read_text("utf-8"))
    assert settings == {
        "yaml.schemas": {"./plan.schema.json": ["data/*/*/*.yaml", "data/*/*/*.yml"]}
    }
    assert (empty / "plan.schema.json").read_text("utf-8") == schema_text()
    assert run("schema")[1] == schema_text()
    hooks = yaml.safe_load((empty / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hooks["repos"][0]["hooks"] == [{"id": "samplan-check"}]
    assert "samplan new 2027" in (empty / "README.md").read_text("utf-8")


def test_the_starting_plan_has_the_kredsraad_of_the_district(empty: Path) -> None:
    initialised(empty)
    bodies = yaml.safe_load((empty / PLAN / "organisation.yaml").read_text("utf-8"))["bodies"]
    members = bodies[0]["members"]
    assert members[0] == "politidirektør"
    assert sorted(m["municipality"] for m in members[1:]) == sorted(MAYORS)
    assert bodies[0]["chair"] == "politidirektør"


def test_check_of_a_new_repository_names_only_the_placeholders(empty: Path) -> None:
    initialised(empty)
    file = f"{PLAN}/plan.yaml"
    assert findings() == (0, [("SP106", 2026, file), ("SP108", 2026, file)])


def test_the_secretariats_year(empty: Path) -> None:
    """init, check, build, new, check: the second check names exactly the decisions of
    2027 that are still to be made."""
    initialised(empty)
    decide_2026(empty)
    assert findings() == (0, [])
    assert run("build")[:2] == (0, "built 1 plan(s) into out/\n")
    assert (empty / "out" / PLAN.removeprefix("data/") / "index.html").is_file()
    code, out, err = run("new", "2027")
    assert (code, err) == (0, "")
    assert out == (
        "data/nordjyllands-politi/2027: from 2026\n"
        "  initiatives.yaml: initiative Tryghed i nattelivet: new in 2026, now continued "
        "since 2026\n"
        "  initiatives.yaml: initiative Indbrud i private hjem: ended in 2026, removed\n"
        "  organisation.yaml: Kredsrådet: 2 meeting date(s) before 2027 removed\n"
        "  plan.yaml: year: 2026 → 2027\n"
        "  plan.yaml: title: Samarbejdsplan 2027 for Nordjyllands Politi\n"
        "  plan.yaml: effective_from: 1. januar 2027\n"
        "  plan.yaml: discussed_in_kredsraad: cleared (the plan for 2026 had it)\n"
        "  plan.yaml: published: cleared (the plan for 2026 had it)\n"
        "  now write:\n"
        "  - Kredsrådet: write the meeting dates of 2027 (meeting_dates)\n"
        "  - write discussed_in_kredsraad: the date the kredsråd discussed the plan for 2027\n"
        "  - write published: where (url) and when the plan for 2027 is published\n"
        "Then run samplan check: it names what is still open, with file and line.\n"
    )
    file = f"{NEXT}/plan.yaml"
    assert findings() == (0, [("SP106", 2027, file), ("SP108", 2027, file)])
    assert run("build")[:2] == (0, "built 2 plan(s) into out/\n")


def test_new_keeps_comments_order_and_quoting(empty: Path) -> None:
    initialised(empty)
    decide_2026(empty)
    assert run("new", "2027")[0] == 0
    assert (empty / NEXT / "initiatives.yaml").read_text("utf-8") == (
        "initiatives:\n"
        "  # Nyt i år\n"
        "  - {id: natteliv, title: Tryghed i nattelivet, status: continued, since: 2026}\n"
        "  - id: unge\n    title: 'Unge og kriminalitet'\n    status: continued\n"
        "    since: 2024\n"
    )
    plan = (empty / NEXT / "plan.yaml").read_text("utf-8").splitlines()
    old = (empty / PLAN / "plan.yaml").read_text("utf-8").splitlines()
    changed = [(a, b) for a, b in zip(old, plan, strict=True) if a != b]
    assert changed == [
        ("year: 2026", "year: 2027"),
        (
            "title: Samarbejdsplan 2026 for Nordjyllands Politi",
            "title: Samarbejdsplan 2027 for Nordjyllands Politi",
        ),
        ("effective_from: 2026-01-01", "effective_from: 2027-01-01"),
        ("discussed_in_kredsraad: 2025-12-01", "discussed_in_kredsraad:"),
        (
            "published: {date: 2026-01-05, url: 'https://politi.dk/nordjyllands-politi'}",
            "published:",
        ),
    ]
    organisation = (empty / NEXT / "organisation.yaml").read_text("utf-8")
    assert "meeting_dates" not in organisation
    assert organisation.startswith("# Samarbejdets organisation.")
    assert (empty / NEXT / "sections.yaml").read_bytes() == (
        empty / PLAN / "sections.yaml"
    ).read_bytes()


def test_new_refuses_an_existing_plan_folder(empty: Path) -> None:
    initialised(empty)
    assert run("new", "2027")[0] == 0
    before = (empty / NEXT / "plan.yaml").read_bytes()
    code, _, err = run("new", "2027")
    assert code == 2
    assert f"{NEXT} already exists; nothing was written" in err
    assert (empty / NEXT / "plan.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "2027", "--from", "2027"], "--from 2027 is not a year before 2027"),
        (["new", "2027", "--from", "2020"], "no district has a plan before 2027"),
        (["new", "2026"], "no district has a plan before 2026"),
        (["new", "2027", "--district", "fyns-politi"], "fyns-politi has no plan before 2027"),
        (["new", "2027", "--data", "nowhere"], "data folder 'nowhere' does not exist"),
    ],
)
def test_new_usage_errors(empty: Path, args: list[str], message: str) -> None:
    initialised(empty)
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert message in err
    assert sorted(p.name for p in (empty / "data/nordjyllands-politi").iterdir()) == ["2026"]


def test_new_from_a_plan_that_does_not_load_writes_nothing(empty: Path) -> None:
    initialised(empty)
    (empty / PLAN / "broken.yaml").write_text("fora: [\n", "utf-8")
    code, out, err = run("new", "2027")
    assert (code, out) == (1, "")
    assert "broken.yaml:2:1: error[SP001 invalid-yaml]" in err
    assert err.endswith("a plan to start from does not load; nothing was written\n")
    assert sorted(p.name for p in (empty / "data/nordjyllands-politi").iterdir()) == ["2026"]


def test_init_refuses_to_overwrite_and_writes_nothing(empty: Path) -> None:
    (empty / "README.md").write_text("mine\n", "utf-8")
    code, out, err = run("init", "--district", "nordjyllands-politi", "--year", "2026")
    assert (code, out) == (2, "")
    assert err == "Error: already there: README.md; samplan init wrote nothing\n"
    assert sorted(p.name for p in empty.iterdir()) == ["README.md"]
    assert (empty / "README.md").read_text("utf-8") == "mine\n"


def test_init_into_a_new_folder_says_to_go_there(empty: Path) -> None:
    code, out, _ = run("init", "plans", "--district", "fyns-politi", "--year", "2020")
    assert code == 0
    assert "  cd plans\n" in out
    assert (empty / "plans/data/fyns-politi/2020/plan.yaml").is_file()


def test_init_of_an_unknown_district_is_a_usage_error(empty: Path) -> None:
    code, out, err = run("init", "--district", "nordjylland", "--year", "2026")
    assert (code, out) == (2, "")
    assert "'nordjylland' is not a police district id; did you mean 'nordjyllands-politi'?" in err
    assert list(empty.iterdir()) == []


@pytest.mark.parametrize("district", sorted(registry().districts))
def test_every_districts_starting_plan_checks_clean_but_for_the_placeholders(
    empty: Path, district: str
) -> None:
    assert run("init", "--district", district, "--year", "2030")[0] == 0
    assert [code for code, _, _ in findings()[1]] == ["SP106", "SP108"]
    assert run("build")[0] == 0


def test_new_names_the_headings_left_from_the_old_year(empty: Path) -> None:
    district = "data/midt-og-vestjyllands-politi"
    shutil.copytree(ROOT / district, empty / district)
    code, out, _ = run("new", "2021")
    assert code == 0
    assert out.count("(write this year's heading)") == 3
    assert "  - the heading 'Ny indsats i 2020' names 2020 in the plan for 2021" in out
    file = "data/midt-og-vestjyllands-politi/2021/sections.yaml"
    assert [x for x in findings()[1] if x[0] == "SP120"] == [("SP120", 2021, file)] * 3


def test_new_keeps_a_byte_order_mark_and_crlf_line_endings(empty: Path) -> None:
    folder = empty / "data/fyns-politi/2020"
    folder.mkdir(parents=True)
    text = "district: fyns-politi\r\nyear: 2020\r\n# c\r\ntitle: 'Plan 2020'\r\n"
    (folder / "plan.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert run("new", "2021")[0] == 0
    rolled = (empty / "data/fyns-politi/2021/plan.yaml").read_bytes()
    assert rolled == b"\xef\xbb\xbf" + text.replace("2020", "2021").encode()


def test_the_workflow_and_the_hook_are_the_ones_the_readme_shows() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("### In CI\n", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("```", 1)[0] for b in section.split("```yaml\n")[1:]]
    assert blocks == [package_text("pre-commit-config.yaml"), package_text("workflow.yml")]


def test_init_takes_back_what_it_wrote_when_a_file_cannot_be_written(empty: Path) -> None:
    (empty / ".vscode").write_text("a file where a folder must be\n", "utf-8")
    code, out, err = run("init", "--district", "nordjyllands-politi", "--year", "2026")
    assert (code, out) == (2, "")
    assert err.startswith("Error: already there: ")
    assert err.rstrip().endswith(".vscode; samplan init wrote nothing")
    assert sorted(p.name for p in empty.rglob("*") if p.is_file()) == [".vscode"]


def test_new_from_an_earlier_year_and_for_one_district(empty: Path) -> None:
    initialised(empty)
    assert run("init", "--district", "fyns-politi", "--year", "2026")[0] == 2  # README.md
    assert run("new", "2027")[0] == 0
    code, out, _ = run("new", "2028", "--from", "2026", "--district", "nordjyllands-politi")
    assert code == 0
    assert out.startswith("data/nordjyllands-politi/2028: from 2026\n")
    assert "  plan.yaml: year: 2026 → 2028\n" in out
    title = "title: Samarbejdsplan 2028 for Nordjyllands Politi\n"
    assert title in (empty / "data/nordjyllands-politi/2028/plan.yaml").read_text("utf-8")
