"""A failing template as a located diagnostic: the template file and line it failed on.

A repository's templates are untrusted code, so rendering may raise anything: a sandbox
refusal, a missing template, `1 / 0`, endless recursion. Jinja rewrites the traceback
of an error raised in a template so that its frames name the template file and line;
that is where the diagnostic points.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from jinja2 import TemplateError, TemplateSyntaxError

from samplan import diagnostics as d
from samplan.locale import t
from samplan.render.sandbox import LinkOutside


def template_line(err: BaseException) -> tuple[str, int] | None:
    """The template file and line an error was raised on, if it was raised in a template."""
    if isinstance(err, TemplateSyntaxError | LinkOutside) and err.filename and err.lineno:
        return err.filename, err.lineno
    found = None
    tb: TracebackType | None = err.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if "__jinja_exception__" in frame.f_globals:  # a frame Jinja made for a template line
            found = (frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def template_problem(
    err: Exception, root: Path, district: str | None = None, year: int | None = None
) -> d.Diagnostic | None:
    """The diagnostic of an error raised while rendering, or None when the error did not
    come from a template (a bug of samplan's own, which should not be hidden)."""
    where = template_line(err)
    if where is None and not isinstance(err, TemplateError):
        return None
    file, line = where if where else (getattr(err, "name", None), None)
    if isinstance(err, TemplateError):
        what = err.message or type(err).__name__
    else:
        what = f"{type(err).__name__}: {err}"
    name = d.repository_name(Path(file), root) if file else None
    return _template_error(what, name, line, (district, year), t("template.error.help"))


def template_failure(
    err: BaseException, root: Path, folder: Path, district: str | None, year: int | None
) -> d.Diagnostic:
    """The diagnostic of anything a repository's templates raised: located at the
    template line where there is one, else at the template folder `folder`."""
    if isinstance(err, Exception):
        found = template_problem(err, root, district, year)
        if found is not None:
            return found
    what = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    return worker_died(what, root, folder, district, year)


def worker_died(
    why: str, root: Path, folder: Path, district: str | None, year: int | None
) -> d.Diagnostic:
    """The diagnostic of templates that failed without a line to point at."""
    name = d.repository_name(folder, root)
    return _template_error(why, name, None, (district, year), t("template.limits.help"))


def _template_error(
    what: str, file: str | None, line: int | None, plan: tuple[str | None, int | None], hint: str
) -> d.Diagnostic:
    """SP016: what went wrong in a template, at its line where there is one."""
    code = d.TEMPLATE_ERROR
    return d.Diagnostic(
        code.code,
        code.name,
        "error",
        t("template.error", error=d.shown(what, 200, quote="")),
        file=file,
        line=line,
        column=1 if line else None,
        district=plan[0],
        year=plan[1],
        help=hint,
    )
