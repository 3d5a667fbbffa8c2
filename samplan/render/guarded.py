"""Where templates run: built-in ones in the build's process, a repository's own ones
in a worker under hard limits (samplan.render.worker)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from samplan.render.environment import builtin_templates
from samplan.render.errors import template_failure, template_problem, worker_died

if TYPE_CHECKING:
    from samplan.render.worker import Outcome

Job = Callable[[], Mapping[str, str | bytes]]


def own_templates(folder: Path | None) -> Path | None:
    """`folder` when it holds at least one file (templates of the repository), else None.

    samplan's own built-in templates are not a repository's, even where they are the
    `templates/` folder of the working directory (samplan's own checkout)."""
    if folder is None or not folder.is_dir():
        return None
    if folder.resolve() == builtin_templates().resolve():
        return None
    try:
        return folder if any(p.is_file() for p in folder.rglob("*")) else None
    except OSError:
        return folder  # unreadable: the worker reports what it cannot read


@dataclass(frozen=True)
class Guard:
    """Renders jobs, limited when the repository has templates of its own."""

    root: Path
    templates: Path | None

    def render(
        self, job: Job, district: str | None = None, year: int | None = None, extra: float = 0
    ) -> Outcome:
        """The files `job` renders, or the diagnostic of why it could not; `extra` is the
        time the job may allow itself beyond the templates' (the PDF's)."""
        if self.templates is None:
            try:
                return dict(job())
            except Exception as err:  # built-in templates: only a bug of samplan's own
                problem = template_problem(err, self.root, district, year)
                if problem is None:
                    raise
                return problem
        from samplan.render.worker import run_limited  # only for a repository's templates

        folder = self.templates
        return run_limited(
            job,
            lambda err: template_failure(err, self.root, folder, district, year),
            lambda why: worker_died(why, self.root, folder, district, year),
            extra=extra,
        )
