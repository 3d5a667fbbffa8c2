"""The command line: the only module that prints or exits.

Heavy libraries (pydantic, jinja2, markdown) are imported inside the commands that
need them, so `samplan --version` stays instant. The `samplan` executable is `run()`:
the commands without a collection of garbage during their imports, and a process that
ends as soon as its output is written (no teardown of every module).
"""

from __future__ import annotations

import atexit
import gc
import inspect
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from samplan import __version__
from samplan.locale import LANGUAGES, Language, t, tn, use_language
from samplan.options import (
    config_option,
    data_option,
    district_option,
    lang_option,
    templates_option,
)

if TYPE_CHECKING:
    from samplan.cache import CheckCache
    from samplan.config import Config
    from samplan.diagnostics import Diagnostic
    from samplan.diff.changes import PlanDiff
    from samplan.diff.plans import Comparison

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(click.UsageError):
    """A usage error of samplan's own, said in the user's language (exit code 2)."""

    def show(self, file: object = None) -> None:
        command = self.ctx.command_path if self.ctx else "samplan"
        click.echo(t("cli.see-help", command=command), err=True)
        click.echo(t("cli.error", message=self.format_message()), err=True)


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
        click.echo(t("cli.error", message=err), err=True)
        sys.exit(EXIT_USAGE)


def _settings(
    config_path: Path, known: set[str] | None = None, cache: CheckCache | None = None
) -> Config:
    """samplan.yaml, or exit 2 with its located problems; `known` are the codes it may
    name (every code samplan prints, unless the caller already knows them). With the
    check cache, only what check needs is read, from the cache when the file is unchanged."""
    from samplan.config import ConfigError, load_config

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
        _print_diagnostics(err.diagnostics)
        sys.exit(EXIT_USAGE)
    if config.lang is not None and "samplan.lang" not in click.get_current_context().meta:
        use_language(config.lang)
    return config


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    from samplan.diagnostics import format_text

    for diag in sorted(diagnostics, key=lambda x: x.sort_key):
        click.echo(format_text(diag), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="samplan", message="%(prog)s %(version)s")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    envvar="SAMPLAN_LANG",
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
    use_language(lang or "da")
    if lang is not None:
        ctx.meta["samplan.lang"] = lang
    if ctx.invoked_subcommand not in _QUICK_START:
        gc.enable()  # run() left it off for the imports of the commands that turn it on


# These commands call _imports_done() once they have imported what they need.
_QUICK_START = frozenset({"check", "build", "diff"})


def _imports_done() -> None:
    """The imports are made: keep their objects out of every later collection (run() only)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


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
def build(
    years: tuple[int, ...],
    districts: tuple[str, ...],
    data: Path,
    out: Path,
    templates: Path,
    config_path: Path,
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

    _imports_done()

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
    config = _settings(config_path)
    try:
        with _selection():
            selection = (set(years) or None, set(districts) or None)
            report = run_build(root, _data_dir(data), out, *selection, templates, pdf, config)
    except OutputRefused as err:
        click.echo(t("cli.error", message=err), err=True)
        sys.exit(EXIT_USAGE)
    _print_diagnostics(report.diagnostics)
    click.echo(tn("cli.built", "cli.built.plural", len(report.built), out=out), err=False)
    if report.failed:
        click.echo(tn("cli.not-built", "cli.not-built.plural", len(report.failed)), err=True)
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
    config = _settings(config_path, set(codes.known), cache)
    with _selection():
        report = run_check(
            root, _data_dir(data), config, set(years) or None, set(districts) or None, cache
        )
    _imports_done()  # after the check: the loader and the rules are imported on a cache miss
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
        click.echo(tn("cli.not-loaded", "cli.not-loaded.plural", result.failed), err=True)
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

    _imports_done()
    try:
        if years[0] is not None and years[1] is not None:
            return compare_years(root, _data_dir(data), years[0], years[1], set(districts) or None)
        if years[0] is not None or years[1] is not None:
            raise UsageError(t("cli.year-and-folder"))
        for folder in (old, new):
            if not Path(folder).is_dir():
                raise UsageError(t("cli.not-year-or-folder", text=folder))
        if districts:
            raise UsageError(t("cli.district-with-folders"))
        return compare_folders(root, Path(old), Path(new))
    except ComparisonError as err:
        raise UsageError(str(err)) from None


def _as_year(text: str) -> int | None:
    """A year argument, or None for a folder; a number out of range is a usage error."""
    if not text.isascii() or not text.isdigit():
        return None
    year = int(text)
    if not 1900 <= year <= 2200 and not Path(text).is_dir():
        raise UsageError(t("cli.not-a-year", text=text))
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
        raise click.UsageError(t("cli.output-not-written", path=output, reason=_why(err))) from None
    if not stat.S_ISREG(mode):
        raise click.UsageError(t("cli.output-not-a-file", path=output))
    try:
        write_atomic(output, text)
    except OSError as err:
        raise click.UsageError(t("cli.output-not-written", path=output, reason=_why(err))) from None


def _why(err: OSError) -> str:
    return err.strerror or str(err)


def _render_diff(diffs: list[PlanDiff], fmt: str, colour: bool, templates: Path) -> str:
    from samplan.render import diffview

    if fmt == "text":
        return diffview.as_text(diffs, colour)
    if fmt == "json":
        return diffview.as_json(diffs)
    from samplan.build import tidy
    from samplan.diagnostics import Diagnostic
    from samplan.render.guarded import Guard, own_templates
    from samplan.render.site import Site, site_environment

    def page() -> dict[str, str | bytes]:
        env = site_environment(templates, Site())
        return {"page": tidy(diffview.as_page(env, diffs, fmt))}

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
        click.echo(
            t(
                "cli.rule-head",
                code=rule.CODE,
                name=rule.NAME,
                severity=rule.SEVERITY,
                year=rule.FIRST_YEAR,
            )
            + "\n"
        )
        click.echo(t("cli.rule-source", source=rule.SOURCE) + "\n")
        click.echo(inspect.cleandoc(rule.__doc__ or ""))
        return
    for rule in RULES.values():
        click.echo(
            f"{rule.CODE}  {rule.NAME:<40} {rule.SEVERITY:<8} {rule.FIRST_YEAR}  {rule.SOURCE}"
        )
        click.echo(f"       {summary(rule)}")
    click.echo("\n" + t("cli.other-codes"))


def _explain_code(code: str) -> None:
    """`samplan rules CODE` for a code of the loader, the build or the check engine."""
    import textwrap

    from samplan.code_docs import EXPLANATIONS
    from samplan.diagnostics import LOADER_CODES
    from samplan.rules import UNUSED_SUPPRESSION

    names = {c.code: c.name for c in LOADER_CODES}
    if code == UNUSED_SUPPRESSION[0]:
        click.echo(t("cli.code-of-check", code=code, name=UNUSED_SUPPRESSION[1]) + "\n")
    elif code in names:
        click.echo(t("cli.code-of-loader", code=code, name=names[code]) + "\n")
    else:
        raise UsageError(t("cli.no-such-code", code=code))
    click.echo(textwrap.fill(EXPLANATIONS[code], 88))


@main.command(short_help="Print the JSON Schema of plan files, for editors.")
def schema() -> None:
    """Print the JSON Schema of a plan file, generated from the plan model.

    \b
    Example:
      samplan schema > plan.schema.json
    """
    import json

    from samplan.plan_schema import plan_schema

    click.echo(json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=True))


def _register() -> None:
    """Commands that live in their own modules."""
    from samplan.authoring.commands import init, new, serve

    main.add_command(init)
    main.add_command(new)
    main.add_command(serve)


_register()
