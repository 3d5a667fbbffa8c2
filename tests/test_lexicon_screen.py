"""The prose rules' shortcuts find what reading every word finds: the slip index finds the
same form as comparing a word with every form, a screened text yields the same slips as
the word-by-word walk, and a plan's prose is read once with the same texts and tokens as
`text_fields` gives (on the seeds, the test plans and made-up texts)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from samplan.lexicon import (
    Slip,
    in_case_of,
    name_forms,
    name_of,
    name_slips,
    names,
    term_forms,
    term_of,
    term_slips,
    terms,
    words,
)
from samplan.loader import load_plan
from samplan.model import Plan
from samplan.plan_walk import entity_paths
from samplan.registry import registry
from samplan.rules import misspelt_term
from samplan.rules.base import Context
from samplan.slip_index import Screen, SlipIndex, _halves, _one_slip
from samplan.texts import TEXT_FIELDS, prose, text_fields

ROOT = Path(__file__).resolve().parent.parent
REPOSITORIES = (ROOT / "data", ROOT / "tests" / "plans" / "data")
LETTERS = "abcdefghijklmnopqrstuvwxyzæøåé"


def seed_plans() -> Iterator[Plan]:
    for data in REPOSITORIES:
        for folder in sorted(data.glob("*/[0-9]*")):
            plan = load_plan(folder, data.parent).plan
            if plan is not None:
                yield plan


PLANS = list(seed_plans())
TEXTS = sorted({text for plan in PLANS for _, text in text_fields(plan)})


def slips_of(word: str) -> set[str]:
    """Every string one slip from `word` (scripts/near_words.py's kind of slip)."""
    found = set()
    for i in range(len(word) + 1):
        found |= {word[:i] + c + word[i:] for c in LETTERS}
        if i < len(word):
            found |= {word[:i] + word[i + 1 :]} | {word[:i] + c + word[i + 1 :] for c in LETTERS}
        if i < len(word) - 1:
            found.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return found


def compared_with_every_form(forms: dict[str, str], word: str) -> str | None:
    folded = word.casefold()
    if folded in forms:
        return None
    close = sorted(f for f in forms if abs(len(f) - len(folded)) < 2 and _one_slip(folded, f))
    return forms[close[0]] if close else None


def test_the_slip_index_finds_the_form_comparing_with_every_form_finds() -> None:
    rng = random.Random(13)
    for forms in (term_forms(), name_forms()):
        index = SlipIndex(forms)
        asked = {w for text in TEXTS for w, _ in words(text)}
        for form in sorted(forms):
            asked |= set(rng.sample(sorted(slips_of(form.casefold())), 12))
        for word in sorted(asked):
            assert index.near(word) == compared_with_every_form(index.forms, word), word
    assert terms().near("kredsrådt") == "kredsråd" and names().near("Kertminde") == "Kerteminde"


def test_the_slip_index_holds_each_form_under_its_halves() -> None:
    for forms in (term_forms(), name_forms()):
        index = SlipIndex(forms)
        expected: dict[tuple[int, str], list[str]] = {}
        for folded in index.forms:
            for n in range(max(len(folded) - 1, 1), len(folded) + 2):
                for key in _halves(folded, n):
                    expected.setdefault(key, []).append(folded)
        assert index.index == expected


def test_a_word_the_slip_index_finds_a_form_for_is_a_candidate() -> None:
    rng = random.Random(31)
    for forms in (term_forms(), name_forms()):
        index = SlipIndex(forms)
        plain = {w for text in TEXTS for w, _ in words(text)}
        asked = set(plain)
        for form in sorted(forms):
            slips = sorted(slips_of(form.casefold()))
            asked |= {w.upper() for w in rng.sample(slips, 6)} | set(rng.sample(slips, 6))
        found = [w for w in sorted(asked) if index.near(w) is not None]
        assert found == list(index.candidates(found)) and len(found) > 1000
        assert len(list(index.candidates(plain))) < len(plain) / 4  # what it is for


@given(st.text(LETTERS[:6], min_size=1, max_size=12), st.text(LETTERS[:6], max_size=12))
@settings(max_examples=400, deadline=None)
def test_one_slip_keeps_a_head_or_a_tail(a: str, b: str) -> None:
    if _one_slip(a, b):
        assert set(_halves(a, len(a))) & set(_halves(b, len(a)))


def walked_term_slips(text: str, known: frozenset[str]) -> list[Slip]:
    """term_slips without its screen: every word read."""
    found = []
    for word, offset in words(text):
        at = offset
        for part in word.split("-"):
            right = term_of(part)
            if right is not None and part.casefold() not in known:
                found.append(Slip(part, at, in_case_of(part, right)))
            at += len(part) + 1
    return found


def walked_name_slips(text: str, known: frozenset[str]) -> list[Slip]:
    return [
        Slip(w, at, right)
        for w, at in words(text)
        if (right := name_of(w)) is not None and w.casefold() not in known
    ]


def with_slips(text: str, rng: random.Random) -> str:
    """`text` with some of its words, and some forms put in, one slip off."""
    forms = sorted(term_forms() | name_forms())
    parts = text.split(" ")
    for _ in range(rng.randrange(1, 5)):
        j = rng.randrange(len(parts))
        form = rng.choice(forms)
        candidates = [*sorted(slips_of(form)), form.upper(), f"https://x.dk/{form}", f"`{form}"]
        parts.insert(j, rng.choice(candidates))
    return " ".join(parts)


def test_screened_texts_yield_what_reading_every_word_yields() -> None:
    rng = random.Random(113)
    texts = TEXTS + [with_slips(rng.choice(TEXTS), rng) for _ in range(1500)]
    found = 0
    for text in texts:
        known = frozenset(rng.sample(sorted(f.casefold() for f in term_forms()), 5))
        for k in (frozenset(), known):
            assert list(term_slips(text, k)) == walked_term_slips(text, k), text
            assert list(name_slips(text, k)) == walked_name_slips(text, k), text
            found += len(walked_term_slips(text, k))
    assert found > 1000  # the made-up texts do hold slips


@given(st.lists(st.sampled_from(["kreds", "KREDS", "lokal", "raa", "ra", "rå", "K", "ſ", "d"])))
@settings(max_examples=300, deadline=None)
def test_the_aa_screen_never_passes_an_aa_spelling(parts: list[str]) -> None:
    text = "".join(parts) + "et"
    if misspelt_term._AA.search(text):
        assert misspelt_term._may_hold_aa(text)


def recording_screen() -> tuple[Screen, list[str]]:
    """A screen for the token 'bad' that records every text it is asked about."""
    asked: list[str] = []

    def bad(text: str) -> bool:
        asked.append(text)
        return "bad" in text.split()

    return Screen(bad), asked


def test_a_screen_judges_each_token_once() -> None:
    screen, asked = recording_screen()
    assert screen.passes(frozenset({"good", "fine"}))
    assert not screen.passes(frozenset({"fine", "bad"}))
    assert screen.passes(frozenset({"good"})) and not screen.passes(frozenset({"bad"}))
    assert asked == ["fine good", "bad"]  # the new tokens together; each once in all


def test_a_suspect_batch_is_halved_until_its_suspects_stand_alone() -> None:
    screen, asked = recording_screen()
    assert not screen.passes(frozenset({"a", "b", "bad", "c"}))
    assert screen.suspects == {"bad"}
    assert asked == ["a b bad c", "a b", "bad c", "bad", "c"]
    assert screen.passes(frozenset({"a", "c"})) and len(asked) == 5


def fields_by_getattr(plan: Plan) -> list[tuple[object, str]]:
    """text_fields as it read a plan before it read the models' fields directly."""
    found: list[tuple[object, str]] = [(("title",), plan.title)]
    if plan.subtitle:
        found.append((("subtitle",), plan.subtitle))
    for _, path, entity in entity_paths(plan):
        for field in TEXT_FIELDS:
            value = getattr(entity, field, None)
            if isinstance(value, str) and value:
                found.append(((*path, field), value))
    return found


def test_a_plans_prose_is_its_text_fields_each_split_once() -> None:
    for plan in PLANS:
        assert list(text_fields(plan)) == fields_by_getattr(plan)
        read = prose(plan)
        assert [(p.path, p.text) for p in read] == fields_by_getattr(plan)
        assert all(p.tokens == frozenset(p.text.split()) for p in read)
        ctx = Context(plan, registry().district(plan.district), words=frozenset({"TrykFonden"}))
        assert ctx.prose == read and ctx.prose is ctx.prose
        assert ctx.known_words == frozenset({"trykfonden"})
