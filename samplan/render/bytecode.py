"""Templates compiled once: a bytecode cache keyed by their checksum.

Compiling the templates costs tens of milliseconds in every process, and a repository's
own templates were compiled again in every plan's worker. Jinja's file-system bytecode
cache keeps the compiled code of each template file, checked against the checksum of
its source, so a changed template is compiled afresh; the cache key also holds the
template's path, samplan's and Jinja's versions and a checksum of the modules that
decide how templates compile (the sandbox and the environment), so a change to any of
them compiles afresh too.

A repository's templates are compiled where they always were, in the worker under its
limits (samplan.render.worker); the first worker writes what it compiled, before any
template code runs, and the later ones read it. Compiling runs nothing of a template,
and what the cache holds is what the sandboxed environment itself would compile from the
same source. Since what the cache holds is run, it lives only in a folder of the user's
own (`$XDG_CACHE_HOME/samplan/templates`, mode 0700, owned by the user); where there is
no such folder, nothing is cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from functools import cache
from pathlib import Path

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from samplan import __version__

CACHE_ENV = "SAMPLAN_CACHE_DIR"  # overrides where the cache lives (tests, CI)


class TemplateBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file-system cache, for templates read from a file."""

    def __init__(self, directory: Path) -> None:
        super().__init__(str(directory), "%s.jinja")

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        seed = f"{_compiler_checksum()}|{name}|{filename}"
        return hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        if filename is None:
            return Bucket(environment, "", "")  # a template made from a string: not cached
        return super().get_bucket(environment, name, filename, source)

    def set_bucket(self, bucket: Bucket) -> None:
        if bucket.key:
            with contextlib.suppress(OSError):  # a cache that cannot be written is no cache
                super().set_bucket(bucket)


@cache
def _compiler_checksum() -> str:
    """What decides how a template compiles: versions and the sandbox's source."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{__version__}|{jinja2.__version__}".encode())
    for module in ("sandbox.py", "environment.py"):
        try:
            digest.update((here / module).read_bytes())
        except OSError:
            digest.update(module.encode())
    return digest.hexdigest()


def cache_folder() -> Path | None:
    """The user's own cache folder for compiled templates, made if need be, or None.

    `templates/` in `$SAMPLAN_CACHE_DIR` (beside the check's cache) or in
    `$XDG_CACHE_HOME/samplan`: a folder of the user's own, mode 0700, in a folder that
    nobody else may rename it out of (not writable by others, or sticky as /tmp is)."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        base = Path(configured)
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "samplan"
    folder = base / "templates"
    try:
        base.mkdir(parents=True, exist_ok=True)
        if not _holds_safely(os.stat(base)):
            return None
        folder.mkdir(exist_ok=True, mode=0o700)
        info = os.lstat(folder)
    except (OSError, RuntimeError):
        return None
    private = stat.S_IMODE(info.st_mode) & 0o077 == 0
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or not private:
        return None
    return folder


def _holds_safely(info: os.stat_result) -> bool:
    """Whether a folder keeps others from replacing what is in it."""
    mode = stat.S_IMODE(info.st_mode)
    return mode & 0o022 == 0 or bool(mode & stat.S_ISVTX)


def template_cache() -> TemplateBytecodeCache | None:
    """The bytecode cache of the templates, or None where none can be kept."""
    folder = cache_folder()
    return TemplateBytecodeCache(folder) if folder else None
