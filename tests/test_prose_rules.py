"""The prose rules: slips from the lexicon are caught, legitimate words are not, and the
spell-check says when it cannot run."""

from __future__ import annotations

from pathlib import Path

import pytest

from samplan import spelling
from samplan.config import ConfigError, load_config
from samplan.lexicon import name_slips, term_slips
from samplan.model import Plan
from samplan.registry import registry
from samplan.rules import danish_spelling
from samplan.rules.base import Context


@pytest.mark.parametrize(
    ("written", "right"),
    [("kredsårdet", "kredsrådet"), ("Lokalrådnee", "Lokalrådene"),
     ("samarbjedsplan", "samarbejdsplan"), ("politikres", "politikreds"),
     ("samarbejdplanen", "samarbejdsplanen"), ("kriminalitetsforbyggende",
     "kriminalitetsforebyggende"), ("politidirketør", "politidirektør")],
)  # fmt: skip
def test_a_swapped_dropped_or_added_letter_in_a_term_is_caught(written: str, right: str) -> None:
    (slip,) = term_slips(f"Vi nævner {written} her.")
    assert (slip.word, slip.right, slip.offset) == (written, right, 10)


@pytest.mark.parametrize(
    "text",
    ["Kredsrådet, lokalrådene og politikredsens politidirektør forebyggede det.",
     "Politikredse, samarbejder og lokalpolitik; kredsrådets og lokalrådenes møder.",
     "SSP-samarbejdet og KSP-samarbejdet i politiet.", "Se https://politi.dk/kredsraad-x.",
     "Kriminaliteten, ungdomskriminaliteten og retsplejeloven."],
)  # fmt: skip
def test_ordinary_words_and_forms_are_not_flagged(text: str) -> None:
    assert list(term_slips(text)) == []


@pytest.mark.parametrize(
    ("written", "right"),
    [("Ikast-Brandø", "Ikast-Brande"), ("Vestjylands", "Vestjyllands"),
     ("Sydøstjyllnads", "Sydøstjyllands"), ("Kertminde", "Kerteminde")],
)  # fmt: skip
def test_a_misspelt_name_is_caught(written: str, right: str) -> None:
    (slip,) = name_slips(f"I {written} er det godt.")
    assert (slip.word, slip.right) == (written, right)


@pytest.mark.parametrize(
    "text",
    ["Henning og Frederiksborg, Vejle, Sorø, Skive og Lejre.", "Odenses og Fyns borgere.",
     "Herning, Holstebro og Ikast-Brande.", "lejer og veje, sort og skive."],
)  # fmt: skip
def test_legitimate_names_and_words_are_not_flagged(text: str) -> None:
    assert list(name_slips(text)) == []


def test_the_repository_word_list_silences_a_word() -> None:
    assert list(term_slips("kredsrådt")) != []
    assert list(term_slips("kredsrådt", frozenset({"kredsrådt"}))) == []


def test_the_spell_check_says_when_it_cannot_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spelling.shutil, "which", lambda _: None)
    plan = Plan.model_validate({"district": "fyns-politi", "year": "2020", "title": "Plan"})
    ctx = Context(plan, registry().district("fyns-politi"))
    (finding,) = danish_spelling.check(ctx)
    assert finding.message.startswith("the Danish spell-check did not run: the hunspell program")


@pytest.mark.skipif(spelling.unavailable() is not None, reason="needs hunspell and hunspell-da")
def test_the_spell_check_suggests_the_right_word() -> None:
    plan = Plan.model_validate(
        {"district": "fyns-politi", "year": "2020", "title": "En aktuell plan for bl.a. SSP"}
    )
    ctx = Context(plan, registry().district("fyns-politi"), words=frozenset({"tryk"}))
    (finding,) = danish_spelling.check(ctx)
    assert finding.message == "'aktuell' is not in the Danish dictionary"
    assert finding.help is not None and finding.help.startswith("did you mean 'aktuel'")


def test_samplan_yaml_words_are_read_and_checked(tmp_path: Path) -> None:
    settings = tmp_path / "samplan.yaml"
    settings.write_text("words: [TrykFonden, bandepakkerne]\n", "utf-8")
    assert load_config(settings, set()).words == ("TrykFonden", "bandepakkerne")
    settings.write_text("words: TrykFonden\n", "utf-8")
    with pytest.raises(ConfigError, match="1:1: 'words' is a list of words"):
        load_config(settings, set())


def test_a_failing_hunspell_is_a_finding_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_words: object) -> dict[str, list[str]]:
        raise spelling.SpellingError("hunspell failed: no dictionary")

    monkeypatch.setattr(spelling, "unavailable", lambda: None)
    monkeypatch.setattr(spelling, "misspelt", broken)
    plan = Plan.model_validate({"district": "fyns-politi", "year": "2020", "title": "En plan"})
    (finding,) = danish_spelling.check(Context(plan, registry().district("fyns-politi")))
    assert finding.message == "the Danish spell-check did not run: hunspell failed: no dictionary"
