"""`samplan build`: render plans into an output folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from samplan.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    data_dir,
    imports_done,
    print_diagnostics,
    selection,
    settings,
)
from samplan.locale import t, tn
from samplan.options import (
    config_option,
    data_option,
    district_option,
    lang_option,
    templates_option,
)


@click.command(short_help="Render plans into out/: pages, Markdown, JSON and calendars.")
@click.argument("years", nargs=-1, type=click.IntRange(1900, 2200))
@district_option
@data_option
@click.option(
    "--out",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the published plans: a new folder or one samplan wrote (never "
    "the data, the templates or the repository root).",
)
@templates_option
@config_option
@lang_option
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["html", "pdf"]),
    default=["html"],
    show_default=True,
    help="html: the site (always written); pdf: also plan.pdf of each plan, a tagged "
    "PDF/UA (needs samplan[pdf], see README). Repeatable.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
def build(
    years: tuple[int, ...],
    districts: tuple[str, ...],
    data: Path,
    out: Path,
    templates: Path,
    config_path: Path,
    formats: tuple[str, ...],
    strict: bool,
) -> None:
    """Render plans into OUT: index.html, plan.md, plan.json and, for a plan with
    dated meetings, moeder.ics (iCalendar) for each plan; plan.pdf with --format pdf.

    With no YEAR, every year is built. Exits 0 when every plan was built (findings are
    printed), 1 when a plan could not be built or an error was found (with --strict: a
    warning too), 2 on a usage error or when --format pdf cannot run here.

    \b
    Examples:
      samplan build                       every plan in data/
      samplan build 2020 --district fyns-politi --out site
      samplan build --format pdf          the site, and a PDF of every plan
    """
    from samplan.build import build as run_build

    imports_done()

    pdf = "pdf" in formats
    if pdf:
        from samplan.render.pdf import unavailable

        problem = unavailable()
        if problem is not None:
            click.echo(t("cli.no-pdf", problem=problem), err=True)
            sys.exit(EXIT_USAGE)
    from samplan.outfolder import OutputRefused
    from samplan.render.calendar import source_date_epoch

    try:
        source_date_epoch()
    except ValueError as err:
        raise click.UsageError(t("cli.bad-epoch", error=err)) from None
    root = Path.cwd()
    config = settings(config_path)
    try:
        with selection():
            chosen = (set(years) or None, set(districts) or None)
            report = run_build(root, data_dir(data), out, *chosen, templates, pdf, config)
    except OutputRefused as err:
        click.echo(t("cli.error", message=err), err=True)
        sys.exit(EXIT_USAGE)
    print_diagnostics(report.diagnostics)
    click.echo(tn("cli.built", "cli.built.plural", len(report.built), out=out), err=False)
    if report.failed:
        click.echo(tn("cli.not-built", "cli.not-built.plural", len(report.failed)), err=True)
    failing = {"error", "warning"} if strict else {"error"}
    found = any(x.severity in failing for x in report.diagnostics)
    sys.exit(EXIT_FINDINGS if report.failed or found else EXIT_OK)
