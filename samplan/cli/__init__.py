"""The command line: the only package that prints or exits. This module holds the
`samplan` group and the executable; each command lives in a module of its own beside it
(build, check, diff, reference; init, new and serve in samplan/authoring/commands.py),
and what they share in common.py.

A command's module is imported only when the command runs or its help is asked for
(samplan.cli.group), and heavy libraries (pydantic, jinja2, markdown) only inside the
commands that need them, so `samplan --version` stays instant and `samplan check`
imports no diff, build or template engine. The `samplan` executable is `run()`:
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
from samplan.cli.group import LanguageGroup, Listed
from samplan.locale import LANGUAGES, Language
from samplan.options import choose_language

__all__ = ["COMMANDS", "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main", "run"]

# Every command, the module that holds it and its line in `samplan --help`.
COMMANDS = {
    "build": Listed(
        "samplan.cli.build", "Render plans into out/: pages, Markdown, JSON and calendars."
    ),
    "check": Listed(
        "samplan.cli.check",
        "Validate plans and run every rule of the law and good practice.",
        shortened=True,
    ),
    "diff": Listed(
        "samplan.cli.diff", "Say what changed from one plan to another, in Danish.", shortened=True
    ),
    "init": Listed(
        "samplan.authoring.commands",
        "Make a plan repository: a starting plan, settings, CI and editor.",
    ),
    "new": Listed(
        "samplan.authoring.commands",
        "Start next year's plan from the latest one, keeping comments.",
    ),
    "rules": Listed(
        "samplan.cli.reference", "List every rule, or explain any code samplan prints."
    ),
    "schema": Listed("samplan.cli.reference", "Print the JSON Schema of plan files, for editors."),
    "serve": Listed(
        "samplan.authoring.commands",
        "Preview the plans live on 127.0.0.1, rebuilt on every change.",
    ),
}


@click.group(
    cls=LanguageGroup,
    listed=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
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
    # The language is chosen already: samplan.cli.group.LanguageGroup and --lang's callback.
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
