"""Write a build's output so that nothing published is ever half-written.

A build stages everything in a folder of its own inside the output folder (so on the
same filesystem), with every file flushed to disk. Each plan then moves into place by
two renames: its old folder aside into the staging folder, the new one in. A reader sees
a plan's old files or its new files, never a mix and never a truncated file; a plan that
failed is not touched. A build killed between the two renames leaves the old folder in
its staging folder, and the next build puts it back before it starts; staging folders of
builds that are no longer running are then removed.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

STAGING_PREFIX = ".samplan-staging-"

Content = str | bytes


def start(out: Path) -> Path:
    """A new staging folder in `out`, after recovering what killed builds left."""
    out.mkdir(parents=True, exist_ok=True)
    recover(out)
    return Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out))


def finish(stage: Path) -> None:
    """Remove the staging folder, putting back any plan folder still moved aside."""
    _restore(stage, stage.parent)
    shutil.rmtree(stage, ignore_errors=True)


def recover(out: Path) -> None:
    """Finish the staging folders of builds that were killed."""
    for stage in sorted(out.glob(f"{STAGING_PREFIX}*")):
        if stage.is_dir() and not _running(stage):
            finish(stage)


def _restore(stage: Path, out: Path) -> None:
    for old in sorted(stage.glob("old/*/*")):
        target = out / old.parent.name / old.name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(old, target)


def _running(stage: Path) -> bool:
    """Whether the build that made `stage` still runs (then its folder is left alone)."""
    pid_text = stage.name.removeprefix(STAGING_PREFIX).split("-", 1)[0]
    if not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # a process we may not signal: someone else's build
    return True


def write_file(path: Path, content: Content) -> None:
    """Write and flush one file (text as UTF-8 with the line endings it has)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def publish_plan(stage: Path, out: Path, folder: str, files: Mapping[str, Content]) -> list[Path]:
    """Write `files` to `out/folder` in one step; the paths written, as published."""
    new = stage / "new" / folder
    for name in sorted(files):
        write_file(new / _safe_name(name), files[name])
    target, old = out / folder, stage / "old" / folder
    _refuse_links(out, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    old.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        if old.exists() and not target.exists():
            os.rename(old, target)  # the previous output stays published
        raise
    _sync_folder(target.parent)
    shutil.rmtree(old, ignore_errors=True)
    return [target / name for name in sorted(files)]


def _refuse_links(out: Path, target: Path) -> None:
    """Refuse a target that is, or lies under, a link inside the output folder: a
    committed `out/<district>` -> `data/<district>` must never be replaced."""
    path = out
    for part in target.relative_to(out).parts:
        path = path / part
        if path.is_symlink():
            raise OSError(errno.ELOOP, f"'{path.name}' in the output folder is a link (remove it)")


def publish_file(stage: Path, path: Path, content: Content) -> None:
    """Replace one file (the site index) by a single rename."""
    _refuse_links(path.parent, path)
    staged = stage / "files" / path.name
    write_file(staged, content)
    os.replace(staged, path)
    _sync_folder(path.parent)


def _safe_name(name: str) -> str:
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"output file name {name!r} leaves its plan folder")
    return str(pure)


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the renames) to disk, where the platform allows."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write `content` so that `path` holds either its old or its new content, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write_file(Path(tmp), content)
        os.chmod(tmp, _mode_for(path))  # mkstemp makes 0600; a page must stay readable
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The mode a replaced file keeps, or a new file's mode under the process umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
