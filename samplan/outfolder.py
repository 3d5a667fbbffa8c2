"""The output folder: never a source, always samplan's own, one build at a time.

A build deletes and replaces what it wrote before, so the output folder must never hold
the sources (as MkDocs refuses a site_dir that contains or lies inside docs_dir, and
Sphinx an output directory that is its source directory):

- `--out` may not be, contain or lie inside the data folder, the templates or any
  plan folder, nor be or contain the repository root;
- the folder is marked as samplan's by a file `.samplan-output` that the first build
  writes; in a folder without the mark, a build refuses to start when it would replace
  something samplan did not write (an `index.html` without samplan's generator line, a
  `<district-id>/<year>` folder without plan.json, a link), so that a mistyped `--out`
  never replaces anyone's files (what a build never touches, it leaves alone);
- builds into one folder take turns: each holds a lock on the mark while it writes, and
  a build that waits longer than `LOCK_SECONDS` says that another build is running.

Writing through a link is refused where a plan is published (samplan.publish).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from samplan.diagnostics import shown
from samplan.locale import t
from samplan.paths import resolved
from samplan.registry import registry

MARK = ".samplan-output"
MARK_TEXT = "This folder is written by `samplan build`; every build replaces what is in it.\n"
LOCK_SECONDS = 300.0


class OutputRefused(Exception):
    """An output folder samplan will not write to; the message says why and what to do."""


def refuse_sources(out: Path, root: Path, sources: Iterable[Path]) -> None:
    """Raise OutputRefused when `out` is or contains the repository `root`, or is,
    contains or lies inside one of the `sources` (data folder, templates, plan folders)."""
    try:
        where = out.resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        raise OutputRefused(t("outfolder.is-link", out=shown(str(out)))) from None
    top = resolved(root)
    if where == top or top.is_relative_to(where):
        raise OutputRefused(t("outfolder.is-root", out=shown(str(out))))
    for source in sources:
        real = resolved(source)
        if where == real or where.is_relative_to(real) or real.is_relative_to(where):
            raise OutputRefused(
                t("outfolder.holds-sources", out=shown(str(out)), source=shown(str(source)))
            )


def _foreign(out: Path) -> str | None:
    """In a folder without the mark: the first entry a build would replace that samplan
    did not write (a site index without samplan's generator line, a district folder of
    other things, a link), or None. Other entries a build never touches."""
    reg = registry()
    for entry in sorted(out.iterdir()):
        name = entry.name
        if name == "index.html":
            if entry.is_symlink() or not _ours(entry):
                return name
        elif reg.district(name) is not None:
            if entry.is_symlink() or not entry.is_dir():
                return name
            for year in sorted(entry.iterdir()):
                if year.is_symlink() or not (year / "plan.json").is_file():
                    return f"{name}/{year.name}"
    return None


def _ours(index: Path) -> bool:
    try:
        with index.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return b'<meta name="generator" content="samplan' in head


def claim(out: Path) -> None:
    """Make `out` samplan's (marked), or raise OutputRefused when it holds other files."""
    if out.is_symlink():
        raise OutputRefused(t("outfolder.is-link", out=shown(str(out))))
    if out.exists() and not out.is_dir():
        raise OutputRefused(t("outfolder.not-a-folder", out=shown(str(out))))
    mark = out / MARK
    if mark.is_file() and not mark.is_symlink():
        return
    foreign = _foreign(out) if out.is_dir() else None
    if foreign is not None:
        raise OutputRefused(
            t("outfolder.foreign", out=shown(str(out)), foreign=shown(str(foreign)), mark=MARK)
        )
    out.mkdir(parents=True, exist_ok=True)
    mark.write_text(MARK_TEXT, "utf-8")


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the output folder's lock (on its mark) while writing; wait for another build."""
    fd = os.open(out / MARK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        deadline = time.monotonic() + LOCK_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OutputRefused(t("outfolder.busy", out=shown(str(out)))) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock
