"""Options shared by several commands (samplan.cli and samplan.authoring.commands)."""

from __future__ import annotations

import inspect
import os
from pathlib import Path
from typing import Any

import click

from samplan.locale import LANGUAGES, Language, help_text, use_language

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


def asked_language(args: list[str]) -> Language:
    """The language a command line asks for before click reads it: its last `--lang`
    (before a `--`), else SAMPLAN_LANG, else Danish."""
    asked = os.environ.get("SAMPLAN_LANG")
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            asked = args[index + 1]
        elif arg.startswith("--lang="):
            asked = arg.partition("=")[2]
    return "en" if asked == "en" else "da"


class LanguageGroup(click.Group):
    """samplan's command group: the language is chosen before click reads the command
    line, so that click's own words (a usage error found while reading it, --help) speak
    it too."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        use_language(asked_language(args))
        if parent is None:
            speak_help(self)
        return super().make_context(info_name, args, parent, **extra)


def english_help(group: click.Group) -> list[tuple[object, str, str]]:
    """(command or option, attribute, English text) of every help text of `group` and
    its commands; the English is the code's, kept the first time it is seen."""
    places: list[tuple[object, str]] = []
    for command in (group, *group.commands.values()):
        places += [(command, "help"), (command, "short_help")]
        places += [(p, "help") for p in command.params if isinstance(p, click.Option)]
    found = []
    for thing, attribute in places:
        english = thing.__dict__.setdefault(f"_english_{attribute}", getattr(thing, attribute))
        if english:
            found.append((thing, attribute, english))
    return found


def help_ids(group: click.Group) -> set[str]:
    """The ids of help.po: every help text of `group` (as click shows it, without the
    docstring's indentation), each rule's documentation, source and the summary that
    `samplan rules` lists, and what it says of the codes that are not rules
    (samplan.code_docs)."""
    from samplan.code_docs import EXPLANATIONS
    from samplan.rules import RULES
    from samplan.rules.base import summary

    texts = {inspect.cleandoc(text) for _, _, text in english_help(group)}
    texts |= {inspect.cleandoc(rule.__doc__ or "") for rule in RULES.values()}
    texts |= {rule.SOURCE for rule in RULES.values()}
    return texts | {summary(rule) for rule in RULES.values()} | set(EXPLANATIONS.values())


def speak_help(group: click.Group) -> None:
    """Every help text of `group` and its commands in the current language."""
    for thing, attribute, english in english_help(group):
        setattr(thing, attribute, help_text(english))


lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    expose_value=False,
    is_eager=True,
    callback=choose_language,
    help="The language of samplan's messages: da (default; or `lang:` in samplan.yaml) or en.",
)
config_option = click.option(
    "--config",
    "config_path",
    default="samplan.yaml",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Repository settings: rule severities and ignores, language, the site.",
)
