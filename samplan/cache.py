"""The check's result cache: the findings of a plan whose inputs did not change.

Below check: this module knows inputs (files, folders, settings, samplan itself) and
outputs (diagnostics), not rules. An entry is keyed by a digest of everything the
findings of one plan depend on: the bytes and names of every file in its folder and in
its previous year's folder (rules compare a plan with its earlier year), where they lie
(a file that links out of the repository is refused), the settings that change
findings, and samplan itself (the digest of its own package files, the registry among
them, of the Python and of the installed distributions). Nothing is keyed on time.

The cache is input like any other: an entry is JSON, read only as a regular file of
bounded size, and used only when its shape, its own key and its checksum are right;
anything else is ignored and recomputed. Writes are atomic (a temporary file renamed
into place). A folder that cannot be made or written means no cache, never a failure.

Where: `.samplan-cache/` in the repository root, or `$SAMPLAN_CACHE_DIR`. The folder
holds its own `.gitignore`, so git never sees it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from samplan.diagnostics import Diagnostic
from samplan.fingerprints import digest, folder_digest, tool_fingerprint

CACHE_ENV = "SAMPLAN_CACHE_DIR"
DEFAULT_FOLDER = ".samplan-cache"
FORMAT = 1  # of an entry; a change makes every older entry foreign
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # a larger entry is not read
MAX_ENTRIES = 2000  # past this many entries the oldest half is removed
_KEY = re.compile(r"[0-9a-f]{64}")
_CODE = re.compile(r"SP[0-9]{3}")
_SEVERITIES = ("error", "warning", "note")


def _count(value: object) -> bool:
    return type(value) is int and value >= 0


# The fields of a Diagnostic by their annotation, and what an entry may hold for each.
# A field of another type makes the cache refuse to work (SUPPORTED), never guess.
_VALID: dict[str, Callable[[object], bool]] = {
    "str": lambda v: isinstance(v, str),
    "str | None": lambda v: v is None or isinstance(v, str),
    "int": _count,
    "int | None": lambda v: v is None or _count(v),
    "Severity": lambda v: v in _SEVERITIES,
}
_FIELDS = {f.name: str(f.type) for f in dataclasses.fields(Diagnostic)}
SUPPORTED = all(kind in _VALID for kind in _FIELDS.values())

Json = Any


def _diagnostic_of(data: Json) -> Diagnostic | None:
    """A diagnostic from an entry's JSON, or None unless every field has its right type."""
    if not isinstance(data, dict) or data.keys() != _FIELDS.keys():
        return None
    if not all(_VALID[kind](data[name]) for name, kind in _FIELDS.items()):
        return None
    if not _CODE.fullmatch(data["code"]):
        return None
    return Diagnostic(**data)


def _flat_record(data: Json) -> bool:
    """A mapping of names to text or whole numbers, nothing nested."""
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        return False
    return all(isinstance(v, str) or type(v) is int for v in data.values())


def _as_json(diag: Diagnostic) -> dict[str, Json]:
    return {name: getattr(diag, name) for name in _FIELDS}


