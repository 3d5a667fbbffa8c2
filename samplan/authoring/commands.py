"""The command line of the secretariat's commands, `samplan init`, `samplan new` and
`samplan serve` (registered in samplan.cli).

Like samplan.cli, the only place here that prints or exits; the work is done in
samplan.authoring.init, samplan.authoring.new and samplan.serve, imported when a
command runs.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from samplan.options import data_option, district_option, templates_option

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@click.command(short_help="Make a plan repository: a starting plan, settings, CI and editor.")
@click.argument(
    "directory",
    required=False,
    default=".",
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option("--district", "district_id", required=True, metavar="ID", help="The district id.")
@click.option(
    "--year",
    type=click.IntRange(1900, 2200),
    help="The year of the starting plan (default: this year).",
)
def init(directory: Path, district_id: str, year: int | None) -> None:
    """Make a plan repository in DIRECTORY (default: here) for one district.

    Writes data/<district>/<year>/ with a short, valid starting plan (the district's
    municipalities from the registry; the kredsråd with the politidirektør and every
    mayor; empty keys, which `samplan check` reports until they are filled in),
    samplan.yaml, .gitignore, .pre-commit-config.yaml, a GitHub Actions workflow
    (.github/workflows/samplan.yml: check, code scanning, build, GitHub Pages), editor
    settings (.vscode/settings.json with plan.schema.json) and a README.

    Exits 0; 1 when a file cannot be written (what it wrote is removed again); 2 when a
    file it would write already exists (then it writes nothing) or the district is
    unknown.

    \b
    Example:
      samplan init plans --district nordjyllands-politi --year 2026
    """
    from samplan.authoring.init import ExistingFiles
    from samplan.authoring.init import init as run_init
    from samplan.registry import registry

    reg = registry()
    district = reg.district(district_id)
    if district is None:
        near = reg.suggest_district(district_id)
        hint = f"; did you mean '{near[0]}'?" if near else " (see the registry of districts)"
        raise click.BadParameter(f"'{district_id}' is not a police district id{hint}")
    try:
        made = run_init(directory, district, year or dt.date.today().year)
    except (ExistingFiles, FileExistsError) as err:
        there = err.filename if isinstance(err, FileExistsError) else err
        click.echo(f"Error: already there: {there}; samplan init wrote nothing", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as err:
        click.echo(f"Error: cannot write {err.filename}: {err.strerror}; nothing written", err=True)
        sys.exit(EXIT_FAILED)
    click.echo(f"Made a plan repository for {district.name} in {directory}/:")
    for name in made.written:
        click.echo(f"  {name}")
    _next_steps(directory, made.plan_folder, int(made.plan_folder.rsplit("/", 1)[1]))


def _next_steps(directory: Path, plan_folder: str, year: int) -> None:
    steps = [] if directory == Path(".") else [f"cd {directory}"]
    steps += [
        f"edit {plan_folder}/: fill in the empty keys (the check names them)",
        "samplan check          what is still missing or wrong, with file and line",
        "samplan serve          a live preview at http://127.0.0.1:8000",
        "samplan build          the site in out/",
        "git init && git add . && git commit -m 'Samarbejdsplan'",
        f"next year: samplan new {year + 1}",
    ]
    click.echo("\nWhat to do next:")
    for step in steps:
        click.echo(f"  {step}")


@click.command(short_help="Start next year's plan from the latest one, keeping comments.")
@click.argument("year", type=click.IntRange(1900, 2200))
@click.option(
    "--from",
    "from_year",
    type=click.IntRange(1900, 2200),
    help="Start from this year's plan (default: the latest before YEAR).",
)
@district_option
@data_option
def new(year: int, from_year: int | None, districts: tuple[str, ...], data: Path) -> None:
    """Start the plan for YEAR of each district from its latest earlier plan.

    Copies the plan folder to <data>/<district>/YEAR/, sets the year, replaces the old
    year in the title, moves effective_from into YEAR, clears what must be decided again
    (the kredsråd's discussion, the publication, dated meetings before YEAR), marks last
    year's new initiatives continued (with since) and drops ended ones. Comments, key
    order and quoting are kept. Prints each change and what is left to write.

    Exits 0; 1 when a plan to start from does not load (its errors are printed, nothing
    is written) or a folder cannot be written; 2 when a plan folder for YEAR exists or
    nothing matches.

    \b
    Examples:
      samplan new 2027
      samplan new 2027 --from 2025 --district nordjyllands-politi
    """
    from samplan.authoring.new import NewError
    from samplan.authoring.new import new as run_new
    from samplan.diagnostics import format_text

    if not data.is_dir():
        raise click.UsageError(f"data folder '{data}' does not exist (use --data DIR)")
    try:
        report = run_new(Path.cwd(), data, year, from_year, set(districts) or None)
    except NewError as err:
        raise click.UsageError(str(err)) from None
    except OSError as err:
        click.echo(f"Error: cannot write {err.filename}: {err.strerror}", err=True)
        sys.exit(EXIT_FAILED)
    if not report.started:
        for diag in sorted(report.diagnostics, key=lambda x: x.sort_key):
            click.echo(format_text(diag), err=True)
        click.echo("a plan to start from does not load; nothing was written", err=True)
        sys.exit(EXIT_FAILED)
    for started in report.started:
        click.echo(f"{started.target.as_posix()}: from {started.source.year}")
        for change in started.changes:
            click.echo(f"  {change}")
        click.echo("  now write:")
        for todo in started.todo or ["nothing else: check what is new this year"]:
            click.echo(f"  - {todo}")
    click.echo("Then run samplan check: it names what is still open, with file and line.")


@click.command(short_help="Preview the plans live on 127.0.0.1, rebuilt on every change.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="The port on 127.0.0.1 (0: any free port).",
)
@data_option
@templates_option
def serve(port: int, data: Path, templates: Path) -> None:
    """Preview every plan in a browser while you edit it.

    Builds the plans into a temporary folder and serves them on 127.0.0.1 only (never
    on the network). Saving a file rebuilds the plans it belongs to and reloads the
    open page; the check's findings for a plan stand at the top of its page, each with
    file:line, and a plan that does not load is shown as its located errors. Repository
    settings (samplan.yaml) and templates are read again when they change. Ctrl-C
    stops it (exit 0); a port already in use, or no plan to serve, exits 2.

    \b
    Examples:
      samplan serve                 http://127.0.0.1:8000/
      samplan serve --port 8080
    """
    from samplan.repository import discover
    from samplan.serve import Preview
    from samplan.serve import serve as run_serve

    if not data.is_dir():
        raise click.UsageError(f"data folder '{data}' does not exist (use --data DIR)")
    root = Path.cwd()
    if not discover(data, root)[0]:
        raise click.UsageError(f"no plan in '{data}' to serve (data/<district-id>/<year>/)")
    pages = Preview(root, data, templates, root / "samplan.yaml", click.echo)
    try:
        seconds = pages.rebuild_all()
        click.echo(f"built {len(pages.refs)} plan(s) in {seconds:.2f} s")
        try:
            run_serve(pages, port, lambda url: click.echo(f"serving {url} (Ctrl-C stops)"))
        except OSError as err:
            click.echo(f"Error: cannot serve on 127.0.0.1:{port}: {err.strerror or err}", err=True)
            sys.exit(EXIT_USAGE)
    finally:
        pages.close()
    click.echo("stopped")
