"""The days an episode of alerts ran, as the Red flags page writes them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tracker.domain.red_flag_rows import days_text

PARIS = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [
        ((2026, 9, 17, 8), (2026, 9, 19, 20), "17 to 19 Sep 2026"),
        ((2026, 9, 30, 8), (2026, 10, 2, 9), "30 Sep to 2 Oct 2026"),
        ((2025, 12, 31, 22), (2026, 1, 1, 7), "31 Dec 2025 to 1 Jan 2026"),
        ((2026, 9, 17, 8), (2026, 9, 17, 21), "17 Sep 2026"),
    ],
)
def test_an_episodes_days(first: tuple[int, ...], last: tuple[int, ...], words: str) -> None:
    assert days_text(datetime(*first, tzinfo=PARIS), datetime(*last, tzinfo=PARIS)) == words


def test_the_days_are_the_ones_the_person_lived_in_not_utc() -> None:
    """23:30 in Paris on the 19th is the 19th there, though it is the 19th 21:30 in UTC; and
    00:30 on the 20th there is the 20th, though UTC still says the 19th."""
    late = datetime(2026, 9, 20, 0, 30, tzinfo=PARIS)
    assert days_text(datetime(2026, 9, 18, 9, tzinfo=PARIS), late) == "18 to 20 Sep 2026"
