"""The sandbox that a repository's own templates run in, with bounds on what they make.

Jinja's ImmutableSandboxedEnvironment already refuses `__class__`, `__globals__`, private
attributes and changes to lists and dicts. A hostile template can still ask for a
gigabyte (`'x' * 10**9`, `'x' | center(10**9)`), a number of millions of digits
(`9 ** 9 ** 9`), or loop for hours. Every call, operator, attribute and item access of a
template passes through here, so each is checked against a size and a time limit; a
template loader keeps every template file inside its folder.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_NUMBER = 1_000_000  # the largest whole number a template may make or pass on
MAX_LENGTH = 20_000_000  # the longest text or list a template may make or pass on
MAX_OUTPUT = MAX_LENGTH  # characters one template may write
MAX_SECONDS = 20.0  # time one template may take


class LinkOutside(SecurityError):
    """A template file that links out of its folder, or is no regular file."""

    def __init__(self, name: str, path: Path) -> None:
        super().__init__(f"template '{name}' links out of its folder or is no file")
        self.filename, self.lineno = str(path), 1


class ConfinedLoader(FileSystemLoader):
    """Templates from one folder, none of which may link out of it."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses '..'
        for folder in self.searchpath:
            root = Path(folder).resolve()
            candidate = Path(folder, *pieces)
            if not candidate.exists():
                continue
            real = candidate.resolve()
            if not real.is_relative_to(root) or not real.is_file():
                raise LinkOutside(template, candidate)
        return super().get_source(environment, template)


def _too_large(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) > MAX_NUMBER
    return isinstance(value, str | bytes | list | tuple | dict) and len(value) > MAX_LENGTH


def _refuse() -> SecurityError:
    return SecurityError(
        f"a number above {MAX_NUMBER:,} or a text or list longer than {MAX_LENGTH:,} is not allowed"
    )


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox in which no template makes anything huge or runs for long."""

    intercepted_binops = frozenset({"*", "**", "+"})
    deadline = float("inf")

    def check(self, *values: Any) -> None:
        if time.monotonic() > self.deadline:
            raise SecurityError(f"the template takes longer than {MAX_SECONDS:.0f} seconds")
        for value in values:
            if _too_large(value):
                raise _refuse()

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.check(left, right)
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise SecurityError(f"the power {right} is too large")
        if operator == "*" and not (isinstance(left, int) and isinstance(right, int)):
            sizes = [len(x) if hasattr(x, "__len__") else x for x in (left, right)]
            if all(isinstance(s, int) for s in sizes) and sizes[0] * sizes[1] > MAX_LENGTH:
                raise _refuse()
        result = super().call_binop(context, operator, left, right)
        self.check(result)
        return result

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.check(*args, *kwargs.values())
        result = super().call(__context, __obj, *args, **kwargs)
        __self.check(result)
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        result = super().getattr(obj, attribute)
        self.check(result)
        return result

    def getitem(self, obj: Any, argument: str | Any) -> Any:
        result = super().getitem(obj, argument)
        self.check(result)
        return result

    def concat(self, parts: Iterable[str]) -> str:
        """Join a template's output, stopping it (where it stands) when it writes too much."""
        self.deadline = time.monotonic() + MAX_SECONDS
        written: list[str] = []
        size = 0
        iterator = iter(parts)
        for part in iterator:
            size += len(part)
            written.append(part)
            if size > MAX_OUTPUT:
                error = SecurityError(f"the template writes more than {MAX_OUTPUT:,} characters")
                throw = getattr(iterator, "throw", None)
                if throw is None:
                    raise error
                throw(error)  # raised inside the template, so that the error has its line
        return "".join(written)


def bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge arguments (`center(10**9)`) before it runs."""

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if _too_large(value):
                raise _refuse()
        return function(*args, **kwargs)

    return guarded