class CheckCache:
    """Entries under `folder`; a cache whose folder is None remembers nothing."""

    def __init__(self, folder: Path | None, tool: str = "") -> None:
        self.folder = folder
        self.tool = tool  # samplan's fingerprint, in every key
        self.written = 0
        self.writable = folder is not None
        self.used: set[str] = set()  # the keys of this run: never pruned

    @classmethod
    def open(cls, root: Path, enabled: bool = True) -> CheckCache:
        """The cache of the repository at `root` ($SAMPLAN_CACHE_DIR wins), made if new."""
        if not enabled or not SUPPORTED:
            return cls(None)
        chosen = os.environ.get(CACHE_ENV)
        base = Path(chosen) if chosen else root / DEFAULT_FOLDER
        folder = base / f"check-v{FORMAT}"
        try:
            tool = digest(FORMAT, tool_fingerprint())
            folder.mkdir(parents=True, exist_ok=True)
            ignore = base / ".gitignore"
            if not chosen and not ignore.exists():  # never write into a folder a user chose
                ignore.write_text("# samplan's cache (samplan check --no-cache skips it)\n*\n")
        except OSError:
            return cls(None)
        return cls(folder, tool)

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def plan_key(
        self, root: Path, folder: Path, previous: Path | None, settings: str
    ) -> str | None:
        """The key of one plan's findings, or None when the plan cannot be cached."""
        if self.folder is None:
            return None
        here = _located(folder, root)
        if here is None:
            return None
        before = _located(previous, root) if previous is not None else None
        if previous is not None and before is None:
            return None
        return digest("plan", self.tool, settings, here, before)

    def get(self, key: str | None) -> tuple[list[Diagnostic], list[dict[str, Json]]] | None:
        """The findings stored under `key` and their notes (flat records of text and
        numbers), or None when there is no sound entry."""
        data = self._read(key)
        if data is None or not isinstance(data.get("diagnostics"), list):
            return None
        notes = data.get("notes")
        if data.get("digest") != digest(data["diagnostics"], notes):
            return None
        if not isinstance(notes, list) or not all(_flat_record(x) for x in notes):
            return None
        found = [_diagnostic_of(x) for x in data["diagnostics"]]
        if any(x is None for x in found):
            return None
        return [x for x in found if x is not None], notes

    def put(
        self, key: str | None, diags: list[Diagnostic], notes: list[dict[str, Json]] | None = None
    ) -> None:
        entries = [_as_json(x) for x in diags]
        kept = notes or []
        self._write(key, {"diagnostics": entries, "notes": kept, "digest": digest(entries, kept)})

    def memo(self, name: str, compute: Callable[[], Json], valid: Callable[[Json], bool]) -> Json:
        """A fact about samplan itself (the same for one samplan), computed once."""
        key = digest("memo", self.tool, name) if self.folder is not None else None
        data = self._read(key)
        sound = data is not None and data.get("digest") == digest(data.get("value"))
        if data is not None and sound and valid(data["value"]):
            return data["value"]
        value = compute()
        self._write(key, {"value": value, "digest": digest(value)})
        return value

    def _path(self, key: str) -> Path:
        assert self.folder is not None and _KEY.fullmatch(key)
        return self.folder / f"{key}.json"

    def _read(self, key: str | None) -> dict[str, Json] | None:
        """An entry's JSON: only from a regular file, not through a link, of bounded size."""
        if key is None or self.folder is None:
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self._path(key), flags)
        except OSError:
            return None
        try:
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
                    return None
                data = json.loads(handle.read(MAX_ENTRY_BYTES + 1).decode("utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("samplan-cache") != FORMAT:
            return None
        if data.get("key") != key:
            return None
        self.used.add(key)
        return data

    def _write(self, key: str | None, content: dict[str, Json]) -> None:
        """Store an entry atomically; a cache that cannot be written is given up silently."""
        if key is None or self.folder is None or not self.writable:
            return
        target = self._path(key)
        text = json.dumps({"samplan-cache": FORMAT, "key": key, **content}, ensure_ascii=True)
        temporary = target.with_name(f".{key}.{os.getpid()}.tmp")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(text)
            os.replace(temporary, target)
            self.used.add(key)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            self.writable = False  # still read, but no second try at writing in this run
            return
        self.written += 1

    def prune(self) -> None:
        """Keep the folder small: past MAX_ENTRIES, remove the older half of the entries
        (never one this run used);
        remove what a killed run left half-written (temporary files over an hour old)."""
        if self.folder is None or not self.written:
            return
        try:
            found = list(os.scandir(self.folder))
            hour_ago = time.time() - 3600
            for entry in found:
                if entry.name.endswith(".tmp") and entry.stat().st_mtime < hour_ago:
                    os.unlink(entry.path)
            entries = [e for e in found if e.name.endswith(".json")]
            if len(entries) <= MAX_ENTRIES:
                return
            unused = [e for e in entries if e.name.removesuffix(".json") not in self.used]
            unused.sort(key=lambda e: e.stat().st_mtime_ns)
            for entry in unused[: len(entries) - MAX_ENTRIES // 2]:
                os.unlink(entry.path)
        except OSError:
            return


def _located(folder: Path, root: Path) -> list[object] | None:
    """A plan folder as the loader sees it: named relative to the repository, within it
    or not (then the folder is its own boundary), and its content; None if unreadable."""
    within = folder.absolute().is_relative_to(root.absolute())
    content = folder_digest(folder, root if within else folder)
    return None if content is None else [_relative(folder, root), within, content]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
