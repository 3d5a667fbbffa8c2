"""A repository with site settings builds pages headed by the district's name and logo,
with its contact line, canonical links and a sitemap; bad settings are located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import branded_repository

from samplan.cli import main

BASE = "https://samarbejdsplaner.fyns-politi.example/"


def test_plan_pages_are_headed_by_the_publisher_and_its_logo(branded_site: Path) -> None:
    page = (branded_site / "fyns-politi/2020/index.html").read_text("utf-8")
    assert (
        '<p class="publisher"><a href="../../index.html"><img class="logo" src="../../logo.svg" '
        'alt="" height="48"><span>Fyns Politi</span></a></p>'
    ) in page
    assert "<title>Samarbejdsplan 2020 – Fyns Politi</title>" in page  # named once
    assert '<meta name="author" content="Fyns Politi">' in page
    assert f'<link rel="canonical" href="{BASE}fyns-politi/2020/">' in page
    assert (
        '<p class="contact">Fyns Politi, Thomas B. Thriges Gade 34, 5000 Odense C. Telefon 114.</p>'
    ) in page
    assert "Udgivet af Fyns Politi med samplan" in page
    assert ">samplan<" not in page


def test_the_index_and_the_diff_page_are_headed_alike(branded_site: Path) -> None:
    index = (branded_site / "index.html").read_text("utf-8")
    assert '<img class="logo" src="logo.svg" alt="" height="48"><span>Fyns Politi</span>' in index
    assert "<title>Samarbejdsplaner – Fyns Politi</title>" in index
    assert f'<link rel="canonical" href="{BASE}">' in index
    diffs = sorted(branded_site.glob("*/*/diff.html"))
    assert diffs
    diff = diffs[0].read_text("utf-8")
    assert '<img class="logo" src="../../logo.svg"' in diff
    assert '<nav class="crumbs" aria-label="Brødkrummesti">' in diff
    assert f'<link rel="canonical" href="{BASE}fyns-politi/2020/diff.html">' in diff


def test_the_logo_is_copied_and_the_sitemap_lists_every_page(branded_site: Path) -> None:
    assert (branded_site / "logo.svg").read_text("utf-8").startswith("<svg")
    sitemap = (branded_site / "sitemap.xml").read_text("utf-8")
    assert sitemap.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset')
    assert f"<url><loc>{BASE}</loc></url>" in sitemap
    assert f"<url><loc>{BASE}fyns-politi/2020/</loc></url>" in sitemap
    assert f"<url><loc>{BASE}fyns-politi/2020/diff.html</loc></url>" in sitemap
    assert sitemap.count("<url>") == 1 + len(list(branded_site.glob("*/*/*.html")))


def test_without_settings_the_pages_name_no_publisher(seed_site: Path) -> None:
    page = (seed_site / "fyns-politi/2020/index.html").read_text("utf-8")
    assert '<p class="publisher">' not in page
    assert "canonical" not in page and '<img class="logo"' not in page
    assert not (seed_site / "sitemap.xml").exists()


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            "site: {logo: ../../etc/logo.svg}\n",
            "samplan.yaml:1:14: fejl[SP008 invalid-value] logoet ligger uden for repositoriet",
        ),
        (
            "site: {logo: samplan.yaml}\n",
            "samplan.yaml:1:14: fejl[SP008 invalid-value] logoet skal være en SVG- eller PNG-fil",
        ),
        (
            "site: {publisher: Fyns Politi, colour: blå}\n",
            "samplan.yaml:1:32: fejl[SP006 unknown-key] ukendt nøgle 'colour' i site",
        ),
        (
            "site: Fyns Politi\n",
            "samplan.yaml:1:7: fejl[SP008 invalid-value] site: her skal stå nøgler med værdier",
        ),
    ],
)
def test_bad_site_settings_stop_the_build_with_a_located_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: str, message: str
) -> None:
    monkeypatch.chdir(branded_repository(tmp_path))
    monkeypatch.delenv("SAMPLAN_LANG", raising=False)
    (tmp_path / "samplan.yaml").write_text(settings, "utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_a_png_logo_is_copied_under_its_own_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(branded_repository(tmp_path))
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    (tmp_path / "assets" / "logo.png").write_bytes(png)
    (tmp_path / "samplan.yaml").write_text(
        "site: {publisher: Fyns Politi, logo: assets/logo.png}\n"
    )
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    assert (tmp_path / "out" / "logo.png").read_bytes() == png
    assert 'src="../../logo.png"' in (tmp_path / "out/fyns-politi/2020/index.html").read_text()
    assert not (tmp_path / "out" / "sitemap.xml").exists()  # no base URL, no sitemap


def test_a_logo_larger_than_2_mib_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(branded_repository(tmp_path))
    monkeypatch.setenv("SAMPLAN_LANG", "en")
    (tmp_path / "assets" / "logo.svg").write_bytes(b"<svg>" + b" " * 2 * 1024 * 1024)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2
    assert "samplan.yaml:3:9: error[SP008 invalid-value] there is no logo file at this path" in (
        result.stderr
    )


def test_the_pdf_shows_the_logo_from_a_data_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF is printed from HTML with no files beside it, so its logo travels inside."""
    from samplan.render import pdf

    printed: list[str] = []
    monkeypatch.setattr(pdf, "unavailable", lambda: None)
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html: printed.append(html) or b"%PDF-")
    monkeypatch.chdir(branded_repository(tmp_path))
    assert CliRunner().invoke(main, ["build", "--format", "pdf"]).exit_code == 0
    assert len(printed) == 2
    assert all('<img class="logo" src="data:image/svg+xml;base64,' in html for html in printed)
    page = (tmp_path / "out/fyns-politi/2020/index.html").read_text("utf-8")
    assert 'src="../../logo.svg"' in page and "data:" not in page
