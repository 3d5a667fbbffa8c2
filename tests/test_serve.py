"""`samplan serve`: started on a free port, a file edited, the new page seen over HTTP; a
broken file shown as its located errors; Ctrl-C stops it with exit 0."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from serving import serving, wait_for

from samplan.cli import main
from samplan.serve import Preview

pytestmark = pytest.mark.usefixtures("english_cli")

PLAN = "data/nordjyllands-politi/2026"
PAGE = "/nordjyllands-politi/2026/"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    args = ["init", "--district", "nordjyllands-politi", "--year", "2026"]
    assert CliRunner().invoke(main, args).exit_code == 0
    return tmp_path


def retitle(repo: Path, title: str) -> None:
    plan = repo / PLAN / "plan.yaml"
    lines = plan.read_text("utf-8").splitlines(keepends=True)
    plan.write_text("".join(f"title: {title}\n" if x.startswith("title:") else x for x in lines))


def test_serve_shows_an_edit_and_a_broken_file_and_stops_on_ctrl_c(repo: Path) -> None:
    with serving(repo) as server:
        assert server.url.startswith("http://127.0.0.1:")
        status, page = server.get(PAGE)
        assert status == 200
        assert "<title>Samarbejdsplan 2026 for Nordjyllands Politi" in page
        assert "samplan check: 2 findings" in page
        assert f"<strong>{PLAN}/plan.yaml:1:1</strong>: warning[SP106" in page
        assert "/__samplan__/version" in page
        retitle(repo, "Samarbejdsplan 2026, rettet")
        wait_for(lambda: "<title>Samarbejdsplan 2026, rettet" in server.get(PAGE)[1])
        (repo / PLAN / "broken.yaml").write_text("fora: [\n", "utf-8")
        wait_for(lambda: "Nordjyllands Politi 2026 does not load" in server.get(PAGE)[1])
        page = server.get(PAGE)[1]
        assert f"{PLAN}/broken.yaml:2:1: error[SP001 invalid-yaml]" in page
        assert "rettet" not in page  # never the stale plan
        assert server.get("/nordjyllands-politi/2026/plan.json")[0] == 404
        (repo / PLAN / "broken.yaml").unlink()
        wait_for(lambda: "<title>Samarbejdsplan 2026, rettet" in server.get(PAGE)[1])
        assert server.get("/")[0] == 200
        code, rest = server.stop()
    assert code == 0
    assert rest.endswith("stopped")
    assert "nordjyllands-politi 2026: does not load in" in rest
    assert "nordjyllands-politi 2026: built in" in rest


def test_serve_rebuilds_everything_for_a_new_plan_folder(repo: Path) -> None:
    with serving(repo) as server:
        assert server.get("/nordjyllands-politi/2027/")[0] == 404
        assert CliRunner().invoke(main, ["new", "2027"]).exit_code == 0
        wait_for(lambda: server.get("/nordjyllands-politi/2027/")[0] == 200)
        assert "Samarbejdsplan 2027" in server.get("/nordjyllands-politi/2027/")[1]
        assert server.stop()[0] == 0


def test_a_port_in_use_is_a_usage_error(repo: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = CliRunner().invoke(main, ["serve", "--port", port])
    assert result.exit_code == 2
    assert f"Error: cannot serve on 127.0.0.1:{port}:" in result.stderr


def test_the_preview_serves_only_the_built_folder(repo: Path) -> None:
    pages = Preview(repo, repo / "data", repo / "templates", repo / "samplan.yaml", print)
    try:
        pages.rebuild_all()
        assert pages.respond("/__samplan__/version") == (200, "text/plain", b"1")
        for url in ("/../samplan.yaml", "/%2e%2e/samplan.yaml", "/nowhere.html"):
            assert pages.respond(url)[0] == 404
        status, kind, body = pages.respond("/nordjyllands-politi/2026/plan.json")
        assert (status, kind) == (200, "application/json")
        assert b'"samplan check' not in body
        assert pages.respond(PAGE)[2].count(b'id="samplan-serve"') == 1
        built = (pages.out / PAGE.strip("/") / "index.html").read_text("utf-8")
        assert "samplan-serve" not in built  # only the served copy has the banner
    finally:
        pages.close()
    assert not pages.tmp.exists()


def test_serve_reads_new_templates_and_survives_a_removed_data_folder(repo: Path) -> None:
    with serving(repo) as server:
        (repo / "templates").mkdir()
        (repo / "templates/plan.html.j2").write_text(
            '{% extends "builtin/plan.html.j2" %}'
            "{% block footer %}<p>Kontakt: kredsraad@example.dk</p>{% endblock %}\n",
            "utf-8",
        )
        wait_for(lambda: "Kontakt: kredsraad@example.dk" in server.get(PAGE)[1])
        (repo / "data").rename(repo / "elsewhere")
        time.sleep(1)
        (repo / "elsewhere").rename(repo / "data")
        retitle(repo, "Tilbage igen 2026")
        wait_for(lambda: "<title>Tilbage igen 2026" in server.get(PAGE)[1])
        assert server.stop()[0] == 0


def test_serve_without_plans_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    result = CliRunner().invoke(main, ["serve", "--port", "0"])
    assert result.exit_code == 2
    assert "no plan in 'data' to serve" in result.stderr


def test_the_preview_says_what_it_rebuilt_in_danish_by_default(repo: Path) -> None:
    import re

    from samplan.locale import use_language

    use_language("da")
    pages = Preview(repo, repo / "data", repo / "templates", repo / "samplan.yaml", print)
    try:
        pages.rebuild_all()
        [line] = pages.changed([repo / PLAN / "plan.yaml"])
        assert re.fullmatch(r"nordjyllands-politi 2026: bygget på \d+,\d\d s, 2 fund", line)
        (repo / PLAN / "broken.yaml").write_text("fora: [\n", "utf-8")
        [line] = pages.changed([repo / PLAN / "broken.yaml"])
        assert re.fullmatch(
            r"nordjyllands-politi 2026: kan ikke indlæses \(på \d+,\d\d s, 1 fund\)", line
        )
        assert pages.respond("/nowhere.html") == (404, "text/plain", b"ikke fundet\n")
        plan_json = "/nordjyllands-politi/2026/plan.json"
        assert pages.respond(plan_json)[2] == "planen kan ikke indlæses\n".encode()
    finally:
        pages.close()
