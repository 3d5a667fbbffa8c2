"""Unit tests of samplan.registry: the 12 police districts and 98 municipalities."""

from __future__ import annotations

import pytest

from samplan.registry import REFERENCE, Municipality, compile_reference, registry

DISTRICT_IDS = [
    "nordjyllands-politi",
    "oestjyllands-politi",
    "midt-og-vestjyllands-politi",
    "sydoestjyllands-politi",
    "syd-og-soenderjyllands-politi",
    "fyns-politi",
    "sydsjaellands-og-lolland-falsters-politi",
    "midt-og-vestsjaellands-politi",
    "nordsjaellands-politi",
    "koebenhavns-vestegns-politi",
    "koebenhavns-politi",
    "bornholms-politi",
]


def municipalities() -> list[Municipality]:
    return [m for d in registry().districts.values() for m in d.municipalities]


def resolved(name: str) -> tuple[str, str] | None:
    """(short name, district) of what `name` resolves to."""
    found = registry().resolve(name)
    return (found.short, found.district) if found else None


def test_twelve_districts() -> None:
    assert list(registry().districts) == DISTRICT_IDS


def test_ninety_eight_municipalities() -> None:
    assert len(municipalities()) == 98


def test_codes_unique() -> None:
    codes = [m.code for m in municipalities()]
    assert len(set(codes)) == 98
    assert all(code.isdigit() for code in codes)


def test_short_names_unique() -> None:
    assert len({m.short for m in municipalities()}) == 98


def test_every_municipality_belongs_to_its_district() -> None:
    for district in registry().districts.values():
        assert {m.district for m in district.municipalities} == {district.id}


def test_district_lookup() -> None:
    fyn = registry().district("fyns-politi")
    assert fyn is not None
    assert fyn.name == "Fyns Politi"
    assert fyn.short_names == (
        "Assens",
        "Faaborg-Midtfyn",
        "Kerteminde",
        "Langeland",
        "Middelfart",
        "Nordfyns",
        "Nyborg",
        "Odense",
        "Svendborg",
        "Ærø",
    )
    assert registry().district("fyn") is None


def test_resolve_by_short_name() -> None:
    odense = registry().resolve("Odense")
    assert odense is not None
    assert (odense.short, odense.name, odense.code, odense.district) == (
        "Odense",
        "Odense Kommune",
        "461",
        "fyns-politi",
    )


@pytest.mark.parametrize(
    ("name", "short", "district"),
    [
        ("Nordfyn", "Nordfyns", "fyns-politi"),
        ("Nordfyns", "Nordfyns", "fyns-politi"),
        ("Århus", "Aarhus", "oestjyllands-politi"),
        ("Aarhus", "Aarhus", "oestjyllands-politi"),
        ("Københavns", "København", "koebenhavns-politi"),
        ("Lyngby", "Lyngby-Taarbæk", "nordsjaellands-politi"),
        ("Bornholms Regionskommune", "Bornholm", "bornholms-politi"),
        ("Odense Kommune", "Odense", "fyns-politi"),
        ("Ikast-Brande Kommune", "Ikast-Brande", "midt-og-vestjyllands-politi"),
    ],
)
def test_resolve_alias_and_official_name(name: str, short: str, district: str) -> None:
    assert resolved(name) == (short, district)


@pytest.mark.parametrize("name", ["odense", "ODENSE", "odense kommune", "  Odense   Kommune "])
def test_resolve_ignores_case_and_spacing(name: str) -> None:
    assert resolved(name) == ("Odense", "fyns-politi")


@pytest.mark.parametrize("name", ["Nowhere", "", "Kommune", "Ikast-Brandø"])
def test_resolve_unknown(name: str) -> None:
    assert registry().resolve(name) is None


def test_every_short_and_official_name_resolves_to_itself() -> None:
    for muni in municipalities():
        assert registry().resolve(muni.short) == muni
        assert registry().resolve(muni.name) == muni


def test_suggest_within_a_district() -> None:
    found = registry().suggest("Ikast-Brandø", within="midt-og-vestjyllands-politi")
    assert found[0] == "Ikast-Brande"
    assert found == ["Ikast-Brande"]


def test_suggest_everywhere() -> None:
    assert registry().suggest("Odensee") == ["Odense", "Odsherred", "Hedensted"]


def test_suggest_limited_to_the_district() -> None:
    assert registry().suggest("Odensee", within="nordjyllands-politi") == []


def test_suggest_nothing_close() -> None:
    assert registry().suggest("Xyzzy") == []


def test_suggest_n() -> None:
    assert registry().suggest("Odensee", n=1) == ["Odense"]


def test_suggest_district() -> None:
    assert registry().suggest_district("fyns-polti") == [
        "fyns-politi",
        "oestjyllands-politi",
        "bornholms-politi",
    ]
    assert registry().suggest_district("nordjylland")[0] == "nordjyllands-politi"
    assert registry().suggest_district("xyz") == []


def test_registry_loaded_once() -> None:
    assert registry() is registry()


def test_the_compiled_registry_is_districts_yaml() -> None:
    """districts.json is what the code reads of districts.yaml: after an edit of the YAML,
    `python -m samplan.registry` writes it anew."""
    assert (REFERENCE / "districts.json").read_text("utf-8") == compile_reference()
