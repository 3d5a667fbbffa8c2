"""The command group imports a command only when it is wanted (samplan.cli.group), and
lists every command in `samplan --help` exactly as click would from the commands."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from cold_imports import among, imported

from samplan.cli import COMMANDS, main
from samplan.cli.group import speak_help
from samplan.locale import use_language

ROOT = Path(__file__).resolve().parent.parent

# `samplan --help` as the group writes it, or as click writes it from every command imported.
HELP = """
import sys
import click
from samplan.cli import main
if {imported}:
    main.every_command()
    type(main).format_commands = click.Group.format_commands
sys.argv = ["samplan", *{args!r}]
try:
    main()
except SystemExit:
    pass
print(sorted(m for m in sys.modules if m.startswith("samplan.")), file=sys.stderr)
"""


def help_of(args: list[str], imported: bool, columns: int) -> tuple[str, str]:
    env = {**os.environ, "COLUMNS": str(columns)}
    code = HELP.format(imported=imported, args=args)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    return proc.stdout, proc.stderr


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("columns", [40, 80])
def test_the_command_list_is_what_click_makes_of_the_commands(lang: str, columns: int) -> None:
    listed, modules = help_of(["--lang", lang, "--help"], imported=False, columns=columns)
    assert listed == help_of(["--lang", lang, "--help"], imported=True, columns=columns)[0]
    assert "samplan.cli.check" not in modules and "samplan.authoring.commands" not in modules


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_listed_line_is_the_command_s_own_short_help(name: str, lang: str) -> None:
    use_language(lang)  # type: ignore[arg-type]
    try:
        command = main.get_command(click.Context(main), name)
        assert command is not None and command.name == name
        speak_help(command)
        assert COMMANDS[name].shortened == (command.short_help is None)
        for limit in (20, 45, 68, 200):
            assert COMMANDS[name].line(limit) == command.get_short_help_str(limit)
    finally:
        use_language("da")


def test_every_command_is_listed() -> None:
    assert sorted(command.name or "" for command in main.every_command()) == sorted(COMMANDS)


def test_a_mistyped_command_is_told_the_commands_it_may_mean() -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "chek"])
    assert result.exit_code == 2
    assert "No such command 'chek'. (Did you mean one of: 'check', 'schema'?)" in result.stderr


NOT_FOR_CHECK = (
    "samplan.authoring",
    "samplan.build",
    "samplan.cli.build",
    "samplan.cli.diff",
    "samplan.diff.compare",
    "samplan.render",
    "samplan.serve",
    "jinja2",
    "markdown",
    "icalendar",
    "importlib.metadata",
)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_cold_check_imports_no_diff_build_or_template_engine(tmp_path: Path, fmt: str) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    modules = imported(tmp_path, "check", "--no-cache", "--format", fmt)
    assert among(modules, NOT_FOR_CHECK) == []
    assert "pydantic" in modules and "samplan.rules" in modules


# What a build needs only for a plan with an earlier year (the diff), for a repository's
# own templates (the worker), for settings that may name a code (the rules), or never.
NOT_FOR_ONE_PLAN = (
    "samplan.diff",
    "samplan.render.diffview",
    "samplan.render.worker",
    "samplan.rules",
    "samplan.cli.check",
    "samplan.authoring",
    "xml.sax",
    "urllib.request",
    "http.client",
)


def test_a_build_of_one_plan_without_settings_imports_no_diff_rules_or_worker(
    tmp_path: Path,
) -> None:
    shutil.copytree(ROOT / "data/fyns-politi", tmp_path / "data/fyns-politi")
    modules = imported(tmp_path, "build")
    assert (tmp_path / "out/fyns-politi/2020/index.html").is_file()
    assert among(modules, NOT_FOR_ONE_PLAN) == []
    (tmp_path / "samplan.yaml").write_text("severity:\n  SP104: warning\n", "utf-8")
    assert "samplan.rules" in imported(tmp_path, "build")  # to know the codes it names


HELP_READ = """
import sys
from samplan.cli import main
from samplan.locale import catalog_of
try:
    main({args!r})
except SystemExit:
    pass
print(catalog_of.cache_info().currsize, file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("args", "read"), [(["check"], 0), (["check", "--help"], 1), (["--help"], 1)]
)
def test_the_help_catalog_is_read_only_to_show_help(
    tmp_path: Path, args: list[str], read: int
) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    code = HELP_READ.format(args=[*args, "--no-cache"] if args == ["check"] else args)
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True
    )
    assert proc.stderr.splitlines()[-1] == str(read)
