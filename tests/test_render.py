"""Rendering: sanitised Markdown, the page model, templates and the sandbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from samplan.build import render_plan, tidy
from samplan.cli import main
from samplan.model import Plan
from samplan.render.environment import make_environment
from samplan.render.markup import md_inline, to_html, to_markdown
from samplan.render.outline import build_page


def make_plan(**parts: Any) -> Plan:
    return Plan.model_validate({"district": "fyns-politi", "year": "2020", "title": "T", **parts})


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<a href="#" onclick="alert(1)">x</a>',
        "[x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "<svg onload=alert(1)>",
        "<iframe src=https://example.org></iframe>",
        "![i](data:text/html;base64,PHNjcmlwdD4=)",
        "</title><script>alert(1)</script>",
    ],
)
def test_markdown_never_reaches_a_page_with_live_script(hostile: str) -> None:
    html = to_html(hostile).lower()
    for live in ("<script", "onclick", "onload", "javascript:", "data:", "<iframe", "<svg"):
        assert live not in html


def test_markdown_keeps_ordinary_formatting_and_web_links() -> None:
    assert to_html("**a** [b](https://politi.dk)") == (
        '<p><strong>a</strong> <a href="https://politi.dk" rel="noopener noreferrer">b</a></p>'
    )


def test_markdown_headings_start_at_the_given_level() -> None:
    assert to_html("# A\n\n## B", heading_level=3) == "<h3>A</h3>\n<h4>B</h4>"
    assert to_markdown("# A\n\n## B", heading_level=3) == "### A\n\n#### B"


def test_markdown_output_shows_raw_html_as_text_and_disarms_unsafe_links() -> None:
    assert to_markdown("<script>x</script> [a](javascript:x) <https://a.dk>") == (
        "&lt;script>x&lt;/script> [a](#unsafe-javascript:x) <https://a.dk>"
    )
    assert md_inline("a | b\n<b>c</b>") == "a \\| b &lt;b>c&lt;/b>"


def test_chapters_are_numbered_and_the_toc_follows_them() -> None:
    plan = make_plan(
        sections=[
            {"title": "Forord", "numbered": "no"},
            {"title": "Indsatser", "include": "initiatives", "sections": [{"title": "Sidst"}]},
        ],
        initiatives=[{"title": "A", "description": "a"}, {"title": "B", "description": "b"}],
        bodies=[{"title": "Kredsrådet", "kind": "kredsråd", "level": "strategic"}],
    )
    page = build_page(plan)
    assert [(e.number, e.title, e.anchor) for e in page.toc] == [
        ("", "Forord", "afsnit-forord"),
        ("1", "Indsatser", "afsnit-indsatser"),
        ("1.1", "A", "indsats-a"),
        ("1.2", "B", "indsats-b"),
        ("1.3", "Sidst", "afsnit-sidst"),
        ("2", "Organisering", "organisering"),
        ("2.1", "Kredsrådet", "organ-kredsraadet"),
    ]


def test_initiatives_without_description_are_a_list_ordered_by_rank() -> None:
    plan = make_plan(
        sections=[{"title": "Fokus", "include": {"part": "initiatives", "category": "x"}}],
        initiatives=[
            {"title": "Anden", "rank": "2", "category": "x"},
            {"title": "Første", "rank": "1", "category": "x"},
            {"title": "Andet sted", "category": "y"},
        ],
    )
    chapters = build_page(plan).chapters
    assert [(b.kind, b.rows, b.ordered) for b in chapters[0].blocks] == [
        ("list", (("Første",), ("Anden",)), True)
    ]
    assert chapters[1].title == "Indsatsområder og initiativer"  # the unplaced one


def test_fora_table_groups_rows_by_category_and_bodies_can_join_it() -> None:
    plan = make_plan(
        bodies=[
            {"title": "Kredsråd", "kind": "kredsråd", "level": "strategic",
             "category": "1. Kontakt", "meetings": {"min": "4"}, "members": ["Politidirektøren"]}
        ],
        fora=[
            {"title": "SSP", "category": "2. Forebyggelse", "topic": "Unge",
             "representatives": ["a", "b", "c"], "meetings": "ad-hoc"}
        ],
        sections=[{"title": "Bilag", "include": [{"part": "bodies", "layout": "table"}, "fora"]}],
    )  # fmt: skip
    chart, block = build_page(plan).chapters[0].blocks
    assert (chart.kind, block.kind) == ("orgchart", "fora")
    assert block.groups == (
        ("1. Kontakt", (("Kredsråd", "", "Politidirektøren", "Min. 4"),)),
        ("2. Forebyggelse", (("SSP", "Unge", "a, b og c", "Ad hoc"),)),
    )


def test_data_is_never_rendered_as_a_template() -> None:
    plan = make_plan(subtitle="{{ 7*7 }}", sections=[{"title": "{% raw %}", "text": "{{ 7*7 }}"}])
    files = render_plan(make_environment(), plan)
    assert "{{ 7*7 }}" in files["index.html"] and "49" not in files["index.html"]
    assert "{{ 7*7 }}" in files["plan.md"]


def test_dates_are_danish() -> None:
    plan = make_plan(effective_from="2020-01-01", discussed_in_kredsraad="2019-12-20")
    facts = dict(build_page(plan).facts)
    assert facts["Træder i kraft"] == "1. januar 2020"
    assert facts["Drøftet i kredsrådet"] == "20. december 2019"


def test_tidy_leaves_one_blank_line_and_one_final_newline() -> None:
    assert tidy("a  \n\n\n\nb\n## c\n\n\n") == "a\n\nb\n\n## c\n"


def _repo(tmp_path: Path, template: str) -> Path:
    plan_dir = tmp_path / "data/fyns-politi/2020"
    plan_dir.mkdir(parents=True)
    (plan_dir / "plan.yaml").write_text("district: fyns-politi\nyear: 2020\ntitle: T\n", "utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/plan.html.j2").write_text(template, "utf-8")
    return tmp_path


def test_repository_templates_come_first_and_may_extend_the_built_in_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repo(
        tmp_path, '{% extends "builtin/plan.html.j2" %}{% block footer %}KONTAKT{% endblock %}'
    )
    monkeypatch.chdir(repo)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    page = (repo / "out/fyns-politi/2020/index.html").read_text("utf-8")
    assert '<footer class="site">KONTAKT</footer>' in page
    assert "<h1>T</h1>" in page


def test_repository_templates_run_in_the_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repo(tmp_path, "{{ page.__class__.__mro__ }}")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "error[SP016 template-error]" in result.stderr
    assert not (repo / "out/fyns-politi/2020/index.html").exists()


def _shown(items: list[Any]) -> list[str]:
    """A chapter's items in order: 'prose: ...', 'chapter: title', 'list', 'label: ...'."""
    shown = []
    for item in items:
        if item.kind == "chapter":
            shown.append(f"chapter: {item.title}")
        elif item.kind in ("prose", "label"):
            shown.append(f"{item.kind}: {item.text}")
        else:
            shown.append(item.kind)
    return shown


