"""Plans written as real plans state them (tests/plans): no error, and only the findings
each plan's opening comment promises; every stated value on the page, none invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from samplan.build import build
from samplan.check import check
from samplan.cli import main
from samplan.config import Config
from samplan.loader import load_plan

PLANS = Path(__file__).resolve().parent / "plans"
NOT_JUDGED = [
    "nordjyllands-politi 2021: SP105 issuer-not-politidirektoer not judged: excerpt",
    "nordjyllands-politi 2021: SP106 kredsraad-discussion-missing not judged: excerpt",
    "nordjyllands-politi 2021: SP108 publication-missing not judged: excerpt",
    "nordjyllands-politi 2021: SP109 youth-crime-discussion-missing not judged: excerpt",
    "nordjyllands-politi 2021: SP110 municipality-without-lokalraad not judged: excerpt",
    "nordjyllands-politi 2021: SP111 meeting-frequency-missing not judged: excerpt",
]


def test_the_plans_give_no_finding_and_say_what_was_not_judged() -> None:
    report = check(PLANS, PLANS / "data", Config())
    assert report.plans == 5
    assert [(x.district, x.year, x.code, x.message) for x in report.diagnostics] == []
    assert [x.text() for x in report.not_judged] == NOT_JUDGED


def test_check_verbose_prints_what_was_not_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PLANS)
    result = CliRunner().invoke(main, ["check", "--verbose"])
    assert result.exit_code == 0
    assert result.stdout == "5 plan(s) checked: 0 error(s), 0 warning(s), 0 note(s)\n"
    assert result.stderr.splitlines() == NOT_JUDGED
    quiet = CliRunner().invoke(main, ["check"])
    assert quiet.stderr == ""


def test_the_seeds_real_defects_are_still_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PLANS.parent.parent)
    report = check(Path.cwd(), Path("data"), Config())
    found = {(x.district, x.year, x.code) for x in report.diagnostics}
    assert {
        ("midt-og-vestjyllands-politi", 2020, "SP104"),  # Ikast-Brandø
        ("midt-og-vestjyllands-politi", 2020, "SP118"),  # ... also in prose
        ("midt-og-vestjyllands-politi", 2020, "SP114"),  # the repeated paragraph
        ("midt-og-vestjyllands-politi", 2020, "SP103"),  # min. 2 meetings
        ("fyns-politi", 2020, "SP109"),  # no youth-crime discussion
        ("midt-og-vestsjaellands-politi", 2011, "SP116"),  # 'samarbejdplan'
    } <= found
    assert not any(code == "SP109" and year < 2019 for _, year, code in found)  # before its law


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    report = build(PLANS, PLANS / "data", target)
    assert report.failed == [] and report.diagnostics == []
    return target


def test_a_body_without_a_level_is_listed_without_one(out: Path) -> None:
    plan = load_plan(PLANS / "data/koebenhavns-politi/2014", PLANS).plan
    assert plan is not None and plan.bodies is not None
    assert [b.level for b in plan.bodies] == [None, None, None]
    page = (out / "koebenhavns-politi/2014/plan.md").read_text("utf-8")
    assert "Niveau" not in page and "Formand" not in page and "Møder" not in page


def test_the_stated_facts_are_on_the_page(out: Path) -> None:
    approved = (out / "sydoestjyllands-politi/2015/plan.md").read_text("utf-8")
    assert "- **Godkendt af kredsrådet:** Ja\n" in approved
    assert "- **Offentliggjort:** politiets hjemmeside\n" in approved
    assert "- Indbrud i privat beboelse (Videreført fra 2012; national prioritet)\n" in approved
    issuer = (out / "oestjyllands-politi/2019/plan.md").read_text("utf-8")
    assert "- **Udstedt af:** Østjyllands Politi\n" in issuer
    assert "- **Drøftet i kredsrådet:** Ja\n" in issuer
    assert "- **Parter:** Kriminalforsorgen og Anklagemyndigheden\n" in issuer
    excerpt = (out / "nordjyllands-politi/2021/plan.md").read_text("utf-8")
    assert "- **Kilde:** Uddrag af samarbejdsplanen, Samarbejdsplan 2021, side 1-4," in excerpt
