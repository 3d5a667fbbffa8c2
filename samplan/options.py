"""Options shared by several commands (samplan.cli and samplan.authoring.commands)."""

from __future__ import annotations

from pathlib import Path

import click

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
