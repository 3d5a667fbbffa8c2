"""The sandbox that a repository's own templates run in: data only, bounded, confined.

Jinja's ImmutableSandboxedEnvironment already refuses `__class__`, `__globals__`, private
attributes and changes to lists and dicts. Here, in addition:

- **No methods.** A template reads data (samplan.render.frozen) and calls only what
  samplan put there on purpose: the filters and tests, the globals `range`, `dict` and
  `namespace`, its own macros, `super()` and `loop.cycle`/`loop.changed`. Every other
  callable that an attribute or item would reach (`'x'.format`, `dict.fromkeys`, ...) is
  refused, and so is calling anything else.
- **No constant folding.** Jinja evaluates filters and operators on constants while it
  compiles (`{{ '%0999999999d' % 1 }}`), outside every limit; every operator is
  intercepted and every filter and test takes the context, so nothing is folded.
- **Bounds.** Every call, operator, attribute and item access is checked against a size
  and a time limit, so a huge value is refused where it is made, with its line. The hard
  limits (an OS memory limit and a wall-clock timeout) are the worker's
  (samplan.render.worker).
- **Confined files.** A template loader keeps every template file inside its folder,
  refuses a file larger than `MAX_TEMPLATE_BYTES`, and reports an unreadable one.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jinja2 import Environment, FileSystemLoader, pass_context
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.loaders import split_template_path
from jinja2.runtime import BlockReference, Context, LoopContext, Macro, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

MAX_NUMBER = 1_000_000  # the largest whole number a template may make or pass on
MAX_LENGTH = 20_000_000  # the longest text or list a template may make or pass on
MAX_OUTPUT = MAX_LENGTH  # characters one template may write
MAX_SECONDS = 20.0  # time one template (in a worker: the templates of one plan) may take
MAX_TEMPLATE_BYTES = 1024 * 1024  # the largest template file
LOOP_METHODS = frozenset({"cycle", "changed"})


class TemplateFileError(SecurityError):
    """A template file that links out of its folder, is no regular file, is too large
    or cannot be read."""

    def __init__(self, name: str, path: Path, why: str) -> None:
        super().__init__(f"template '{name}' {why}")
        self.filename, self.lineno = str(path), 1


LinkOutside = TemplateFileError  # the name the error module knows it by


class ConfinedLoader(FileSystemLoader):
    """Templates from one folder, none of which may link out of it or be huge."""

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
                why = "links out of its folder or is no file"
                raise TemplateFileError(template, candidate, why)
            if real.stat().st_size > MAX_TEMPLATE_BYTES:
                limit = f"{MAX_TEMPLATE_BYTES // 1024:,} KiB"
                raise TemplateFileError(template, candidate, f"is larger than {limit}")
            try:
                return super().get_source(environment, template)
            except (OSError, UnicodeDecodeError) as err:
                text = isinstance(err, UnicodeDecodeError)
                why = "is not UTF-8 text" if text else "cannot be read"
                raise TemplateFileError(template, candidate, why) from None
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
    """An immutable sandbox of data without methods, in which no template makes
    anything huge or runs for long."""

    intercepted_binops = frozenset({"*", "**", "+", "-", "/", "//", "%"})
    intercepted_unops = frozenset({"-", "+"})
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

    def is_safe_callable(self, obj: Any) -> bool:
        """Only what samplan put there on purpose, and the template's own macros."""
        if isinstance(obj, Macro | BlockReference | LoopContext | Undefined):
            return True
        if getattr(obj, "__self__", None).__class__ is LoopContext:
            return getattr(obj, "__name__", "") in LOOP_METHODS
        return any(obj is allowed for allowed in (self.globals.get("range"), dict, Namespace))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.check(*args, *kwargs.values())
        if not __self.is_safe_callable(__obj):
            raise SecurityError("a template may call only filters, its macros and range")
        result = super().call(__context, __obj, *args, **kwargs)
        __self.check(result)
        return result

    def _data_only(self, obj: Any, name: Any, value: Any) -> Any:
        if isinstance(value, Undefined) or not callable(value):
            self.check(value)
            return value
        if isinstance(obj, LoopContext) and name in LOOP_METHODS:
            return value
        if isinstance(value, Macro | BlockReference):
            return value
        return self.unsafe_undefined(obj, str(name))

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, MappingProxyType):  # data: its keys, never its methods
            if attribute in obj:
                return self._data_only(obj, attribute, obj[attribute])
            return self.undefined(obj=obj, name=attribute)
        return self._data_only(obj, attribute, super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: str | Any) -> Any:
        if isinstance(obj, MappingProxyType):
            if argument in obj:
                return self._data_only(obj, argument, obj[argument])
            return self.undefined(obj=obj, name=argument)
        return self._data_only(obj, argument, super().getitem(obj, argument))

    def compile(
        self,
        source: Any,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        """Compile a template; one that nests too deeply is a syntax error, not a crash."""
        try:
            return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]
        except (RecursionError, MemoryError, SyntaxError, ValueError) as err:
            what = f"the template nests too deeply or is too large ({type(err).__name__})"
            raise TemplateSyntaxError(what, 1, name, filename) from None

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
    """A filter or test that refuses huge arguments (`center(10**9)`) before it runs, and
    takes the context so that Jinja never folds it on constants while compiling."""
    wants = getattr(function, "jinja_pass_arg", None)

    @pass_context
    @functools.wraps(function)
    def guarded(context: Context, *args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if _too_large(value):
                raise _refuse()
        if wants is not None:
            from jinja2.utils import _PassArg

            extra = {
                _PassArg.context: context,
                _PassArg.eval_context: context.eval_ctx,
                _PassArg.environment: context.environment,
            }[wants]
            return function(extra, *args, **kwargs)
        return function(*args, **kwargs)

    return guarded
