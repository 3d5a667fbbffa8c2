"""Danish spelling through hunspell and its Danish dictionary (Debian: hunspell,
hunspell-da), called as a program: no Python binding to build, and the dictionary is the
one the distribution maintains. Absent either, `unavailable()` says what is missing."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

DICTIONARY = "da_DK"
SEARCHED = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
TIMEOUT_SECONDS = 60


def unavailable() -> str | None:
    """Why the spell-check cannot run here, or None when it can."""
    if shutil.which("hunspell") is None:
        return "the hunspell program is not installed (Debian: apt install hunspell hunspell-da)"
    if not any((folder / f"{DICTIONARY}.dic").is_file() for folder in SEARCHED):
        return "the Danish dictionary is not installed (Debian: apt install hunspell-da)"
    return None


class SpellingError(Exception):
    """hunspell could not be run or did not answer in time."""


def misspelt(words: Iterable[str]) -> dict[str, list[str]]:
    """The words hunspell does not know, each with its suggestions (best first)."""
    asked = sorted(set(words))
    if not asked:
        return {}
    program = shutil.which("hunspell") or "hunspell"
    try:
        run = subprocess.run(
            [program, "-d", DICTIONARY, "-i", "utf-8", "-a"],
            input="".join(f"^{w}\n" for w in asked),  # '^': the line is text, not a command
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as err:
        raise SpellingError(f"hunspell could not be run: {err}") from err
    if run.returncode != 0:
        raise SpellingError(f"hunspell failed: {run.stderr.strip()[:200]}")
    found: dict[str, list[str]] = {}
    for line in run.stdout.splitlines():
        if line.startswith("& "):
            head, _, tail = line.partition(": ")
            found[head.split()[1]] = [s.strip() for s in tail.split(",") if s.strip()]
        elif line.startswith("# "):
            found[line.split()[1]] = []
    return found
