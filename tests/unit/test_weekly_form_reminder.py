"""The weekly symptom form's reminder: on the chosen weekday at its time (across a clock change),
not on a day the form was already filled in, off unless chosen; in the calendar file a weekly
event with its alarm; kept in the journal with the weekday the form's page offers it on."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tracker.domain import esas
from tracker.domain.calendar_file import CalendarPlan, calendar_text
from tracker.domain.errors import ValidationError
from tracker.domain.reminders import (
    TEXTS,
    WEEKLY_FORM,
    ReminderSettings,
    next_due,
    reminders_between,
)
from tracker.services.esas import EsasService
from tracker.services.reminders import ReminderService
from tracker.storage.database import open_journal

LONDON = ZoneInfo("Europe/London")
# Only the weekly form, on Sundays at 10:00.
SUNDAYS = ReminderSettings(
    check_in=None,
    doses=False,
    sessions=None,
    appointments=None,
    weekly_form=time(10, 0),
    weekly_day=7,
)


def utc(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def test_on_the_chosen_weekday_at_its_local_time_across_the_spring_change() -> None:
    # London's clocks go forward on Sunday 29 March 2026: 10:00 GMT, then 10:00 BST.
    due = reminders_between(SUNDAYS, utc(2026, 3, 16), utc(2026, 4, 6), LONDON)
    assert [(r.kind, r.at.astimezone(UTC)) for r in due] == [
        (WEEKLY_FORM, utc(2026, 3, 22, 10)),
        (WEEKLY_FORM, utc(2026, 3, 29, 9)),
        (WEEKLY_FORM, utc(2026, 4, 5, 9)),
    ]
    assert all(r.at.astimezone(LONDON).hour == 10 for r in due)
    assert due[0].text == TEXTS[WEEKLY_FORM]


def test_not_on_a_day_the_form_was_filled_in() -> None:
    done = {date(2026, 3, 22)}
    due = reminders_between(SUNDAYS, utc(2026, 3, 16), utc(2026, 4, 1), LONDON, forms_done=done)
    assert [r.at.date() for r in due] == [date(2026, 3, 29)]
    found = next_due(SUNDAYS, utc(2026, 3, 21), LONDON, forms_done=done)
    assert found is None  # the 22nd is done; the 29th is past the two days looked ahead


def test_off_unless_chosen() -> None:
    assert ReminderSettings().weekly_form is None
    off = ReminderSettings(check_in=None, doses=False, sessions=None, appointments=None)
    assert reminders_between(off, utc(2026, 3, 1), utc(2026, 4, 1), LONDON) == []


@pytest.mark.parametrize("day", [0, 8, True, "7"])
def test_a_weekday_outside_monday_to_sunday_is_refused(day: object) -> None:
    with pytest.raises(ValidationError, match="is not a weekday from 1 to 7"):
        ReminderSettings(weekly_day=day)  # type: ignore[arg-type]


def test_the_words_are_neutral() -> None:
    words = TEXTS[WEEKLY_FORM].lower()
    assert "symptom form" in words
    for item in esas.ITEMS:
        assert item.name.lower() not in words


def test_the_calendar_has_a_weekly_event_from_the_first_such_day_with_an_alarm() -> None:
    now = utc(2026, 3, 24, 12)  # a Tuesday
    thursdays = ReminderSettings(check_in=None, weekly_form=time(9, 30), weekly_day=4)
    text = calendar_text(CalendarPlan(thursdays), LONDON, now)
    calendar = icalendar.Calendar.from_ical(text.encode("utf-8"))
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Weekly symptom form"
    assert "RRULE:FREQ=WEEKLY;BYDAY=TH\r\n" in text
    start = event.decoded("DTSTART")
    assert (start.date(), start.hour, start.minute) == (date(2026, 3, 26), 9, 30)
    assert str(start.tzinfo) == "Europe/London"
    (alarm,) = event.walk("VALARM")
    assert str(alarm["DESCRIPTION"]) == TEXTS[WEEKLY_FORM]
    same_day = calendar_text(CalendarPlan(thursdays), LONDON, utc(2026, 3, 26, 8))
    assert "DTSTART;TZID=Europe/London:20260326T093000" in same_day  # today is the day
    off = calendar_text(CalendarPlan(ReminderSettings(check_in=None)), LONDON, now)
    assert "Weekly symptom form" not in off


def test_kept_in_the_journal_with_the_forms_own_weekday(data_dir: Path) -> None:
    db = open_journal(data_dir)
    try:
        reminders, forms = ReminderService(db), EsasService(db)
        assert reminders.settings().weekly_day == forms.weekday() == 1
        forms.set_weekday(5)
        assert reminders.settings().weekly_day == 5  # the page's choice is the reminder's day
        reminders.set_settings(ReminderSettings(weekly_form=time(11, 0), weekly_day=3))
    finally:
        db.close()
    db = open_journal(data_dir)
    try:
        kept = ReminderService(db).settings()
        assert (kept.weekly_form, kept.weekly_day) == (time(11, 0), 3)
        assert EsasService(db).weekday() == 3  # and the reminder's day is the page's
    finally:
        db.close()


def test_the_service_skips_the_day_a_form_is_stored(data_dir: Path) -> None:
    db = open_journal(data_dir)
    try:
        reminders, forms = ReminderService(db, doses_of=lambda _day: []), EsasService(db)
        reminders.set_settings(SUNDAYS)
        start, end = utc(2026, 3, 16), utc(2026, 4, 1)
        assert len(reminders.due_between(start, end, LONDON)) == 2
        filled = datetime(2026, 3, 22, 8, 15, tzinfo=LONDON)
        forms.add(esas.form_of(filled, "patient", {"pain": 3}))
        due = reminders.due_between(start, end, LONDON)
        assert [r.at.date() for r in due] == [date(2026, 3, 29)]
    finally:
        db.close()
