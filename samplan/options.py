"""Options shared by several commands (samplan.cli and samplan.authoring.commands)."""

from __future__ import annotations

from pathlib import Path

import click

from samplan.locale import LANGUAGES, use_language

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

templates_option = click.option(
    "--templates",
    "templates",
    default="templates",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The repository's own templates, searched before the built-in ones.",
)


def choose_language(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """--lang, remembered so that samplan.yaml's `lang` does not override it; eager, so
    that click's own words after it (--help, a usage error) speak it too."""
    if value is not None:
        use_language(value)  # type: ignore[arg-type]
        ctx.meta["samplan.lang"] = value
    return value


lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    expose_value=False,
    is_eager=True,
    callback=choose_language,
    help="The language of samplan's messages: da (default; or `lang:` in samplan.yaml) or en.",
)


def _settings_file(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    """--config: a file named on the command line must be there (a mistyped name would
    otherwise check with no settings at all), and samplan.yaml may not be a link that
    leads nowhere; the default samplan.yaml may be absent."""
    from click.core import ParameterSource

    link = value.is_symlink() and not value.is_file()
    named = ctx.get_parameter_source(param.name or "") is not ParameterSource.DEFAULT
    if not link and not (named and not value.exists()):
        return value
    from samplan.diagnostics import shown
    from samplan.locale import t

    path = shown(str(value))
    if link:
        raise click.BadParameter(t("cli.settings-link-leads-nowhere", path=path))
    raise click.BadParameter(t("cli.no-settings-file", path=path))


config_option = click.option(
    "--config",
    "config_path",
    default="samplan.yaml",
    show_default=True,
    callback=_settings_file,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Repository settings: rule severities and ignores, language, the site.",
)
