"""Paths as the file system has them, where links may loop."""

from __future__ import annotations

from pathlib import Path


def resolved(path: Path) -> Path:
    """`path` with its links resolved, or made absolute as it is where they loop (which
    Path.resolve raises on: RuntimeError before Python 3.13, OSError since)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
