"""A fast start: each command imports only what it uses, pydantic's plugin loader only
when a plugin is installed, and the executable ends with its output flushed."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from samplan.startup import plugins_declared

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pydantic", "jinja2", "markdown", "icalendar", "importlib.metadata", "weasyprint")

# The executable's own entry point (cli.run), reporting the heavy modules it imported.
PROGRAM = """
import atexit, sys
from samplan import cli
heavy = {heavy!r}
atexit.register(lambda: print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr))
sys.argv = ["samplan", *{args!r}]
cli.run()
"""


def imported(cwd: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, list[str]]:
    """The exit code of `samplan ARGS` in `cwd`, and the heavy modules it imported."""
    code = PROGRAM.format(heavy=HEAVY, args=list(args))
    environ = {**os.environ, **(env or {})}
    environ.pop("PYDANTIC_DISABLE_PLUGINS", None)
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, env=environ
    )
    return proc.returncode, ast.literal_eval(proc.stderr.splitlines()[-1])


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def test_cold_check_imports_pydantic_but_not_its_plugin_loader(repo: Path) -> None:
    assert imported(repo, "check", "--no-cache") == (1, ["pydantic"])


def test_cold_check_loads_no_openssl_for_pydantic(repo: Path) -> None:
    code = PROGRAM.format(heavy=("secrets", "hmac", "_hashlib"), args=["check", "--no-cache"])
    proc = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True)
    assert ast.literal_eval(proc.stderr.splitlines()[-1]) == ["secrets"]  # the stand-in
    assert proc.returncode == 1 and "SP1" in proc.stdout  # the findings on data/


def test_a_deferred_module_is_the_real_one_when_used() -> None:
    code = (
        "import sys\nfrom samplan.startup import defer_pydantic_plugins\n"
        "defer_pydantic_plugins()\nfrom pydantic import SecretStr\n"
        "print('hmac' in sys.modules, SecretStr('a') == SecretStr('a'), "
        "SecretStr('a') == SecretStr('b'), 'hmac' in sys.modules)\n"
        "import secrets\nfrom secrets import compare_digest\n"
        "print(type(secrets).__name__, compare_digest is sys.modules['hmac'].compare_digest)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout == "False True False True\nmodule True\n", proc.stderr


def test_diff_as_text_or_json_imports_no_template_engine(repo: Path) -> None:
    for fmt in ("text", "json"):
        assert imported(repo, "diff", "2007", "2011", "--format", fmt) == (0, ["pydantic"])


def test_diff_as_html_imports_the_template_engine(repo: Path) -> None:
    code, modules = imported(repo, "diff", "2007", "2011", "--format", "html")
    assert (code, "jinja2" in modules, "importlib.metadata" in modules) == (0, True, False)


def test_build_of_plans_without_dated_meetings_imports_no_calendar(repo: Path) -> None:
    plan = "district: fyns-politi\nyear: 2020\ntitle: Samarbejdsplan 2020\n"
    (repo / "data").rename(repo / "seeds")
    (repo / "data/fyns-politi/2020").mkdir(parents=True)
    (repo / "data/fyns-politi/2020/plan.yaml").write_text(plan, "utf-8")
    assert imported(repo, "build") == (0, ["jinja2", "markdown", "pydantic"])


def test_build_of_the_seeds_scans_no_installed_packages(repo: Path) -> None:
    code, modules = imported(repo, "build")
    assert code == 0
    assert "importlib.metadata" not in modules  # neither for pydantic nor for markdown


def test_build_of_the_seeds_writes_their_calendar_without_the_icalendar_library(
    repo: Path,
) -> None:
    assert imported(repo, "build") == (0, ["jinja2", "markdown", "pydantic"])
    assert (repo / "out/midt-og-vestsjaellands-politi/2007/moeder.ics").is_file()


def test_the_executable_flushes_everything_before_it_exits(repo: Path) -> None:
    samplan = [sys.executable, "-c", "from samplan.cli import run; run()"]
    first = subprocess.run([*samplan, "check", "--format", "json"], cwd=repo, capture_output=True)
    again = subprocess.run([*samplan, "check", "--format", "json"], cwd=repo, capture_output=True)
    assert first.returncode == again.returncode == 1
    assert first.stdout == again.stdout
    assert first.stdout.endswith(b"}\n") and b'"plans": 5' in first.stdout


def test_the_executable_reports_sys_exit_with_a_message(repo: Path) -> None:
    code = "import sys\nfrom samplan import cli\ncli.main = lambda: sys.exit('broken')\ncli.run()"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (proc.returncode, proc.stderr) == (1, "broken\n")


def _plugin(site: Path) -> None:
    """A distribution in `site` that declares a pydantic plugin which records its use."""
    dist = site / "fakeplugin-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: fakeplugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[pydantic]\nfake = fakeplugin:plugin\n")
    (site / "fakeplugin.py").write_text(
        "import sys\n"
        "class Plugin:\n"
        "    def new_schema_validator(self, *args, **kwargs):\n"
        "        sys.modules[__name__].used = True\n"
        "        return None, None, None\n"
        "plugin = Plugin()\n"
    )


def test_an_installed_plugin_is_still_loaded(tmp_path: Path) -> None:
    _plugin(tmp_path)
    code = (
        "import sys\nfrom samplan.startup import defer_pydantic_plugins\n"
        "defer_pydantic_plugins()\nfrom samplan.model import Plan\n"
        "Plan.model_validate({'district': 'fyns-politi', 'year': 2020, 'title': 'x'})\n"
        "print(getattr(sys.modules.get('fakeplugin'), 'used', False))"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.stdout.strip() == "True", proc.stderr


def test_plugins_declared(tmp_path: Path) -> None:
    assert not plugins_declared([str(tmp_path), str(tmp_path / "missing")])
    other = tmp_path / "other-1.0.dist-info"
    other.mkdir()
    (other / "entry_points.txt").write_text("[console_scripts]\nother = other:main\n")
    assert not plugins_declared([str(tmp_path)])
    _plugin(tmp_path)
    assert plugins_declared([str(tmp_path)])
