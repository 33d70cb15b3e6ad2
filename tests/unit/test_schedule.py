"""Working-day schedules for a course of treatment."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tracker.domain.schedule import weekday_dates

THURSDAY = date(2026, 3, 5)


def test_five_from_a_thursday_skip_the_weekend() -> None:
    assert weekday_dates(THURSDAY, 5) == [
        date(2026, 3, 5),
        date(2026, 3, 6),
        date(2026, 3, 9),
        date(2026, 3, 10),
        date(2026, 3, 11),
    ]
    assert [d.strftime("%a") for d in weekday_dates(THURSDAY, 5)] == [
        "Thu", "Fri", "Mon", "Tue", "Wed",
    ]  # fmt: skip


@pytest.mark.parametrize("weekend_day", [date(2026, 3, 7), date(2026, 3, 8)])
def test_a_weekend_start_begins_on_the_monday(weekend_day: date) -> None:
    assert weekday_dates(weekend_day, 2) == [date(2026, 3, 9), date(2026, 3, 10)]


def test_a_single_fraction_is_the_start_day() -> None:
    assert weekday_dates(THURSDAY, 1) == [THURSDAY]


def test_none_asked_gives_none() -> None:
    assert weekday_dates(THURSDAY, 0) == []


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        weekday_dates(THURSDAY, -1)


def test_a_long_course_has_no_weekend_day_and_no_repeat() -> None:
    days = weekday_dates(date(2026, 12, 24), 30)  # across a year's end
    assert len(days) == len(set(days)) == 30
    assert all(d.weekday() < 5 for d in days)
    assert days == sorted(days)
    # 30 working days are six whole weeks
    assert days[-1] - days[0] == timedelta(days=41)
