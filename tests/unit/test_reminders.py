"""The reminders due between two instants, in the person's zone and across its changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tracker.domain.errors import ValidationError
from tracker.domain.reminders import (
    APPOINTMENT,
    CHECK_IN,
    DOSE,
    SESSION,
    TEXTS,
    ReminderSettings,
    next_due,
    parse_time_of_day,
    reminders_between,
    time_of_day_text,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
ONLY_CHECK_IN = ReminderSettings(doses=False, sessions=None, appointments=None)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_check_in_at_20_local_each_day_over_londons_spring_change() -> None:
    # Clocks go forward on Sunday 29 March 2026 at 01:00 UTC: 20:00 is 20:00 GMT, then BST.
    due = reminders_between(ONLY_CHECK_IN, utc(2026, 3, 27, 12), utc(2026, 3, 31, 12), LONDON)
    assert [r.at.astimezone(UTC) for r in due] == [
        utc(2026, 3, 27, 20),
        utc(2026, 3, 28, 20),
        utc(2026, 3, 29, 19),
        utc(2026, 3, 30, 19),
    ]
    assert {(r.at.hour, r.at.minute) for r in due} == {(20, 0)}
    assert {r.text for r in due} == {TEXTS[CHECK_IN]}


def test_check_in_over_londons_autumn_change() -> None:
    # Back on Sunday 25 October 2026 at 01:00 UTC.
    due = reminders_between(ONLY_CHECK_IN, utc(2026, 10, 24, 0), utc(2026, 10, 26, 0), LONDON)
    assert [r.at.astimezone(UTC) for r in due] == [utc(2026, 10, 24, 19), utc(2026, 10, 25, 20)]


def test_new_york_spring_gap_and_autumn_repeat_fire_once() -> None:
    # 02:30 does not exist on 8 March 2026 in New York; it is repeated on 1 November 2026.
    settings = ReminderSettings(check_in=time(2, 30), doses=False, sessions=None, appointments=None)
    spring = reminders_between(settings, utc(2026, 3, 8, 0), utc(2026, 3, 9, 0), NEW_YORK)
    assert [r.at.astimezone(UTC) for r in spring] == [utc(2026, 3, 8, 7, 30)]  # 03:30 EDT
    late = ReminderSettings(check_in=time(1, 30), doses=False, sessions=None, appointments=None)
    autumn = reminders_between(late, utc(2026, 11, 1, 0), utc(2026, 11, 2, 0), NEW_YORK)
    assert [r.at.astimezone(UTC) for r in autumn] == [utc(2026, 11, 1, 5, 30)]  # EDT, once


def test_next_due_moves_with_the_clock_change() -> None:
    # New York springs forward on Sunday 8 March 2026 at 07:00 UTC (02:00 EST).
    after = utc(2026, 3, 8, 1)  # 20:00 EST on 7 March, just reminded
    first = next_due(ONLY_CHECK_IN, after, NEW_YORK)
    assert first is not None
    assert first - after == timedelta(hours=23)  # the day of the change is an hour short
    assert first == utc(2026, 3, 9, 0)  # 20:00 EDT on 8 March
    assert next_due(ONLY_CHECK_IN, first, NEW_YORK) == utc(2026, 3, 10, 0)
    assert next_due(ONLY_CHECK_IN, after, NEW_YORK, horizon=timedelta(hours=22)) is None


def test_doses_from_a_function_of_the_day_and_from_instants() -> None:
    settings = ReminderSettings(check_in=None, sessions=None, appointments=None)

    def doses_due(day: date) -> list[datetime]:
        return [datetime.combine(day, time(h), tzinfo=LONDON) for h in (8, 20)]

    due = reminders_between(
        settings, utc(2026, 3, 28, 12), utc(2026, 3, 29, 12), LONDON, doses=doses_due
    )
    assert [(r.kind, r.at.astimezone(UTC)) for r in due] == [
        (DOSE, utc(2026, 3, 28, 20)),
        (DOSE, utc(2026, 3, 29, 7)),  # 08:00 BST
    ]
    listed = reminders_between(
        settings,
        utc(2026, 3, 28, 12),
        utc(2026, 3, 29, 12),
        LONDON,
        doses=[utc(2026, 3, 29, 7), utc(2026, 4, 1, 7)],
    )
    assert [r.at for r in listed] == [utc(2026, 3, 29, 7)]
    off = ReminderSettings(check_in=None, doses=False, sessions=None, appointments=None)
    assert (
        reminders_between(off, utc(2026, 3, 28, 12), utc(2026, 3, 29, 12), LONDON, doses=doses_due)
        == []
    )


def test_appointment_the_day_before_and_session_the_morning_of() -> None:
    settings = ReminderSettings(check_in=None, doses=False)
    appointment = datetime(2026, 9, 25, 10, 30, tzinfo=UTC)
    sessions = [datetime(2026, 9, 7, 11, tzinfo=UTC), datetime(2026, 9, 8, 6, 30, tzinfo=UTC)]
    due = reminders_between(
        settings,
        utc(2026, 9, 1),
        utc(2026, 9, 30),
        LONDON,
        appointments=[appointment],
        sessions=sessions,
    )
    assert [(r.kind, r.at.astimezone(UTC)) for r in due] == [
        (SESSION, utc(2026, 9, 7, 7)),  # 08:00 BST
        (SESSION, utc(2026, 9, 8, 5, 30)),  # an hour before a session before 08:00
        (APPOINTMENT, utc(2026, 9, 24, 17)),  # 18:00 BST the day before
    ]
    assert [r.text for r in due] == [TEXTS[SESSION], TEXTS[SESSION], TEXTS[APPOINTMENT]]


def test_the_interval_is_open_at_its_start_and_closed_at_its_end() -> None:
    at = utc(2026, 6, 1, 19)  # 20:00 BST
    assert reminders_between(ONLY_CHECK_IN, at, at + timedelta(hours=1), LONDON) == []
    assert [
        r.at for r in reminders_between(ONLY_CHECK_IN, at - timedelta(minutes=1), at, LONDON)
    ] == [at]
    with pytest.raises(ValueError):
        reminders_between(ONLY_CHECK_IN, datetime(2026, 6, 1), at, LONDON)


def test_times_of_day_as_the_settings_keep_them() -> None:
    assert parse_time_of_day("07:05", "check_in") == time(7, 5)
    assert parse_time_of_day("off", "check_in") is None
    assert time_of_day_text(time(7, 5)) == "07:05"
    assert time_of_day_text(None) == "off"
    for bad in ("25:00", "8", "eight", "", "20:00:00"):
        with pytest.raises(ValidationError, match="not a time like 20:00"):
            parse_time_of_day(bad, "check_in")
    with pytest.raises(ValidationError, match="not a time of day"):
        ReminderSettings(check_in="20:00")  # type: ignore[arg-type]
