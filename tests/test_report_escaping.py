"""Honest reporters: whatever a file is named and whatever a plan holds, the terminal and
GitHub output carry no character a terminal or the runner would obey, JSON and SARIF are
valid UTF-8, and SARIF's URIs are percent-encoded."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from samplan.cli import main

PLAN = "district: fyns-politi\nyear: 2020\ntitle: T\n"
NAME = b"b\xffad \xc3\xa6 #%\x1b[31m.yaml"  # not UTF-8, a blank, æ, URI delimiters, ESC
CONTENT = b'titel: x\n\x1b]0;owned\x07rot: "\\e[2J"\nsubtitle: "a\\u202eb"\n'
URI = re.compile(r"^[A-Za-z0-9\-._~/%]+$")


@pytest.fixture
def outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    folder = tmp_path / "data/fyns-politi/2020"
    folder.mkdir(parents=True)
    (folder / "plan.yaml").write_text(PLAN, "utf-8")
    for name in (NAME, NAME.replace(b"\x1b[31m", b"")):
        (folder / os.fsdecode(name)).write_bytes(CONTENT)
    monkeypatch.chdir(tmp_path)
    found = {}
    for fmt in ("text", "json", "github", "sarif"):
        result = CliRunner().invoke(main, ["check", "--format", fmt])
        assert result.exit_code == 1, result.output
        found[fmt] = result.stdout_bytes
    return found


def test_every_format_is_valid_utf8(outputs: dict[str, bytes]) -> None:
    for fmt, raw in outputs.items():
        raw.decode("utf-8")  # raises if not
        assert b"\xff" not in raw, fmt


def test_terminal_and_github_output_hold_no_control_character(outputs: dict[str, bytes]) -> None:
    for fmt in ("text", "github"):
        text = outputs[fmt].decode("utf-8")
        assert not [ch for ch in text if not ch.isprintable() and ch not in "\n "], fmt
    for line in outputs["github"].decode("utf-8").splitlines():
        assert line.startswith(("::error ", "::warning ", "::notice ")), line


def test_json_names_the_files_readably(outputs: dict[str, bytes]) -> None:
    files = {x["file"] for x in json.loads(outputs["json"])["diagnostics"]}
    assert "data/fyns-politi/2020/b\\xffad æ #%.yaml" in files


def test_sarif_uris_are_percent_encoded(outputs: dict[str, bytes]) -> None:
    run = json.loads(outputs["sarif"])["runs"][0]
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in run["results"]
        for loc in result.get("locations", [])
    }
    assert "data/fyns-politi/2020/b%FFad%20%C3%A6%20%23%25.yaml" in uris
    assert all(URI.match(uri) for uri in uris), uris


def test_a_real_process_writes_valid_utf8(outputs: dict[str, bytes]) -> None:
    import subprocess
    import sys

    for fmt in ("json", "sarif", "github", "text"):
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "from samplan.cli import main; main()",
                "check",
                "--format",
                fmt,
            ],
            capture_output=True,
            timeout=60,
        )
        assert done.returncode == 1
        done.stdout.decode("utf-8")
        assert not [ch for ch in done.stdout.decode() if ch < " " and ch != "\n"], fmt
