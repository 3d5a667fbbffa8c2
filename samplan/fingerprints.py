"""What the check cache keys on: digests of samplan itself and of plan folders.

Content, never the clock: a file's bytes, names and kind, where it lies, and for samplan
its version, the bytes of every file of its package, the Python, the installed
distributions and the programs its rules run (hunspell and its dictionary, by place,
size and time).
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

try:  # hashlib would load OpenSSL too, for nothing but blake2b
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without the module
    from hashlib import blake2b

from samplan import __version__

MAX_INPUT_BYTES = 16 * 1024 * 1024  # a larger file makes its plan uncacheable
MAX_FOLDER_ENTRIES = 1000  # likewise a folder with more entries
# The programs rules run, and the folders of their data (samplan.spelling: hunspell and
# its Danish dictionary): installing, upgrading or removing one changes their findings.
# Located by name, size and time, as a package manager leaves them.
PROGRAMS = ("hunspell",)
PROGRAM_DATA = ("/usr/share/hunspell", "/usr/share/myspell/dicts")


def digest(*parts: object) -> str:
    """A digest of JSON-able parts."""
    data = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return blake2b(data.encode("utf-8", "surrogatepass"), digest_size=32).hexdigest()


def tree_digest(folder: Path) -> str:
    """Every file under `folder` by name and content (caches left out)."""
    h = blake2b(digest_size=32)
    for path, dirs, files in os.walk(folder):
        dirs[:] = sorted(x for x in dirs if x != "__pycache__")
        for name in sorted(files):
            full = os.path.join(path, name)
            h.update(os.path.relpath(full, folder).encode("utf-8", "surrogateescape") + b"\0")
            with open(full, "rb") as handle:
                h.update(blake2b(handle.read(), digest_size=32).digest())
    return h.hexdigest()


def programs_fingerprint() -> list[object]:
    """Where each of PROGRAMS is on PATH and every file of PROGRAM_DATA, with size and time."""
    found: list[object] = []
    for name in PROGRAMS:
        for folder in os.environ.get("PATH", "").split(os.pathsep):
            path = os.path.join(folder or ".", name)
            if os.path.isfile(path) and os.access(path, os.X_OK):
                info = os.stat(path)
                found.append([path, info.st_size, info.st_mtime_ns])
                break
    for folder in PROGRAM_DATA:
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            info = entry.stat()
            found.append([entry.path, info.st_size, info.st_mtime_ns])
    return found


def tool_fingerprint() -> str:
    """samplan itself: its version, its own files, the Python and installed distributions
    (OSError when samplan's own files cannot be read)."""
    package = Path(__file__).resolve().parent
    installed = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        installed += sorted(n for n in names if n.endswith((".dist-info", ".egg-info", ".pth")))
    programs = programs_fingerprint()
    return digest(__version__, sys.version, tree_digest(package), installed, programs)


def folder_digest(folder: Path, boundary: Path) -> str | None:
    """The names, kinds and bytes of every entry of a plan folder, and whether each lies
    within `boundary`; None when the folder cannot be read in full or is too large."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
        if len(entries) > MAX_FOLDER_ENTRIES:
            return None
        inside_root = boundary.resolve()
        parts: list[object] = []
        for entry in entries:
            info = os.stat(entry.path)  # follows a link: the loader reads what it names
            inside = Path(entry.path).resolve().is_relative_to(inside_root)
            parts.append([entry.name, entry.is_symlink(), inside, stat.S_IFMT(info.st_mode)])
            if stat.S_ISREG(info.st_mode):
                if info.st_size > MAX_INPUT_BYTES:
                    return None
                parts.append(blake2b(Path(entry.path).read_bytes()).hexdigest())
    except (OSError, ValueError):
        return None
    return digest(parts)
