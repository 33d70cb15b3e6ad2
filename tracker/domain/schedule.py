"""Dates for a course of treatment given on working days, as radiotherapy usually is."""

from __future__ import annotations

from datetime import date, timedelta

SATURDAY = 5


def weekday_dates(start: date, count: int) -> list[date]:
    """``count`` dates from Monday to Friday, the first on ``start`` (or on the Monday after,
    when ``start`` is a Saturday or a Sunday). Five from a Thursday: Thu, Fri, Mon, Tue, Wed."""
    if count < 0:
        raise ValueError(f"count must not be negative, not {count}")
    days: list[date] = []
    day = start
    while len(days) < count:
        if day.weekday() < SATURDAY:
            days.append(day)
        day += timedelta(days=1)
    return days
