"""The command line: the only package that prints or exits. This module holds the
`samplan` group and the executable; each command lives in a module of its own beside it
(build, check, diff, reference; init, new and serve in samplan/authoring/commands.py),
and what they share in common.py.

Heavy libraries (pydantic, jinja2, markdown) are imported inside the commands that
need them, so `samplan --version` stays instant. The `samplan` executable is `run()`:
the commands without a collection of garbage during their imports, and a process that
ends as soon as its output is written (no teardown of every module).
"""

from __future__ import annotations

import atexit
import gc
import os
import sys

import click

from samplan import __version__
from samplan.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, QUICK_START
from samplan.locale import LANGUAGES, Language
from samplan.options import LanguageGroup, choose_language

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main", "run"]


@click.group(cls=LanguageGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="samplan", message="%(prog)s %(version)s")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    envvar="SAMPLAN_LANG",
    is_eager=True,
    callback=choose_language,
    help="The language of samplan's messages: da (default) or en; also SAMPLAN_LANG.",
)
@click.pass_context
def main(ctx: click.Context, lang: Language | None) -> None:
    """samplan: write, check and publish samarbejdsplaner (retsplejeloven § 113) as code.

    Run from the root of a plan repository (data/<district-id>/<year>/*.yaml).

    \b
    Examples:
      samplan build 2020          render the 2020 plans into out/
      samplan check               the CI gate of a plan repository
      samplan diff 2019 2020      what changed from 2019 to 2020
      samplan schema > plan.schema.json
    """
    # The language is chosen already: samplan.options.LanguageGroup and --lang's callback.
    if ctx.invoked_subcommand not in QUICK_START:
        gc.enable()  # run() left it off for the imports of the commands that turn it on


def run() -> None:
    """The `samplan` executable: main(), then everything flushed and a fast exit.

    Exit handlers still run; only the interpreter's teardown is skipped (files are closed
    by the commands themselves, every output is flushed here first).
    """
    from samplan.startup import defer_pydantic_plugins

    defer_pydantic_plugins()
    gc.disable()
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # sys.exit("text"), as Python itself reports it
        code = 1
    atexit._run_exitfuncs()
    status = code or 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            status = status or 120  # what Python answers when the output cannot be written
    os._exit(status)


def _register() -> None:
    """Every command, each from the module that holds it."""
    from samplan.authoring.commands import init, new, serve
    from samplan.cli.build import build
    from samplan.cli.check import check
    from samplan.cli.diff import diff
    from samplan.cli.reference import rules, schema

    for command in (build, check, diff, rules, schema, init, new, serve):
        main.add_command(command)


_register()
