"""`samplan rules CODE` explains every code samplan prints, and `samplan --help` lists the
commands in whole sentences."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from samplan.cli import main
from samplan.code_docs import EXPLANATIONS
from samplan.diagnostics import LOADER_CODES
from samplan.rules import RULES, UNUSED_SUPPRESSION

pytestmark = pytest.mark.usefixtures("english_cli")

EVERY_CODE = sorted([*(c.code for c in LOADER_CODES), *RULES, UNUSED_SUPPRESSION[0]])


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_every_code_that_is_no_rule_has_an_explanation() -> None:
    assert {*(c.code for c in LOADER_CODES), UNUSED_SUPPRESSION[0]} <= set(EXPLANATIONS)
    assert all(re.fullmatch(r"SP0\d\d|SP117", code) for code in EXPLANATIONS)


@pytest.mark.parametrize("code", EVERY_CODE)
def test_rules_explains_every_code(code: str) -> None:
    names = {c.code: c.name for c in LOADER_CODES} | {UNUSED_SUPPRESSION[0]: UNUSED_SUPPRESSION[1]}
    names |= {c: r.NAME for c, r in RULES.items()}
    status, out = run("rules", code.lower())
    assert status == 0
    assert out.startswith(f"{code} {names[code]} (")
    assert len(out.splitlines()) >= 3


def test_rules_names_the_codes_it_explains_besides_the_rules() -> None:
    assert run("rules")[1].endswith(
        "\nSP0xx (loading and building plans) and SP117: `samplan rules CODE` explains each.\n"
    )
    assert run("rules", "SP099")[0] == 2


def test_the_command_list_shows_whole_sentences() -> None:
    out = run("--help")[1]
    listed = out.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed] == main.list_commands(click.Context(main))
    for line in listed:
        assert line.endswith(".") and not line.endswith("..."), line
