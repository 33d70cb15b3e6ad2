"""Timestamps that keep their own UTC offset.

The offset says on which calendar day a person made an entry, so it is part of the record:
``+02:00`` is never converted to UTC or to the machine's zone.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

from tracker.domain.errors import ValidationError, cut

_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The days a journal holds (docs/journal-format.md). Far from the ends of Python's dates, so
# that no sum of days from a stored time (the red-flag rules' look-back, a chart's margins)
# can leave them.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)


class OutOfRangeError(ValidationError):
    """A real date or time outside FIRST_DAY .. LAST_DAY."""


def check_in_range(value: date, field: str = "", shown: str = "") -> None:
    """Refuse a date, or a time (by its day in its own offset), outside the journal's days."""
    day = value.date() if isinstance(value, datetime) else value
    text = shown or value.isoformat()
    if day < FIRST_DAY:
        raise OutOfRangeError(field, f"{text} is before {FIRST_DAY.isoformat()}")
    if day > LAST_DAY:
        raise OutOfRangeError(field, f"{text} is after {LAST_DAY.isoformat()}")


_TOO_FINE = re.compile(r"T\d{2}:\d{2}:\d{2}\.\d{7}")


def parse_timestamp(text: str, field: str = "") -> datetime:
    """An ISO 8601 timestamp with a UTC offset; one without an offset is an error."""
    if _TOO_FINE.search(text):  # Python and the journal keep microseconds, no finer
        raise ValidationError(field, f"{cut(repr(text))} has more than 6 digits after the second")
    if not _TIMESTAMP.match(text):
        raise ValidationError(
            field,
            f"{text!r} is not a timestamp with a UTC offset, like 2026-11-03T08:15:00+00:00",
        )
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, f"{text!r} is not a real date and time") from None
    check_in_range(value, field, text)
    return value


def parse_date(text: str, field: str = "") -> date:
    if not _DATE.match(text):
        raise ValidationError(field, f"{text!r} is not a date like 2026-11-03")
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, f"{text!r} is not a real date") from None
    check_in_range(value, field, text)
    return value


def format_timestamp(value: datetime) -> str:
    """ISO 8601 with seconds and the value's own offset (``Z`` is written ``+00:00``)."""
    return value.isoformat()


def require_aware(value: datetime, field: str) -> None:
    offset = value.utcoffset()
    if offset is None:
        raise ValidationError(field, "a time must carry its UTC offset")
    if offset % timedelta(minutes=1):
        raise ValidationError(field, "a UTC offset must be whole minutes")


def offset_minutes(value: datetime) -> int:
    offset = value.utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 60)


def to_utc_naive(value: datetime) -> datetime:
    """The instant as a naive UTC datetime, for sorting and storage."""
    return value.astimezone(UTC).replace(tzinfo=None)


def from_utc_naive(utc: datetime, minutes: int) -> datetime:
    """Rebuild a timestamp from its stored instant and its own offset."""
    zone = timezone(timedelta(minutes=minutes))
    return utc.replace(tzinfo=UTC).astimezone(zone)


def local_day(value: datetime) -> date:
    """The calendar date in the offset written in the timestamp itself."""
    return value.date()
