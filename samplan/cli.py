"""The command line: the only module that prints or exits.

Heavy libraries (pydantic, jinja2, markdown) are imported inside the commands that
need them, so `samplan --version` stays instant.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from samplan import __version__
from samplan.options import data_option, district_option, templates_option

if TYPE_CHECKING:
    from samplan.diagnostics import Diagnostic
    from samplan.diff.changes import PlanDiff
    from samplan.diff.plans import Comparison

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _data_dir(data: Path) -> Path:
    from samplan.selection import require_folder

    require_folder(data)
    return data


@contextmanager
def _selection() -> Iterator[None]:
    """A selection that matches no plan exits 2, saying what matched nothing."""
    from samplan.selection import NothingSelected

    try:
        yield
    except NothingSelected as err:
        _print_diagnostics(err.diagnostics)
        click.echo(f"Error: {err}", err=True)
        sys.exit(EXIT_USAGE)


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
      samplan check               the CI gate of a plan repository
      samplan diff 2019 2020      what changed from 2019 to 2020
      samplan schema > plan.schema.json
    """


@main.command(short_help="Render plans into out/: pages, Markdown, JSON and calendars.")
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
def build(
    years: tuple[int, ...],
    districts: tuple[str, ...],
    data: Path,
    out: Path,
    templates: Path,
    formats: tuple[str, ...],
) -> None:
    """Render plans into OUT: index.html, plan.md, plan.json and, for a plan with
    dated meetings, moeder.ics (iCalendar) for each plan; plan.pdf with --format pdf.

    With no YEAR, every year is built. Exits 0 when every plan was built (findings are
    printed), 1 when a plan could not be built, 2 on a usage error or when --format pdf
    cannot run here.

    \b
    Examples:
      samplan build                       every plan in data/
      samplan build 2020 --district fyns-politi --out site
      samplan build --format pdf          the site, and a PDF of every plan
    """
    from samplan.build import build as run_build

    pdf = "pdf" in formats
    if pdf:
        from samplan.render.pdf import unavailable

        problem = unavailable()
        if problem is not None:
            click.echo(
                f"Error: --format pdf needs WeasyPrint and pango ({problem}); "
                "install samplan[pdf], see the README",
                err=True,
            )
            sys.exit(EXIT_USAGE)
    from samplan.outfolder import OutputRefused
    from samplan.render.calendar import source_date_epoch

    try:
        source_date_epoch()
    except ValueError as err:
        raise click.UsageError(f"{err}; unset it or give seconds since 1970") from None
    root = Path.cwd()
    try:
        with _selection():
            report = run_build(
                root,
                _data_dir(data),
                out,
                set(years) or None,
                set(districts) or None,
                templates,
                pdf,
            )
    except OutputRefused as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(EXIT_USAGE)
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
    "--verbose",
    is_flag=True,
    help="Also say which rules did not judge a partial plan (source: excerpt, summary, "
    "news item), on standard error.",
)
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
    verbose: bool,
    config_path: Path,
) -> None:
    """Validate plans and run every rule of the law and good practice.

    A plan whose `source` says it is partial (an excerpt, a summary, a news item) is not
    judged by the rules that need the whole plan; --verbose lists them ("not judged:
    excerpt").

    Exits 0 when there is no error finding (with --strict: no warning either), 1 when
    there are findings, 2 on a usage or configuration error. A finding is silenced on
    its line with a YAML comment `# samplan: ignore[SP104]`; severities and ignores per
    rule are set in samplan.yaml (see `samplan rules`).

    \b
    Examples:
      samplan check                          every plan in data/
      samplan check 2020 --format json       the 2020 plans, for a script
      samplan check --format github --strict in a GitHub Actions workflow
      samplan check --verbose                also say what was not judged
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
    with _selection():
        report = run_check(
            Path.cwd(), _data_dir(data), config, set(years) or None, set(districts) or None
        )
    click.echo(REPORTER_BY_NAME[fmt](report.diagnostics, report.plans), nl=False)
    if verbose:
        for skipped in report.not_judged:
            click.echo(skipped.text(), err=True)
    failing = {"error", "warning"} if strict else {"error"}
    sys.exit(EXIT_FINDINGS if any(x.severity in failing for x in report.diagnostics) else 0)


@main.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@district_option
@data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "md", "html", "json"]),
    default="text",
    show_default=True,
    help="text for the terminal, md or html for a page to publish, json for scripts.",
)
@click.option(
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (a new or a regular file, replaced whole, never half-written) "
    "instead of standard output.",
)
@click.option("--exit-code", is_flag=True, help="Exit 1 when there are changes, 0 when none.")
@templates_option
def diff(
    old: str,
    new: str,
    districts: tuple[str, ...],
    data: Path,
    fmt: str,
    output: Path | None,
    exit_code: bool,
    templates: Path,
) -> None:
    """Say what changed from one plan to another, in Danish.

    OLD and NEW are two years (every district that has both, or those given with
    --district) or two plan folders. Bodies, fora, initiatives, sections, members and
    dated meetings are matched by id; reordering alone is no change, an entity whose id
    changed but whose content is nearly the same is reported as renamed, and a part the
    new plan leaves out entirely is not reported as removed.

    --format json prints one object (version, district, old, new, changes,
    summary) when one district is compared, and {"version": 1, "diffs": [...]}
    holding one such object per district otherwise. A change's old and new are
    data as in plan.json; old_text and new_text are their Danish display.

    Exits 0 (with --exit-code: 0 when nothing changed, 1 when something did), 2 on a
    usage error or a plan that cannot be loaded. Colour is used on a terminal unless
    NO_COLOR is set.

    \b
    Examples:
      samplan diff 2019 2020
      samplan diff 2007 2011 --district midt-og-vestsjaellands-politi --format md
      samplan diff data/fyns-politi/2019 data/fyns-politi/2020 --format json
      samplan diff 2019 2020 --format html --output aendringer.html
    """
    import os

    root = Path.cwd()
    years = [_as_year(x) for x in (old, new)]
    with _selection():
        result = _compare(root, data, old, new, years, districts)
    _print_diagnostics(result.diagnostics)
    if result.failed:
        click.echo(f"{result.failed} plan(s) could not be loaded; nothing compared", err=True)
        sys.exit(EXIT_USAGE)
    colour = fmt == "text" and output is None and sys.stdout.isatty()
    colour = colour and not os.environ.get("NO_COLOR")
    text = _render_diff(result.diffs, fmt, colour, templates)
    if output is None:
        click.echo(text, nl=False, color=colour)
    else:
        _write_output(output, text)
    changed = any(d.changes for d in result.diffs)
    sys.exit(EXIT_FINDINGS if exit_code and changed else EXIT_OK)


def _compare(
    root: Path,
    data: Path,
    old: str,
    new: str,
    years: list[int | None],
    districts: tuple[str, ...],
) -> Comparison:
    """The comparison OLD to NEW names: two years, or two plan folders."""
    from samplan.diff.plans import ComparisonError, compare_folders, compare_years

    try:
        if years[0] is not None and years[1] is not None:
            return compare_years(root, _data_dir(data), years[0], years[1], set(districts) or None)
        if years[0] is not None or years[1] is not None:
            raise click.UsageError("give two years or two plan folders, not one of each")
        for folder in (old, new):
            if not Path(folder).is_dir():
                raise click.UsageError(f"'{folder}' is neither a year nor a plan folder")
        if districts:
            raise click.UsageError("--district is for years, not for plan folders")
        return compare_folders(root, Path(old), Path(new))
    except ComparisonError as err:
        raise click.UsageError(str(err)) from None


def _as_year(text: str) -> int | None:
    """A year argument, or None for a folder; a number out of range is a usage error."""
    if not text.isascii() or not text.isdigit():
        return None
    year = int(text)
    if not 1900 <= year <= 2200 and not Path(text).is_dir():
        raise click.UsageError(f"'{text}' is not a plan year (1900-2200)")
    return year if 1900 <= year <= 2200 else None


def _write_output(output: Path, text: str) -> None:
    """--output: a new file or a regular one replaced whole; never a device or a link."""
    import stat

    from samplan.publish import write_atomic

    try:
        mode = output.lstat().st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    except OSError as err:
        raise click.UsageError(f"cannot write '{output}': {err.strerror or err}") from None
    if not stat.S_ISREG(mode):
        raise click.UsageError(f"'{output}' is not a regular file; give a new or a regular file")
    try:
        write_atomic(output, text)
    except OSError as err:
        raise click.UsageError(f"cannot write '{output}': {err.strerror or err}") from None


def _render_diff(diffs: list[PlanDiff], fmt: str, colour: bool, templates: Path) -> str:
    from samplan.render import diffview

    if fmt == "text":
        return diffview.as_text(diffs, colour)
    if fmt == "json":
        return diffview.as_json(diffs)
    from samplan.build import tidy
    from samplan.diagnostics import Diagnostic
    from samplan.render.environment import make_environment
    from samplan.render.guarded import Guard, own_templates

    def page() -> dict[str, str | bytes]:
        return {"page": tidy(diffview.as_page(make_environment(templates), diffs, fmt))}

    outcome = Guard(Path.cwd(), own_templates(templates)).render(page)
    if isinstance(outcome, Diagnostic):
        _print_diagnostics([outcome])
        sys.exit(EXIT_USAGE)
    return str(outcome["page"])


@main.command(short_help="List every rule, or explain any code samplan prints.")
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """List every rule: code, name, default severity, legal source, first plan year.

    With a CODE, print that rule's documentation, or the explanation of any other
    code samplan prints (SP0xx of loading and building plans, SP117 of the check).

    \b
    Examples:
      samplan rules
      samplan rules SP104
      samplan rules SP006
    """
    from samplan.rules import RULES
    from samplan.rules.base import summary

    if code is not None:
        rule = RULES.get(code.upper())
        if rule is None:
            _explain_code(code.upper())
            return
        click.echo(f"{rule.CODE} {rule.NAME} ({rule.SEVERITY}, from {rule.FIRST_YEAR})\n")
        click.echo(f"Source: {rule.SOURCE}\n")
        click.echo(inspect.cleandoc(rule.__doc__ or ""))
        return
    for rule in RULES.values():
        click.echo(
            f"{rule.CODE}  {rule.NAME:<40} {rule.SEVERITY:<8} {rule.FIRST_YEAR}  {rule.SOURCE}"
        )
        click.echo(f"       {summary(rule)}")
    click.echo(
        "\nSP0xx (loading and building plans) and SP117: `samplan rules CODE` explains each."
    )


def _explain_code(code: str) -> None:
    """`samplan rules CODE` for a code of the loader, the build or the check engine."""
    import textwrap

    from samplan.code_docs import EXPLANATIONS
    from samplan.diagnostics import LOADER_CODES
    from samplan.rules import UNUSED_SUPPRESSION

    names = {c.code: c.name for c in LOADER_CODES}
    if code == UNUSED_SUPPRESSION[0]:
        click.echo(f"{code} {UNUSED_SUPPRESSION[1]} (of the check)\n")
    elif code in names:
        click.echo(f"{code} {names[code]} (of loading and building plans)\n")
    else:
        raise click.UsageError(f"samplan prints no code '{code}' (see `samplan rules`)")
    click.echo(textwrap.fill(EXPLANATIONS[code], 88))


@main.command(short_help="Print the JSON Schema of plan files, for editors.")
def schema() -> None:
    """Print the JSON Schema of a plan file, generated from the plan model.

    \b
    Example:
      samplan schema > plan.schema.json
    """
    import json

    from samplan.model import plan_json_schema

    click.echo(json.dumps(plan_json_schema(), ensure_ascii=False, indent=2, sort_keys=True))


def _register() -> None:
    """Commands that live in their own modules."""
    from samplan.authoring.commands import init, new, serve

    main.add_command(init)
    main.add_command(new)
    main.add_command(serve)


_register()
