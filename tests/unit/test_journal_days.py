"""Every record type refuses a date or time outside 1900-01-01 .. 2199-12-31 (by its day in its
own UTC offset), naming the field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

import pytest

from tracker.domain import journal_format
from tracker.domain.errors import ValidationError
from tracker.domain.model import (
    Alert,
    Appointment,
    Entry,
    MedicationDose,
    Pain,
    Review,
    Session,
    Treatment,
)
from tracker.domain.timeutil import parse_date, parse_timestamp

UTC = timezone.utc
TOO_EARLY = datetime(1899, 12, 31, 23, 59, tzinfo=UTC)
TOO_LATE = datetime(2200, 1, 1, 0, 0, tzinfo=UTC)
FIRST = datetime(1900, 1, 1, 0, 0, tzinfo=UTC)
LAST = datetime(2199, 12, 31, 23, 59, 59, tzinfo=UTC)
OK = datetime(2026, 11, 3, 8, 15, tzinfo=UTC)

# field name -> a record built with that field set to the given time (or its day)
RECORDS: dict[str, Callable[[datetime], object]] = {
    "recorded_at": lambda t: Entry(recorded_at=t, pain=Pain(score=1)),
    "at": lambda t: Session(at=t),
    "started_on": lambda t: Treatment(kind="steroids", started_on=t.date()),
    "ended_on": lambda t: Treatment(
        kind="steroids", started_on=date(1900, 1, 1), ended_on=t.date()
    ),
    "taken_at": lambda t: MedicationDose(taken_at=t, name="Paracetamol"),
    "reviewed_on": lambda t: Review(reviewed_on=t.date(), symptom="walking", level=1),
    "raised_at": lambda t: Alert(raised_at=t, rule="R1", tier="emergency"),
    "acknowledged_at": lambda t: Alert(
        raised_at=OK, rule="R1", tier="emergency", acknowledged_at=t
    ),
    "appointment at": lambda t: Appointment(at=t),
}


@pytest.mark.parametrize("field", list(RECORDS))
def test_every_record_refuses_a_day_out_of_range(field: str) -> None:
    build = RECORDS[field]
    name = field.split()[-1]
    with pytest.raises(ValidationError, match=r"is before 1900-01-01$") as early:
        build(TOO_EARLY)
    assert early.value.field == name
    with pytest.raises(ValidationError, match=r"is after 2199-12-31$") as late:
        build(TOO_LATE)
    assert late.value.field == name
    build(FIRST)
    build(LAST)


def test_the_day_is_read_in_the_times_own_offset() -> None:
    # 2199-12-31 in New York is 2200-01-01 in UTC; 1900-01-01 at +14:00 is 1899 in UTC
    assert parse_timestamp("2199-12-31T23:30:00-05:00").year == 2199
    assert parse_timestamp("1900-01-01T00:00:00+14:00").year == 1900
    Entry(recorded_at=datetime(1900, 1, 1, tzinfo=timezone(timedelta(hours=14))), pain=Pain(0))
    with pytest.raises(ValidationError, match="2200-01-01T00:30:00\\+05:00 is after 2199-12-31"):
        parse_timestamp("2200-01-01T00:30:00+05:00", "at")


def test_parsed_dates_and_the_files_own_time_are_checked() -> None:
    with pytest.raises(ValidationError, match=r"^--to: 2200-01-01 is after 2199-12-31$"):
        parse_date("2200-01-01", "--to")
    assert parse_date("2199-12-31") == date(2199, 12, 31)
    document = {
        "format": "spine-journal",
        "version": 1,
        "exported_at": "9999-12-31T23:59:59+00:00",
        **{name: [] for name in ("entries", "treatments", "medications", "reviews")},
        **{name: [] for name in ("alerts", "appointments")},
    }
    with pytest.raises(ValidationError, match=r"^exported_at: 9999-12-31T23:59:59"):
        journal_format.parse_journal(document)
