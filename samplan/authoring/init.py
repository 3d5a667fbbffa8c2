"""`samplan init`: a plan repository that works from its first commit.

Gather every file in memory (the starting plan, settings, ignores, pre-commit, the CI
workflow, editor settings with the plan schema, a README), refuse if any of them exists,
then write each one so that it is either whole or absent. The workflow and pre-commit
texts are package data (samplan/authoring/files/), the same text the README shows.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from samplan.authoring.starter import plan_files
from samplan.registry import District

# Repository file -> the package data file it is written from.
_PACKAGE_FILES = {
    "samplan.yaml": "samplan.yaml",
    ".gitignore": "gitignore",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".github/workflows/samplan.yml": "workflow.yml",
}
SCHEMA_FILE = "plan.schema.json"


class ExistingFiles(Exception):
    """Files `samplan init` would overwrite (it writes none of them)."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(", ".join(p.as_posix() for p in paths))
        self.paths = paths


@dataclass(frozen=True)
class Scaffold:
    """What `samplan init` wrote, relative to the repository it made."""

    root: Path
    written: list[str]
    plan_folder: str


def package_text(name: str) -> str:
    """A file of samplan/authoring/files/."""
    return resources.files("samplan.authoring").joinpath("files", name).read_text("utf-8")


def schema_text() -> str:
    """The JSON Schema of plan files, as `samplan schema` prints it."""
    from samplan.model import plan_json_schema

    return json.dumps(plan_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def editor_settings() -> str:
    """.vscode/settings.json: the plan schema for every plan file (Red Hat's YAML extension)."""
    globs = ["data/*/*/*.yaml", "data/*/*/*.yml"]
    return json.dumps({"yaml.schemas": {f"./{SCHEMA_FILE}": globs}}, indent=2) + "\n"


def repository_files(district: District, year: int) -> dict[str, str]:
    """Every file of a new plan repository, by its path in the repository."""
    folder = f"data/{district.id}/{year}"
    files = {f"{folder}/{name}": text for name, text in plan_files(district, year).items()}
    files |= {target: package_text(source) for target, source in _PACKAGE_FILES.items()}
    files[".vscode/settings.json"] = editor_settings()
    files[SCHEMA_FILE] = schema_text()
    readme = Template(package_text("README.md"))
    files["README.md"] = readme.substitute(
        district_name=district.name, district_id=district.id, next_year=year + 1
    )
    return files


def init(root: Path, district: District, year: int) -> Scaffold:
    """Write a new plan repository into `root`; ExistingFiles if any file is there, and
    OSError (with every file of this run removed again) if one cannot be written."""
    files = repository_files(district, year)
    existing = [root / name for name in sorted(files) if (root / name).exists()]
    if existing:
        raise ExistingFiles(existing)
    created: list[Path] = []
    try:
        for name, text in files.items():
            create(root / name, text)
            created.append(root / name)
    except OSError:  # a read-only folder, a full disk: take back what this run wrote
        for path in created:
            path.unlink(missing_ok=True)
        raise
    return Scaffold(root, sorted(files), f"data/{district.id}/{year}")


def create(path: Path, text: str) -> None:
    """Write a new file whole (a temporary file, then linked into place): never half a
    file, and never over a file that appeared meanwhile (FileExistsError)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.link(tmp, path)
    finally:
        os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
