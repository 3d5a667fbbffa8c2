"""`samplan diff` output cannot be forged by what a plan holds (issue 12, item 7).

A title with a newline must not start a line of its own (a forged change, or a GitHub
workflow command such as `::error::`), a carriage return must not overwrite a line, and
escape sequences and bidirectional overrides must not reach a terminal: every control
character from a plan is shown as its escape, in text, Markdown and HTML output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from click.testing import CliRunner

from samplan.cli import main
from samplan.diff.compare import diff_plans
from samplan.model import Plan
from samplan.render.diffview import as_page, as_text, visible
from samplan.render.environment import make_environment

# (name, the hostile text, what the report must show instead)
HOSTILE = [
    ("newline-forges-a-change", "SSP\n+ Nyt initiativ: »Falsk«", "SSP\\n+ Nyt initiativ"),
    ("newline-forges-a-workflow-command", "SSP\n::error file=x::forged", "SSP\\n::error"),
    ("carriage-return-overwrites", "SSP\r~ Ingen ændringer", "SSP\\r~ Ingen"),
    ("terminal-escape", "SSP\x1b[2J\x1b[31m", "SSP\\x1b[2J\\x1b[31m"),
    ("bell-and-nul-and-del", "SSP\x07\x00\x7f", "SSP\\x07\\x00\\x7f"),
    ("c1-control", "SSP\x9b31m", "SSP\\x9b31m"),
    ("line-separator", "SSP\u2028::warning::x", "SSP\\u2028::warning"),
    ("bidi-override", "SSP \u202eliated\u202c", "SSP \\u202eliated\\u202c"),
]
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
MARKS = ("+ ", "- ", "~ ", "    ")
# The lines a Markdown diff page is made of: nothing from a plan may start another.
PAGE_LINE = re.compile(r"^(# Hvad er nyt|## |Ændringer i »|\d+ ændring|- |  > )")


def plan_data(year: int, hostile: str) -> dict[str, Any]:
    """A plan with the hostile text in its title, entity titles, prose and a list."""
    extra = " ændret" if year == 2020 else ""
    return {
        "district": "fyns-politi",
        "year": year,
        "title": f"Plan {hostile}{extra}",
        "fora": [
            {"id": "ssp", "title": hostile + extra, "description": f"Tekst {hostile}{extra}"},
            {"title": f"Forum {year} {hostile}"},
        ],
        "initiatives": [{"id": "i", "title": "I", "partners": [hostile + extra]}],
    }


def repository(tmp_path: Path, hostile: str) -> Path:
    data = tmp_path / "data"
    for year in (2019, 2020):
        folder = data / "fyns-politi" / str(year)
        folder.mkdir(parents=True)
        text = yaml.safe_dump(plan_data(year, hostile), allow_unicode=True)
        (folder / "plan.yaml").write_text(text, "utf-8")
    return data


def run(data: Path, fmt: str) -> tuple[int, str, str]:
    args = ["diff", "2019", "2020", "--data", str(data), "--format", fmt]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


def check_text(out: str, shown: str, count: int) -> None:
    """One marked line per change, nothing from the plan starting a line, no control."""
    assert not CONTROL.search(out), repr(out)
    head, summary, blank, *lines = out.splitlines()
    assert (head, blank) == ("Fyns Politi: 2019 → 2020", "")
    assert summary.startswith(f"{count} ændringer fra 2019 til 2020")
    assert all(line.startswith(MARKS) for line in lines), lines
    assert len([line for line in lines if not line.startswith("    ")]) == count
    assert shown in out


def check_page(page: str) -> None:
    assert not CONTROL.search(page), repr(page)
    for line in page.splitlines():
        assert not line or PAGE_LINE.match(line), line


@pytest.mark.parametrize(("name", "hostile", "shown"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_the_report_escapes_what_the_plan_holds(name: str, hostile: str, shown: str) -> None:
    old, new = (Plan.model_validate(plan_data(year, hostile)) for year in (2019, 2020))
    diff = diff_plans(old, new)
    check_text(as_text([diff], colour=False), shown, len(diff.changes))
    check_text(click.unstyle(as_text([diff], colour=True)), shown, len(diff.changes))
    env = make_environment()
    check_page(as_page(env, [diff], "md"))
    assert not CONTROL.search(as_page(env, [diff], "html"))


@pytest.mark.parametrize(("name", "hostile", "shown"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_the_command_escapes_or_refuses_what_the_plan_holds(
    tmp_path: Path, name: str, hostile: str, shown: str
) -> None:
    data = repository(tmp_path, hostile)
    code, out, err = run(data, "text")
    if code == 2:  # the loader refuses the character: nothing is compared
        assert (out, "SP017 forbidden-character" in err) == ("", True)
        return
    assert code == 0, err
    count = len(json.loads(run(data, "json")[1])["changes"])
    check_text(out, shown, count)
    check_page(run(data, "md")[1])
    assert not CONTROL.search(run(data, "html")[1])


def test_json_keeps_the_plans_text_as_it_is(tmp_path: Path) -> None:
    code, out, _ = run(repository(tmp_path, "SSP\n::error::x"), "json")
    assert code == 0
    assert "SSP\n::error::x ændret" in {c["title"] for c in json.loads(out)["changes"]}


def test_visible_escapes_controls_and_keeps_danish_text() -> None:
    assert visible("Kredsrådet – »Æbler« ø å") == "Kredsrådet – »Æbler« ø å"
    assert visible("a\nb\rc\td\x1b") == "a\\nb\\rc\\td\\x1b"
    assert visible("\u202e\u2066x\u2069") == "\\u202e\\u2066x\\u2069"
