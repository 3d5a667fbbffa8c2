"""plan.pdf: each seed plan's PDF is tagged (PDF/UA-1) and holds the plan's text, as
poppler's pdfinfo and pdftotext read it. Skips without WeasyPrint or poppler, fails
instead under CI=true (.ci/run installs them)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, require

from samplan.cli import main
from samplan.render.pdf import unavailable

pytestmark = pytest.mark.usefixtures("english_cli")


@pytest.fixture(scope="module")
def pdfs(seed_site: Path) -> list[Path]:
    require("WeasyPrint", unavailable())
    require("poppler-utils", None if shutil.which("pdfinfo") else "pdfinfo not found")
    return sorted(seed_site.glob("*/*/plan.pdf"))


def poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def words(text: str) -> str:
    return " ".join(text.split())


def test_every_seed_plan_has_a_pdf(pdfs: list[Path], seed_site: Path) -> None:
    assert [p.parent for p in pdfs] == sorted(p.parent for p in seed_site.glob("*/*/plan.json"))
    assert len(pdfs) == 5


def test_pdfs_are_tagged_and_titled(pdfs: list[Path]) -> None:
    for pdf in pdfs:
        info = poppler("pdfinfo", str(pdf))
        plan = json.loads((pdf.parent / "plan.json").read_text("utf-8"))
        assert re.search(r"^Tagged:\s+yes$", info, re.M), (pdf, info)
        title = re.search(r"^Title:\s+(.*)$", info, re.M)
        assert title and title.group(1).startswith(plan["title"]), (pdf, info)


def paragraphs(page: Path) -> list[str]:
    """The text of every paragraph of a built plan page."""

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []
            self.depth = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag == "p":
                self.depth += 1
                self.found.append("")

        def handle_endtag(self, tag: str) -> None:
            self.depth -= tag == "p"

        def handle_data(self, data: str) -> None:
            if self.depth:
                self.found[-1] += data

    parser = Collect()
    parser.feed(page.read_text("utf-8"))
    return [words(t) for t in parser.found if t.strip()]


def test_pdfs_hold_the_plans_text(pdfs: list[Path]) -> None:
    for pdf in pdfs:
        text = words(poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-"))
        plan = json.loads((pdf.parent / "plan.json").read_text("utf-8"))
        assert words(plan["title"]) in text, pdf
        assert words(plan["sections"][0]["title"]) in text, pdf
        paras = paragraphs(pdf.parent / "index.html")[1:-1]  # without header and footer
        missing = [p[:50] for p in paras if p[:50] not in text]
        assert len(paras) > 3 and missing == [], pdf
        assert "Gå til indholdet" not in text, "navigation is not printed"


def test_pdf_has_page_numbers(pdfs: list[Path]) -> None:
    text = poppler("pdftotext", "-enc", "UTF-8", str(pdfs[0]), "-")
    pages = int(re.search(r"^Pages:\s+(\d+)$", poppler("pdfinfo", str(pdfs[0])), re.M)[1])  # type: ignore[index]
    assert f"Side 1 af {pages}" in text and f"Side {pages} af {pages}" in text


def test_index_and_plan_pages_link_the_pdf(pdfs: list[Path], seed_site: Path) -> None:
    index = (seed_site / "index.html").read_text("utf-8")
    for pdf in pdfs:
        rel = pdf.relative_to(seed_site).as_posix()
        assert f'<a href="{rel}">' in index
        assert '<a href="plan.pdf">' in (pdf.parent / "index.html").read_text("utf-8")


def test_same_plan_same_pdf_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require("WeasyPrint", unavailable())
    monkeypatch.chdir(ROOT)
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        args = ["build", "2011", "--district", "midt-og-vestsjaellands-politi", "--format", "pdf"]
        result = CliRunner().invoke(main, [*args, "--out", str(out)])
        assert result.exit_code == 0, result.output
    a, b = (o / "midt-og-vestsjaellands-politi/2011/plan.pdf" for o in outs)
    assert a.read_bytes() == b.read_bytes()


def test_format_pdf_without_weasyprint_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr("samplan.render.pdf.unavailable", lambda: "no module named weasyprint")
    result = CliRunner().invoke(main, ["build", "--format", "pdf", "--out", "/nonexistent"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --format pdf needs WeasyPrint and pango (no module named weasyprint); "
        "install samplan[pdf], see the README\n"
    )
