"""The command line: the only module that prints or exits.

Heavy libraries (pydantic, jinja2, markdown) are imported inside the commands that
need them, so `samplan --version` stays instant.
"""

from __future__ import annotations

import inspect
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
@click.argument("years", nargs=-1, type=click.IntRange(1900, 2200))
@district_option
@data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts, github for Actions annotations, sarif for "
    "code scanning.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@click.option(
    "--config",
    "config_path",
    default="samplan.yaml",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Repository settings: rule severities and ignores.",
)
def check(
    years: tuple[int, ...],
    districts: tuple[str, ...],
    data: Path,
    fmt: str,
    strict: bool,
    config_path: Path,
) -> None:
    """Validate plans and run every rule of the law and good practice.

    Exits 0 when there is no error finding (with --strict: no warning either), 1 when
    there are findings, 2 on a usage or configuration error. A finding is silenced on
    its line with a YAML comment `# samplan: ignore[SP104]`; severities and ignores per
    rule are set in samplan.yaml (see `samplan rules`).

    \b
    Examples:
      samplan check                          every plan in data/
      samplan check 2020 --format json       the 2020 plans, for a script
      samplan check --format github --strict in a GitHub Actions workflow
    """
    from samplan.check import check as run_check
    from samplan.config import ConfigError, load_config
    from samplan.diagnostics import LOADER_CODES
    from samplan.report import REPORTER_BY_NAME
    from samplan.rules import RULES, UNUSED_SUPPRESSION

    known = {*RULES, UNUSED_SUPPRESSION[0], *(c.code for c in LOADER_CODES)}
    try:
        config = load_config(config_path, known)
    except ConfigError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    report = run_check(
        Path.cwd(), _data_dir(data), config, set(years) or None, set(districts) or None
    )
    click.echo(REPORTER_BY_NAME[fmt](report.diagnostics, report.plans), nl=False)
    failing = {"error", "warning"} if strict else {"error"}
    sys.exit(EXIT_FINDINGS if any(x.severity in failing for x in report.diagnostics) else 0)


@main.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """List every rule: code, name, default severity, legal source, first plan year.

    With a CODE, print that rule's documentation.

    \b
    Examples:
      samplan rules
      samplan rules SP104
    """
    from samplan.rules import RULES
    from samplan.rules.base import summary

    if code is not None:
        rule = RULES.get(code.upper())
        if rule is None:
            raise click.UsageError(f"no rule has the code '{code}' (see `samplan rules`)")
        click.echo(f"{rule.CODE} {rule.NAME} ({rule.SEVERITY}, from {rule.FIRST_YEAR})\n")
        click.echo(f"Source: {rule.SOURCE}\n")
        click.echo(inspect.cleandoc(rule.__doc__ or ""))
        return
    for rule in RULES.values():
        click.echo(
            f"{rule.CODE}  {rule.NAME:<40} {rule.SEVERITY:<8} {rule.FIRST_YEAR}  {rule.SOURCE}"
        )
        click.echo(f"       {summary(rule)}")


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
