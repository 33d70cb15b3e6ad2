"""The checks every record of the journal runs on its values, each failure a ValidationError
that names the field: one place, so that every record words its refusals alike."""

from __future__ import annotations

from datetime import date, datetime

from tracker.domain import fields
from tracker.domain.errors import ValidationError, shown
from tracker.domain.timeutil import check_in_range, require_aware

NOTE_MAX = fields.NOTE_MAX
SHORT_TEXT_MAX = 200
ID_MAX = 100
SITE_MAX = 40
DOSE_MAX_GY = 100


def dose_text(dose_gy: float) -> str:
    """20.0 -> "20", 7.5 -> "7.5": a dose as people write it; a dose above 0 that two
    decimals would show as 0 is "under 0.01", never "0"."""
    text = f"{dose_gy:.2f}".rstrip("0").rstrip(".")
    return "under 0.01" if text == "0" and dose_gy > 0 else text


def check_int(value: object, field_name: str, low: int, high: int | None) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field_name, f"{shown(value)} is not a whole number")
    if value < low:
        raise ValidationError(field_name, f"{shown(value)} is below {low}")
    if high is not None and value > high:
        raise ValidationError(field_name, f"{shown(value)} is above {high}")


def check_optional_int(value: object, field_name: str, low: int, high: int) -> None:
    if value is not None:
        check_int(value, field_name, low, high)


def check_bool(value: object, field_name: str) -> None:
    if not isinstance(value, bool):
        raise ValidationError(field_name, f"{shown(value)} is not true or false")


def check_text(value: object, field_name: str, most: int, least: int = 0) -> None:
    if not isinstance(value, str):
        raise ValidationError(field_name, f"{shown(value)} is not text")
    if len(value) > most:
        raise ValidationError(field_name, f"is {len(value)} characters long, the most is {most}")
    if len(value) < least:
        raise ValidationError(field_name, "must not be empty")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate, as a "\ud800" escape in a file gives
            raise ValidationError(
                field_name, "contains a character that is not valid text (a lone surrogate)"
            ) from None
    if "\x00" in value:  # SQLite's text functions stop at it: the text could not be kept whole
        raise ValidationError(
            field_name, "contains a NUL character (code 0), which cannot be stored"
        )


def check_choice(value: object, field_name: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        allowed = ", ".join(choices)
        raise ValidationError(field_name, f"{shown(value)} is not one of {allowed}")


def check_choices(value: object, field_name: str, choices: tuple[str, ...]) -> None:
    if not isinstance(value, tuple):
        raise ValidationError(field_name, f"{shown(value)} is not a list")
    for index, item in enumerate(value):
        check_choice(item, f"{field_name}[{index}]", choices)
    if len(set(value)) != len(value):
        raise ValidationError(field_name, "lists the same value twice")


def check_id(value: str | None, field_name: str = "id") -> None:
    if value is not None:
        check_text(value, field_name, ID_MAX, least=1)


def check_timestamp(value: object, field_name: str) -> None:
    if not isinstance(value, datetime):
        raise ValidationError(field_name, f"{value!r} is not a date and time")
    require_aware(value, field_name)
    check_in_range(value, field_name)


def check_field(f: fields.Field, value: object) -> None:
    """One value of the entry's field table, checked as its line says."""
    if value is None and f.nullable:
        return
    if f.kind == "number":
        check_int(value, f.name, f.low, f.high)
    elif f.kind == "flag":
        check_bool(value, f.name)
    elif f.kind == "choice":
        check_choice(value, f.name, f.vocabulary)
    elif f.kind == "choices":
        check_choices(value, f.name, f.vocabulary)
    else:
        check_text(value, f.name, f.high)


def check_group(record: object, group: str) -> None:
    for f in fields.group_fields(group):
        check_field(f, getattr(record, f.name))


def check_date(value: object, field_name: str) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(field_name, f"{value!r} is not a date")
    check_in_range(value, field_name)


def check_period(started_on: object, ended_on: object) -> None:
    """A first day, and a last day (None: not ended) that is not before it."""
    check_date(started_on, "started_on")
    if ended_on is not None:
        check_date(ended_on, "ended_on")
        assert isinstance(started_on, date) and isinstance(ended_on, date)
        if ended_on < started_on:
            raise ValidationError("ended_on", f"{ended_on} is before started_on {started_on}")
