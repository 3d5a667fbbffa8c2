"""`samplan diff`: what changed from one plan to another, in Danish."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from samplan.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    data_dir,
    imports_done,
    print_diagnostics,
    selection,
)
from samplan.locale import t, tn
from samplan.options import (
    data_option,
    district_option,
    templates_option,
)

if TYPE_CHECKING:
    from samplan.diff.changes import PlanDiff
    from samplan.diff.plans import Comparison


@click.command()
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
    with selection():
        result = _compare(root, data, old, new, years, districts)
    print_diagnostics(result.diagnostics)
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

    quick_start = not gc.isenabled()  # run(): the process ends as soon as it has written
    imports_done()
    if quick_start:
        gc.disable()  # the plans are trees that reference counting frees: collect nothing
    try:
        if years[0] is not None and years[1] is not None:
            return compare_years(root, data_dir(data), years[0], years[1], set(districts) or None)
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
        print_diagnostics([outcome])
        sys.exit(EXIT_USAGE)
    return str(outcome["page"])
