"""The files of one plan folder: which of them are read, and their text, within limits.

A plan's parts are its `.yaml` and `.yml` files; a look-alike (`x.YAML`, `x.yaml~`) is
reported, not read, and one part saved under both names is read once. A file must be a
regular file inside the repository (a plan folder named from outside it is its own
boundary), UTF-8, and within the size limits. The loader (samplan.loader) reads YAML
from the text; every problem here is reported through the `report` it is given.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from samplan import diagnostics as d
from samplan.locale import t
from samplan.paths import resolved
from samplan.repository import is_plan_file, looks_like_plan_file
from samplan.yamlsource import Mark

MAX_FILE_BYTES = 2 * 1024 * 1024  # one plan file
MAX_FILES = 100  # YAML files in one plan folder
MAX_PLAN_BYTES = 10 * 1024 * 1024  # all files of one plan folder together


# How PlanFiles reports a problem: code, message, file, position, help (the loader's report).
Report = Callable[[d.Code, str, "str | None", "Mark | None", "str | None"], None]


class PlanFiles:
    """Finds and reads the files of the plan folder `folder`, reporting what it cannot."""

    def __init__(self, folder: Path, root: Path, report: Report) -> None:
        self.folder, self.root, self.report = folder, root, report
        # Files may not lead out of the repository; a plan folder named from outside it
        # (`samplan diff /elsewhere/2019 ...`) is its own boundary.
        self.within_root = folder.absolute().is_relative_to(root.absolute())
        self.boundary = resolved(root if self.within_root else folder)  # once, not per file
        self.rel = relative(folder, root)
        self.bytes_read = 0

    def files(self) -> list[Path]:
        entries = sorted(self.folder.iterdir())
        for path in entries:
            if looks_like_plan_file(path):
                self.report(
                    d.UNREAD_FILE,
                    t("loader.unread-file", name=d.shown(path.name)),
                    relative(path, self.root),
                    None,
                    t("loader.unread-file.help"),
                )
        found = self.one_file_a_part([p for p in entries if is_plan_file(p)])
        if len(found) > MAX_FILES:
            self.report(
                d.LIMIT_EXCEEDED,
                t("loader.too-many-files", count=len(found), limit=MAX_FILES),
                self.rel,
                None,
                t("loader.too-many-files.help"),
            )
            return []
        return found

    def one_file_a_part(self, found: list[Path]) -> list[Path]:
        """`x.yaml` and `x.yml` together are one part saved twice: read `x.yaml` only."""
        stems = {p.stem for p in found if p.suffix == ".yaml"}
        for path in found:
            if path.suffix == ".yml" and path.stem in stems:
                self.report(
                    d.BAD_FOLDER,
                    t(
                        "loader.part-saved-twice",
                        name=d.shown(path.name),
                        other=d.shown(path.stem + ".yaml"),
                    ),
                    relative(path, self.root),
                    None,
                    t("loader.part-saved-twice.help"),
                )
        return [p for p in found if not (p.suffix == ".yml" and p.stem in stems)]

    def text(self, path: Path, rel: str) -> str | None:
        try:
            inside = path.resolve().is_relative_to(self.boundary)
        except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
            inside = True  # bytes_of says why it cannot be read
        if not inside:
            where = (
                t("loader.outside-repository") if self.within_root else t("loader.outside-folder")
            )
            self.report(
                d.UNREADABLE_FILE,
                where,
                rel,
                Mark(1, 1),
                t("loader.outside.help"),
            )
            return None
        raw = self.bytes_of(path, rel)
        if raw is None:
            return None
        try:
            return raw.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as err:
            line = raw[: err.start].count(b"\n") + 1
            column = len(raw[: err.start].rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
            self.report(
                d.UNREADABLE_FILE,
                t("loader.not-utf8", byte=format(raw[err.start], "02x")),
                rel,
                Mark(line, column),
                t("loader.not-utf8.help"),
            )
            return None

    def bytes_of(self, path: Path, rel: str) -> bytes | None:
        """The file's bytes, unless it is no regular file or exceeds a size limit."""
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):  # a pipe or device would block or never end
                self.report(
                    d.UNREADABLE_FILE,
                    t("loader.not-a-file"),
                    rel,
                    Mark(1, 1),
                    t("loader.not-a-file.help"),
                )
                return None
            too_large = info.st_size > MAX_FILE_BYTES  # never read a huge file
            raw = b"" if too_large else path.read_bytes()
        except OSError as err:
            message = t("loader.unreadable", reason=err.strerror)
            self.report(d.UNREADABLE_FILE, message, rel, Mark(1, 1), None)
            return None
        if too_large or len(raw) > MAX_FILE_BYTES:
            message = t("loader.file-too-large", mib=MAX_FILE_BYTES // 1024 // 1024)
            hint = t("loader.file-too-large.help")
            self.report(d.LIMIT_EXCEEDED, message, rel, Mark(1, 1), hint)
            return None
        already_over = self.bytes_read > MAX_PLAN_BYTES  # reported once, at the first file
        self.bytes_read += len(raw)
        if already_over:
            return None
        if self.bytes_read > MAX_PLAN_BYTES:
            message = t("loader.plan-too-large", mib=MAX_PLAN_BYTES // 1024 // 1024)
            hint = t("loader.plan-too-large.help")
            self.report(d.LIMIT_EXCEEDED, message, rel, Mark(1, 1), hint)
            return None
        return raw


def relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
