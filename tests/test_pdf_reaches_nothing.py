"""The PDF renderer reaches nothing: no server, no file of the machine, no attachment,
whatever a repository's template writes (a listener on 127.0.0.1 counts every
connection). Skips without WeasyPrint, fails instead under CI=true."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import require

from samplan.cli import main
from samplan.render.pdf import html_to_pdf, unavailable

CANARY = "CANARY-PDF-4d1c: a file outside the repository"
PLAN = "district: fyns-politi\nyear: 2020\ntitle: Samarbejdsplan 2020\n"


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A server on 127.0.0.1 that records what every connection sent."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    seen.append(conn.recv(4096))
                except OSError:
                    seen.append(b"")
                conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/css\r\n\r\nbody{}")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", seen
    stop.set()
    thread.join()
    server.close()


def hostile_page(base: str, secret: Path) -> str:
    """Every way a page can make WeasyPrint fetch something or attach a file."""
    file_url = secret.as_uri()
    return f"""<!DOCTYPE html><html lang="da"><head><title>x</title>
<link rel="stylesheet" href="{base}/link.css">
<link rel="attachment" href="{file_url}" title="secret">
<link rel="attachment" href="data:text/plain,{CANARY.replace(" ", "%20")}">
<style>@import url("{base}/import.css"); body {{ background: url("{base}/bg.png") }}
@font-face {{ font-family: x; src: url("{base}/font.woff") }}
.hidden {{ display: none; background-image: url("{base}/hidden.png") }}
@media print {{ .p {{ background: url("{file_url}") }} }}</style></head>
<body class="p"><p>Plan</p><img src="{base}/img.png" alt=""><img src="{file_url}" alt="">
<object data="{base}/object.svg"></object><embed src="{base}/embed.svg">
<iframe src="{file_url}"></iframe>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<image href="{base}/svg.png" width="10" height="10"/><image xlink:href="{file_url}"/></svg>
<a rel="attachment" href="{file_url}">bilag</a>
<div class="hidden">skjult</div></body></html>"""


def test_the_pdf_renderer_fetches_nothing_and_attaches_nothing(
    listener: tuple[str, list[bytes]], tmp_path: Path
) -> None:
    require("WeasyPrint", unavailable())
    base, seen = listener
    secret = tmp_path / "secret.txt"
    secret.write_text(CANARY + "\n", "utf-8")
    pdf = html_to_pdf(hostile_page(base, secret))
    assert seen == []
    assert b"/EmbeddedFile" not in pdf
    assert b"/FileAttachment" not in pdf
    assert CANARY.encode() not in pdf


def test_a_build_with_a_hostile_template_reaches_nothing(
    listener: tuple[str, list[bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require("WeasyPrint", unavailable())
    base, seen = listener
    secret = tmp_path / "secret.txt"
    secret.write_text(CANARY + "\n", "utf-8")
    repo = tmp_path / "repo"
    (repo / "data/fyns-politi/2020").mkdir(parents=True)
    (repo / "data/fyns-politi/2020/plan.yaml").write_text(PLAN, "utf-8")
    (repo / "templates").mkdir()
    page = hostile_page(base, secret).replace("{", "{{ '{' }}")
    (repo / "templates/plan.html.j2").write_text(page, "utf-8")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["build", "--format", "pdf"])
    assert result.exit_code == 0, result.output
    pdf = (repo / "out/fyns-politi/2020/plan.pdf").read_bytes()
    assert seen == []
    assert b"/EmbeddedFile" not in pdf
    assert CANARY.encode() not in pdf


def test_blank_runs_are_collapsed_for_the_pdf_outside_pre() -> None:
    from samplan.render.pdf import collapse_blanks

    html = "<p>a \t  \t b</p><pre>x    y\n\t\tz</pre><p>c  d</p><PRE>\n  e</PRE>"
    assert collapse_blanks(html) == "<p>a b</p><pre>x    y\n\t\tz</pre><p>c d</p><PRE>\n  e</PRE>"
