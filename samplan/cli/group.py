"""The `samplan` command group: it speaks the user's language before click reads the
command line, and it imports a command's module only when that command runs or its help
is asked for.

`samplan --help` lists every command without importing any: the group knows each one's
name, module and line in the list (`Listed`); tests/test_cli_group.py holds each line to
the command's own short help, in both languages. A cold `samplan check` so imports
neither the diff, nor the build, nor the secretariat's commands.
"""

from __future__ import annotations

import gettext
import importlib
import inspect
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import click

from samplan.locale import Language, help_text, use_language


class Listed(NamedTuple):  # not a dataclass: defining one costs every command a third of a ms
    """A command the group lists without importing it: the module that holds it (under
    the command's name) and its line in `samplan --help`. `shortened`: the line is the
    first sentence of the command's docstring, which click shortens to fit a narrow
    terminal; otherwise it is the command's short_help, shown whole."""

    module: str
    short_help: str
    shortened: bool = False

    def line(self, limit: int) -> str:
        """The line in the current language, made by click as it makes the command's."""
        text = help_text(self.short_help)
        if self.shortened:
            return click.Command(None, help=text).get_short_help_str(limit)
        return click.Command(None, short_help=text).get_short_help_str(limit)


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


class SpeakingContext(click.Context):
    """A command's context whose help speaks the current language: translated when it is
    shown (or offered by shell completion), so that a run that shows no help never reads
    the catalog of help texts."""

    def __init__(self, command: click.Command, *args: Any, **kw: Any) -> None:
        super().__init__(command, *args, **kw)
        if self.resilient_parsing:  # shell completion, which offers the help texts
            speak_help(command)

    def get_help(self) -> str:
        speak_help(self.command)
        return super().get_help()


class LanguageGroup(click.Group):
    """samplan's command group: the language is chosen before click reads the command
    line, so that click's own words (a usage error found while reading it, --help) speak
    it too; the commands in `listed` are imported when first wanted."""

    context_class = SpeakingContext

    def __init__(self, *args: Any, listed: dict[str, Listed] | None = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.listed = dict(listed or {})

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        use_language(asked_language(args))
        return super().make_context(info_name, args, parent, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.listed})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.listed:
            with _defined_in_english():
                module = importlib.import_module(self.listed[cmd_name].module)
            command: click.Command = getattr(module, cmd_name)
            command.context_class = SpeakingContext
            self.add_command(command, cmd_name)
            if ctx.resilient_parsing:  # offered by shell completion, with its help
                speak_help(command)
        return self.commands.get(cmd_name)

    def every_command(self) -> list[click.Command]:
        """Every command, each imported (for the catalogs of help texts and the tests)."""
        ctx = click.Context(self)
        found = (self.get_command(ctx, name) for name in self.list_commands(ctx))
        return [command for command in found if command is not None]

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as err:  # did-you-mean from every command
            names = self.list_commands(ctx)
            raise click.exceptions.NoSuchCommand(err.command_name, None, names, ctx) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands, as click writes it, without importing the listed ones."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, self._line(name, limit)) for name in names]
        with formatter.section(gettext.gettext("Commands")):
            formatter.write_dl(rows)

    def _line(self, name: str, limit: int) -> str:
        if name in self.commands:
            return self.commands[name].get_short_help_str(limit)
        return self.listed[name].line(limit)


@contextmanager
def _defined_in_english() -> Iterator[None]:
    """click names some things when a command is defined (a Path option's metavar,
    "DIRECTORY", and its errors), in the language click speaks at that moment. The
    commands were always defined before samplan chose its language, so in English; so
    they stay, imported when wanted."""
    chosen = gettext.textdomain()
    gettext.textdomain("messages")  # the standard library's default: no catalog of click's
    try:
        yield
    finally:
        gettext.textdomain(chosen)


def english_help(*commands: click.Command) -> list[tuple[object, str, str]]:
    """(command or option, attribute, English text) of every help text of `commands`
    and, for a group, of the commands it has imported; the English is the code's, kept
    the first time it is seen."""
    places: list[tuple[object, str]] = []
    for command in commands:
        inner = command.commands.values() if isinstance(command, click.Group) else ()
        for each in (command, *inner):
            places += [(each, "help"), (each, "short_help")]
            places += [(p, "help") for p in each.params if isinstance(p, click.Option)]
    found = []
    for thing, attribute in places:
        english = thing.__dict__.setdefault(f"_english_{attribute}", getattr(thing, attribute))
        if english:
            found.append((thing, attribute, english))
    return found


def speak_help(command: click.Command) -> None:
    """Every help text of `command` (and of a group's imported commands) in the current
    language."""
    for thing, attribute, english in english_help(command):
        setattr(thing, attribute, help_text(english))


def help_ids(group: LanguageGroup) -> set[str]:
    """The ids of help.po: every help text of `group` and its commands (as click shows
    it, without the docstring's indentation), the lines of the commands it lists, each
    rule's documentation, source and the summary that `samplan rules` lists, and what it
    says of the codes that are not rules (samplan.code_docs)."""
    from samplan.code_docs import EXPLANATIONS
    from samplan.rules import RULES
    from samplan.rules.base import summary

    group.every_command()
    texts = {inspect.cleandoc(text) for _, _, text in english_help(group)}
    texts |= {listed.short_help for listed in group.listed.values()}
    texts |= {inspect.cleandoc(rule.__doc__ or "") for rule in RULES.values()}
    texts |= {rule.SOURCE for rule in RULES.values()}
    return texts | {summary(rule) for rule in RULES.values()} | set(EXPLANATIONS.values())
