"""`samplan check`: validate plans and run every rule."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from samplan.cli.common import (
    EXIT_FINDINGS,
    data_dir,
    imports_done,
    selection,
    settings,
)
from samplan.options import (
    config_option,
    data_option,
    district_option,
    lang_option,
)


@click.command()
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
    "--verbose",
    is_flag=True,
    help="Also say which rules did not judge a partial plan (source: excerpt, summary, "
    "news item), on standard error.",
)
@config_option
@lang_option
@click.option(
    "--no-cache",
    is_flag=True,
    help="Check every plan anew, without the cache in .samplan-cache/ (or $SAMPLAN_CACHE_DIR).",
)
def check(
    years: tuple[int, ...],
    districts: tuple[str, ...],
    data: Path,
    fmt: str,
    strict: bool,
    verbose: bool,
    config_path: Path,
    no_cache: bool,
) -> None:
    """Validate plans and run every rule of the law and good practice.

    A plan whose `source` says it is partial (an excerpt, a summary, a news item) is not
    judged by the rules that need the whole plan; --verbose lists them ("not judged:
    excerpt").

    Exits 0 when there is no error finding (with --strict: no warning either), 1 when
    there are findings, 2 on a usage or configuration error. A finding is silenced on
    its line with a YAML comment `# samplan: ignore[SP104]`; severities and ignores per
    rule are set in samplan.yaml (see `samplan rules`).

    The findings on a plan whose files (and whose earlier year's files), settings and
    samplan itself did not change are taken from the cache in .samplan-cache/ (set
    SAMPLAN_CACHE_DIR to keep it elsewhere; --no-cache to check anew). The cache's
    folder ignores itself in git; it can be deleted at any time.

    \b
    Examples:
      samplan check                          every plan in data/
      samplan check 2020 --format json       the 2020 plans, for a script
      samplan check --format github --strict in a GitHub Actions workflow
      samplan check --verbose                also say what was not judged
    """
    from samplan.cache import CheckCache
    from samplan.catalog import catalog
    from samplan.check import check as run_check
    from samplan.report import REPORTER_BY_NAME, report_sarif

    root = Path.cwd()
    cache = CheckCache.open(root, enabled=not no_cache)
    codes = catalog(cache)
    config = settings(config_path, set(codes.known), cache)
    with selection():
        report = run_check(
            root, data_dir(data), config, set(years) or None, set(districts) or None, cache
        )
    imports_done()  # after the check: the loader and the rules are imported on a cache miss
    diags = report.diagnostics
    if fmt == "sarif":
        click.echo(report_sarif(diags, report.plans, codes.sarif_rules), nl=False)
    else:
        click.echo(REPORTER_BY_NAME[fmt](diags, report.plans), nl=False)
    if verbose:
        for skipped in report.not_judged:
            click.echo(skipped.text(), err=True)
    failing = {"error", "warning"} if strict else {"error"}
    sys.exit(EXIT_FINDINGS if any(x.severity in failing for x in diags) else 0)
