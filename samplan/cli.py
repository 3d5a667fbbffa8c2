"""The command line: the only module that prints or exits.

Heavy libraries (pydantic, jinja2, markdown) are imported inside the commands that
need them, so `samplan --version` stays instant.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from samplan import __version__

if TYPE_CHECKING:
    from samplan.diagnostics import Diagnostic

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

data_option = click.option(
    "--data",
    "data",
    default="data",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder of plans: <data>/<district-id>/<year>/*.yaml.",
)
district_option = click.option(
    "--district",
    "districts",
    multiple=True,
    metavar="ID",
    help="Only this district (repeatable), e.g. fyns-politi.",
)


def _data_dir(data: Path) -> Path:
    if not data.is_dir():
        raise click.UsageError(f"data folder '{data}' does not exist (use --data DIR)")
    return data


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    from samplan.diagnostics import format_text

    for diag in sorted(diagnostics, key=lambda x: x.sort_key):
        click.echo(format_text(diag), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="samplan", message="%(prog)s %(version)s")
def main() -> None:
    """samplan: write, check and publish samarbejdsplaner (retsplejeloven § 113) as code.

    Run from the root of a plan repository (data/<district-id>/<year>/*.yaml).

    \b
    Examples:
      samplan build 2020          render the 2020 plans into out/
      samplan schema > plan.schema.json
    """


@main.command()
@click.argument("years", nargs=-1, type=click.IntRange(1900, 2200))
@district_option
@data_option
@click.option(
    "--out",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the published plans.",
)
@click.option(
    "--templates",
    "templates",
    default="templates",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The repository's own templates, searched before the built-in ones.",
)
def build(
    years: tuple[int, ...], districts: tuple[str, ...], data: Path, out: Path, templates: Path
) -> None:
    """Render plans into OUT: index.html, plan.md and plan.json for each plan.

    With no YEAR, every year is built. Exits 0 when every plan was built (findings are
    printed), 1 when a plan could not be built, 2 on a usage error.

    \b
    Examples:
      samplan build                       every plan in data/
      samplan build 2020 --district fyns-politi --out site
    """
    from samplan.build import build as run_build

    root = Path.cwd()
    report = run_build(
        root, _data_dir(data), out, set(years) or None, set(districts) or None, templates
    )
    _print_diagnostics(report.diagnostics)
    click.echo(f"built {len(report.built)} plan(s) into {out}/", err=False)
    if report.failed:
        click.echo(f"{len(report.failed)} plan(s) could not be built", err=True)
    errors = [x for x in report.diagnostics if x.severity == "error"]
    sys.exit(EXIT_FINDINGS if report.failed or errors else EXIT_OK)


@main.command()
def schema() -> None:
    """Print the JSON Schema of a plan file, generated from the plan model.

    \b
    Example:
      samplan schema > plan.schema.json
    """
    import json

    from samplan.model import plan_json_schema

    click.echo(json.dumps(plan_json_schema(), ensure_ascii=False, indent=2, sort_keys=True))
