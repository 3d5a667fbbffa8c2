"""Helpers of the hostile corpus: materialise a case, generate the cases too large or too odd
to commit, and find live script in produced HTML and Markdown."""

from __future__ import annotations

import json
import os
import shutil
import tomllib
from collections.abc import Callable
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
from markdown_it import MarkdownIt

from samplan.plan_files import MAX_FILE_BYTES, MAX_FILES, MAX_PLAN_BYTES
from samplan.render.sandbox import MAX_TEMPLATE_BYTES

CASES = Path(__file__).resolve().parent / "hostile"
CANARY = "CANARY-7f3e9b: the content of a file outside the repository"
MINIMAL = "district: fyns-politi\nyear: 2020\ntitle: Samarbejdsplan 2020\n"
PLAN_DIR = Path("data/fyns-politi/2020")


def case_names() -> list[str]:
    return sorted(p.stem for p in CASES.glob("*.toml"))


def expectation(name: str) -> dict[str, Any]:
    with (CASES / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def materialise(name: str, tmp_path: Path) -> Path:
    """The case as a repository under `tmp_path`, beside a secret file outside it."""
    (tmp_path / "secret.txt").write_text(CANARY + "\n", "utf-8")
    outside = tmp_path / "outside" / "2020"
    outside.mkdir(parents=True)
    (outside / "plan.yaml").write_text(MINIMAL + f"subtitle: {CANARY}\n", "utf-8")
    repo = tmp_path / "repo"
    if (CASES / name).is_dir():
        shutil.copytree(CASES / name, repo, symlinks=True)
    else:
        (repo / PLAN_DIR).mkdir(parents=True)
        single = CASES / f"{name}.yaml"
        if single.exists():
            shutil.copyfile(single, repo / PLAN_DIR / "plan.yaml")
    (repo / "data").mkdir(exist_ok=True)
    generator = expectation(name).get("generate")
    if generator:
        GENERATORS[generator](repo)
    return repo


def _plan(repo: Path, text: str | bytes, name: str = "plan.yaml") -> None:
    target = repo / PLAN_DIR / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)


