"""Rolling one plan file forward (samplan.authoring.next_year): exact text in, exact text
and messages out."""

from __future__ import annotations

import pytest

from samplan.authoring.next_year import roll_forward
from samplan.authoring.roundtrip import RoundTrip


def rolled(text: str, old: int = 2026, new: int = 2027) -> tuple[str, list[str], list[str]]:
    trip = RoundTrip(text)
    result = roll_forward(trip.data, old, new)
    return trip.dump(), result.changes, result.todo


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("year: '2026'\n", "year: '2027'\n"),
        ('effective_from: "2026-03-01"\n', 'effective_from: "2027-03-01"\n'),
        ("effective_from: 2024-02-29  # skuddag\n", "effective_from: 2027-02-28  # skuddag\n"),
        ("title: Plan 2026-2027 (2026)\n", "title: Plan 2027-2028 (2027)\n"),
        ("title: Plan 2025/26 – Aalborg 9000\n", "title: Plan 2026/27 – Aalborg 9000\n"),
        ("title: Plan af 2026-12-01\n", "title: Plan af 2027-12-01\n"),
        ("title: >-\n  Samarbejdsplan\n  2026\n", "title: >-\n  Samarbejdsplan 2027\n"),
        ("published: yes\n", "published:\n"),
    ],
)
def test_identity_and_decisions(before: str, after: str) -> None:
    assert rolled(before)[0] == after


def test_a_title_naming_no_old_year_is_left_and_said() -> None:
    text, changes, todo = rolled("title: Samarbejdsplan\n")
    assert (text, changes) == ("title: Samarbejdsplan\n", [])
    assert todo == ["check the title, it names no year 2026: Samarbejdsplan"]


def test_meeting_dates_of_the_new_year_stay() -> None:
    text, changes, todo = rolled(
        "fora:\n  - title: SSP\n    meeting_dates:\n"
        "      - {date: 2026-11-02, municipality: Aalborg}\n      - 2027-02-01  # planlagt\n"
    )
    assert text == "fora:\n  - title: SSP\n    meeting_dates:\n      - 2027-02-01  # planlagt\n"
    assert changes == ["SSP: 1 meeting date(s) before 2027 removed"]
    assert todo == ["SSP: write the meeting dates of 2027 (meeting_dates)"]


def test_when_every_initiative_ended_the_author_is_told() -> None:
    text, _, todo = rolled("initiatives:\n  - {title: A, status: ended}\n")
    assert text == "initiatives: []\n"
    assert todo == ["initiatives: every initiative of 2026 ended; write this year's"]


def test_a_key_the_file_does_not_have_is_not_added() -> None:
    assert rolled("sections:\n  - title: Forord\n") == ("sections:\n  - title: Forord\n", [], [])
