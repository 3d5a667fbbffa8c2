"""What every command of the command line shares: exit codes, usage errors in the
user's language, the selection of plans, samplan.yaml, and printing diagnostics.

Only the command line prints or exits (samplan/cli/); the modules below it return values.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from samplan.locale import t, use_language

if TYPE_CHECKING:
    from samplan.cache import CheckCache
    from samplan.config import Config
    from samplan.diagnostics import Diagnostic

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(click.UsageError):
    """A usage error of samplan's own, said in the user's language (exit code 2)."""

    def show(self, file: object = None) -> None:
        command = self.ctx.command_path if self.ctx else "samplan"
        click.echo(t("cli.see-help", command=command), err=True)
        click.echo(t("cli.error", message=self.format_message()), err=True)


def data_dir(data: Path) -> Path:
    from samplan.selection import require_folder

    require_folder(data)
    return data


@contextmanager
def selection() -> Iterator[None]:
    """A selection that matches no plan exits 2, saying what matched nothing."""
    from samplan.selection import NothingSelected

    try:
        yield
    except NothingSelected as err:
        print_diagnostics(err.diagnostics)
        click.echo(t("cli.error", message=err), err=True)
        sys.exit(EXIT_USAGE)


def settings(
    config_path: Path, known: set[str] | None = None, cache: CheckCache | None = None
) -> Config:
    """samplan.yaml, or exit 2 with its located problems; `known` are the codes it may
    name (every code samplan prints, unless the caller already knows them). With the
    check cache, only what check needs is read, from the cache when the file is unchanged."""
    from samplan.config import ConfigError, load_config

    if known is None and not config_path.is_file():
        known = set()  # no settings to name a code: the rules need not be imported to know them
    if known is None:
        from samplan.diagnostics import LOADER_CODES
        from samplan.rules import RULES, UNUSED_SUPPRESSION

        known = {*RULES, UNUSED_SUPPRESSION[0], *(c.code for c in LOADER_CODES)}
    try:
        if cache is not None:
            from samplan.check_settings import check_settings

            config = check_settings(config_path, known, cache)
        else:
            config = load_config(config_path, known)
    except ConfigError as err:
        print_diagnostics(err.diagnostics)
        sys.exit(EXIT_USAGE)
    if config.lang is not None and "samplan.lang" not in click.get_current_context().meta:
        use_language(config.lang)
    return config


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    from samplan.diagnostics import format_text

    for diag in sorted(diagnostics, key=lambda x: x.sort_key):
        click.echo(format_text(diag), err=True)


# These commands call imports_done() once they have imported what they need.
QUICK_START = frozenset({"check", "build", "diff"})


def imports_done() -> None:
    """The imports are made: keep their objects out of every later collection (run() only)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
