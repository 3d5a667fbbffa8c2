"""Unit tests of samplan.text: slugs, Danish alphabetical order, dates and lists."""

from __future__ import annotations

import datetime as dt

import pytest

from samplan.text import danish_date, danish_key, join_danish, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Kredsrådet", "kredsraadet"),
        ("Kredsrådet i Fyn", "kredsraadet-i-fyn"),
        ("Ærø", "aeroe"),
        ("Østerbro", "oesterbro"),
        ("Åbyhøj", "aabyhoej"),
        ("ÆØÅ æøå", "aeoeaa-aeoeaa"),
        ("Café Über Straße", "cafe-ueber-strasse"),
        ("SSP-samarbejdet", "ssp-samarbejdet"),
        ("  --Hello, World!--  ", "hello-world"),
        ("Lokalråd+", "lokalraad"),
        ("År 2020/21", "aar-2020-21"),
        ("§ 113", "113"),
        ("", "x"),
        ("!!!", "x"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def sort_danish(words: list[str]) -> list[str]:
    return sorted(words, key=danish_key)


def test_ae_oe_aa_after_z_in_ds377_order() -> None:
    words = ["Åbyhøj", "Østerbro", "Ærø", "Zealand", "Abild", "Odense"]
    assert sort_danish(words) == ["Abild", "Odense", "Zealand", "Ærø", "Østerbro", "Åbyhøj"]


def test_double_a_sorts_as_aa() -> None:
    words = ["Aarhus", "Aabenraa", "Ølstykke", "Ærø", "Abild", "Zealand"]
    assert sort_danish(words) == ["Abild", "Zealand", "Ærø", "Ølstykke", "Aabenraa", "Aarhus"]


def test_double_a_and_aa_letter_tie_broken_by_text() -> None:
    assert danish_key("Aarhus")[0] == danish_key("Århus")[0]
    assert sort_danish(["Århus", "Aarhus"]) == ["Aarhus", "Århus"]
    assert sort_danish(["Ålborg", "Aalborg", "Åbyhøj"]) == ["Åbyhøj", "Aalborg", "Ålborg"]


def test_order_ignores_case() -> None:
    assert sort_danish(["b", "A", "æ", "Z"]) == ["A", "b", "Z", "æ"]


def test_german_letters_sort_with_danish_ones() -> None:
    assert danish_key("Äpfel")[0][0] == danish_key("Æble")[0][0]
    assert danish_key("Öl")[0][0] == danish_key("Øl")[0][0]
    assert sort_danish(["über", "vand", "zebra", "tog"]) == ["tog", "vand", "über", "zebra"]


def test_accents_ignored() -> None:
    assert sort_danish(["Ejby", "Édith", "Dalum"]) == ["Dalum", "Édith", "Ejby"]


def test_danish_key_shape() -> None:
    assert danish_key("Aarhus") == ("}rhus", "Aarhus")


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (dt.date(2020, 1, 1), "1. januar 2020"),
        (dt.date(2019, 12, 31), "31. december 2019"),
        (dt.date(2011, 5, 3), "3. maj 2011"),
        (dt.date(2007, 3, 15), "15. marts 2007"),
        (dt.date(2010, 10, 20), "20. oktober 2010"),
    ],
)
def test_danish_date(date: dt.date, text: str) -> None:
    assert danish_date(date) == text


@pytest.mark.parametrize(
    ("items", "text"),
    [
        ([], ""),
        (["a"], "a"),
        (["a", "b"], "a og b"),
        (["a", "b", "c"], "a, b og c"),
        (["Politiet", "kommunen", "SSP", "skolerne"], "Politiet, kommunen, SSP og skolerne"),
    ],
)
def test_join_danish(items: list[str], text: str) -> None:
    assert join_danish(items) == text