def _huge_file(repo: Path) -> None:
    padding = "# " + "x" * 78 + "\n"
    _plan(repo, MINIMAL + padding * (MAX_FILE_BYTES // len(padding) + 1))


def _long_line(repo: Path) -> None:
    _plan(repo, MINIMAL + "subtitle: " + "lang " * 300_000 + "\n")


def _long_key(repo: Path) -> None:
    _plan(repo, MINIMAL + "k" * 1_500_000 + ": x\n")


def _long_line_syntax_error(repo: Path) -> None:
    _plan(repo, MINIMAL + 'subtitle: "' + "x" * 1_500_000 + '"  "y"\n')


def _many_files(repo: Path) -> None:
    _plan(repo, MINIMAL)
    for n in range(MAX_FILES):
        _plan(repo, f"# part {n}\n", f"part{n:03}.yaml")


def _large_plan(repo: Path) -> None:
    chunk = "# " + "x" * 78 + "\n"
    part = chunk * ((MAX_FILE_BYTES - 1024) // len(chunk))
    _plan(repo, MINIMAL)
    for n in range(MAX_PLAN_BYTES // len(part) + 1):
        _plan(repo, part, f"part{n}.yaml")


def _same_titles(repo: Path) -> None:
    sections = "".join("  - title: Samme titel\n" for _ in range(2_000))
    _plan(repo, MINIMAL + "sections:\n" + sections)


def _many_entities(repo: Path) -> None:
    bodies = "".join(
        f"  - {{title: 'Lokalråd {n}', kind: lokalråd, level: operative, "
        f"municipalities: [Odense], members: [{{name: 'A {n}', title: formand}}]}}\n"
        for n in range(1_000)
    )
    _plan(repo, MINIMAL + "bodies:\n" + bodies)


def _symlink_outside(repo: Path) -> None:
    (repo / PLAN_DIR).mkdir(parents=True, exist_ok=True)
    (repo / PLAN_DIR / "plan.yaml").symlink_to(repo.parent / "secret.txt")
    _plan(repo, MINIMAL.replace("title", "subtitle: x\ntitle"), "identity.yaml")


def _symlinked_year_outside(repo: Path) -> None:
    shutil.rmtree(repo / PLAN_DIR, ignore_errors=True)
    (repo / PLAN_DIR.parent).mkdir(parents=True, exist_ok=True)
    (repo / PLAN_DIR).symlink_to(repo.parent / "outside" / "2020", target_is_directory=True)


def _symlink_loop(repo: Path) -> None:
    _plan(repo, MINIMAL)
    (repo / PLAN_DIR / "loop.yaml").symlink_to("loop.yaml")


def _out_symlink_loop(repo: Path) -> None:
    _plan(repo, MINIMAL)
    (repo / "out").symlink_to("out")


def _templates_symlink_loop(repo: Path) -> None:
    _plan(repo, MINIMAL)
    (repo / "templates").symlink_to("templates")


def _fifo(repo: Path) -> None:
    _plan(repo, MINIMAL)
    os.mkfifo(repo / PLAN_DIR / "pipe.yaml")


def _template_symlink_outside(repo: Path) -> None:
    _plan(repo, MINIMAL)
    (repo / "templates").mkdir()
    (repo / "templates" / "plan.html.j2").symlink_to(repo.parent / "secret.txt")


def _templates(repo: Path, name: str, text: str) -> None:
    _plan(repo, MINIMAL)
    (repo / "templates").mkdir(exist_ok=True)
    (repo / "templates" / name).write_text(text, "utf-8")


def _template_deep_nesting(repo: Path) -> None:
    _templates(repo, "plan.html.j2", "{% if true %}" * 20_000 + "x" + "{% endif %}" * 20_000)


def _template_too_large(repo: Path) -> None:
    _templates(repo, "plan.html.j2", "{# padding #}\n" + "<p>x</p>\n" * (MAX_TEMPLATE_BYTES // 9))


def _template_is_a_folder(repo: Path) -> None:
    _templates(repo, "index.html.j2", "{{ districts|length }}\n")
    (repo / "templates" / "plan.html.j2").mkdir()


def _long_blank_runs(repo: Path) -> None:
    """Prose of runs of blanks and tabs just under the text limit (once quadratic)."""
    run = json.dumps("Start" + " \t" * 24_000 + "slut" + "\t" * 1_000)
    sections = "".join(f"  - title: Afsnit {n}\n    text: {run}\n" for n in range(4))
    _plan(repo, MINIMAL + "sections:\n" + sections)


def _many_partners(repo: Path) -> None:
    partners = json.dumps([f"Partner {n}" for n in range(5_000)])
    text = "initiatives:\n  - title: Mange\n    description: Mange partnere.\n"
    _plan(repo, MINIMAL + text + f"    partners: {partners}\n")


GENERATORS: dict[str, Callable[[Path], None]] = {
    "huge-file": _huge_file,
    "long-line": _long_line,
    "long-key": _long_key,
    "long-line-syntax-error": _long_line_syntax_error,
    "many-files": _many_files,
    "large-plan": _large_plan,
    "same-titles": _same_titles,
    "many-entities": _many_entities,
    "symlink-outside": _symlink_outside,
    "symlinked-year-outside": _symlinked_year_outside,
    "symlink-loop": _symlink_loop,
    "out-symlink-loop": _out_symlink_loop,
    "templates-symlink-loop": _templates_symlink_loop,
    "fifo": _fifo,
    "template-symlink-outside": _template_symlink_outside,
    "template-deep-nesting": _template_deep_nesting,
    "long-blank-runs": _long_blank_runs,
    "many-partners": _many_partners,
    "template-too-large": _template_too_large,
    "template-is-a-folder": _template_is_a_folder,
}

# Where a URL is an attribute's value, and the schemes that run code or embed content.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
LIVE_SCHEMES = ("javascript:", "vbscript:", "data:")
LIVE_TAGS = {"script", "iframe", "frame", "object", "embed", "svg", "math", "form", "base"}
LIVE_TAGS |= {"applet", "link", "video", "audio", "input", "button", "textarea"}


class _LiveScript(HTMLParser):
    """Collects every element or attribute of a page that could run script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in LIVE_TAGS:
            self.found.append(f"<{tag}>")
        if tag == "meta" and any(k == "http-equiv" for k, _ in attrs):
            self.found.append("<meta http-equiv>")
        for key, value in attrs:
            if key.startswith("on") or key in ("style", "srcdoc"):
                self.found.append(f"<{tag} {key}=>")
            url = "".join(ch for ch in (value or "") if ch > " ").lower()
            if key in URL_ATTRIBUTES and url.startswith(LIVE_SCHEMES):
                self.found.append(f"<{tag} {key}={value!r}>")


def live_script_in_html(html: str) -> list[str]:
    parser = _LiveScript()
    parser.feed(html)
    parser.close()
    return parser.found


@cache
def our_own() -> frozenset[str]:
    """What the built-in templates write themselves (tests/golden/): not the data's doing."""
    golden = Path(__file__).resolve().parent / "golden"
    found: set[str] = set()
    for page in sorted(golden.rglob("*.html")):
        found.update(live_script_in_html(page.read_text("utf-8")))
    return frozenset(found)


def live_script_in_markdown(text: str) -> list[str]:
    """What a Markdown viewer that passes raw HTML through would make live: Python-Markdown
    and a CommonMark renderer (markdown-it) that trusts every link."""
    return live_script_in_html(markdown.markdown(text)) + live_script_in_html(
        _commonmark().render(text)
    )


@cache
def _commonmark() -> MarkdownIt:
    renderer = MarkdownIt("commonmark")
    renderer.validateLink = lambda url: True  # as a viewer without its own link filter
    return renderer
