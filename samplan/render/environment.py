"""The Jinja environment: strict, autoescaped, sandboxed, user templates first.

A plan repository's own `templates/` folder is searched before the built-in templates,
and may extend a built-in template by the `builtin/` prefix
(`{% extends "builtin/plan.html.j2" %}`). Templates of a repository are untrusted, so
every template runs in Jinja's sandbox, bounded in size and time (samplan.render.sandbox),
and no template file may link out of its folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, PrefixLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from samplan import __version__
from samplan.render.bytecode import template_cache
from samplan.render.markup import md_inline, md_words, to_html, to_markdown
from samplan.render.sandbox import BoundedSandbox, ConfinedLoader, bounded_filter
from samplan.text import danish_date


def builtin_templates() -> Path:
    """The built-in templates: inside the installed package, or the source tree's."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "templates"
    return packaged if packaged.is_dir() else here.parent / "templates"


def _markdown_html(text: str, level: int = 3) -> Markup:
    return Markup(to_html(text, level))


def _danish_date(value: dt.date | str) -> str:
    """A date, or its ISO text as templates receive it, the Danish way."""
    return danish_date(dt.date.fromisoformat(value) if isinstance(value, str) else value)


def make_environment(user_templates: Path | None = None) -> ImmutableSandboxedEnvironment:
    """The environment for rendering; `user_templates` are searched first."""
    builtin = ConfinedLoader(builtin_templates())
    loaders: list[BaseLoader] = []
    if user_templates is not None and user_templates.is_dir():
        loaders.append(ConfinedLoader(user_templates))
    loaders += [builtin, PrefixLoader({"builtin": builtin})]
    env = BoundedSandbox(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        keep_trailing_newline=True,
        trim_blocks=False,
        auto_reload=False,
        bytecode_cache=template_cache(),
    )
    env.filters.update(
        markdown_html=_markdown_html,
        markdown_md=to_markdown,
        md_inline=md_inline,
        md_words=md_words,
        danish_date=_danish_date,
    )
    env.filters = {name: bounded_filter(f) for name, f in env.filters.items()}
    env.tests = {name: bounded_filter(f) for name, f in env.tests.items()}  # type: ignore[arg-type]
    for name in ("lipsum", "cycler", "joiner"):  # lipsum(n=999999) makes half a gigabyte;
        env.globals.pop(name, None)  # cycler and joiner are objects with methods
    env.globals["version"] = __version__
    return env


def warm_builtin(env: ImmutableSandboxedEnvironment, user_templates: Path | None) -> None:
    """Load the built-in templates a repository does not override, before workers fork
    (so that each inherits them compiled); a repository's own are compiled in the worker,
    under its limits, and read from the bytecode cache by the later workers."""
    for path in sorted(builtin_templates().glob("*.j2")):
        if user_templates is None or not (user_templates / path.name).exists():
            env.get_template(path.name)
        env.get_template(f"builtin/{path.name}")