def test_a_section_shows_text_includes_in_order_text_after_then_subsections() -> None:
    plan = make_plan(
        bodies=[
            {"title": "Kredsrådet", "kind": "kredsråd", "level": "strategisk", "description": "R."}
        ],
        fora=[{"title": "SSP", "topic": "Unge", "meetings": "4"}],
        initiatives=[
            {"id": "a", "title": "A", "status": "ny"},
            {"id": "b", "title": "B", "description": "Om B."},
        ],
        sections=[
            {
                "title": "Samarbejdet",
                "text": "Samarbejdet består af:",
                "include": [
                    {"part": "initiatives", "ids": ["b"]},
                    "fora",
                    {"part": "initiatives", "ids": ["a"]},
                    "bodies",
                ],
                "text_after": "Til sidst.",
                "sections": [{"title": "Under"}],
            }
        ],
    )
    (chapter,) = build_page(plan).chapters
    assert _shown(chapter.items) == [
        "prose: Samarbejdet består af:",
        "label: Initiativer",
        "chapter: B",
        "fora",
        "label: Initiativer",
        "list",
        "label: Organisering",
        "orgchart",
        "chapter: Kredsrådet",
        "prose: Til sidst.",
        "chapter: Under",
    ]
    listed = next(b for b in chapter.blocks if b.kind == "list")
    assert listed.rows == (("A", "Ny indsats i 2020"),)


def test_a_section_of_one_part_has_no_label_and_layout_chapters_is_honoured() -> None:
    plan = make_plan(
        initiatives=[{"title": "A"}, {"title": "B"}],
        sections=[{"title": "Fokus", "include": {"part": "initiatives", "layout": "chapters"}}],
    )
    (chapter,) = build_page(plan).chapters
    assert _shown(chapter.items) == ["chapter: A", "chapter: B"]


def test_the_page_shows_no_value_the_plan_does_not_state() -> None:
    plan = make_plan(bodies=[{"title": "Lokalrådet", "kind": "lokalråd"}], published={})
    page = build_page(plan)
    assert [label for label, _ in page.facts] == ["Politikreds", "År"]
    (chapter,) = page.chapters
    facts = [b for c in chapter.children for b in c.blocks if b.kind == "facts"]
    assert [f.rows for f in facts] == [(("Type", "Lokalråd"),)]
