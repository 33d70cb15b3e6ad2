"""Dates as matplotlib's date numbers, worked out without its per-value conversions, and the
words of the time axis."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

import matplotlib.dates as mdates

# The words under the date axis naming the year or month the tick labels leave out.
OFFSET_FORMATS = ["", "%Y", "%B %Y", "%d %B %Y", "%d %B %Y", "%d %B %Y %H:%M"]
DAY = timedelta(days=1)


def _origin() -> float:
    """matplotlib's date epoch as a proleptic ordinal (days, with its time of day)."""
    epoch = datetime.fromisoformat(mdates.get_epoch())  # type: ignore[no-untyped-call]
    return epoch.toordinal() + (epoch - datetime.combine(epoch.date(), time())) / DAY


def date_nums(values: Sequence[datetime]) -> list[float]:
    """matplotlib's date numbers of naive datetimes: whole days from their ordinals, the rest
    from their time of day (``mdates.date2num`` costs about 20 µs a value through numpy, 0.4 s
    for ten years; subtracting datetimes ten times this)."""
    start = _origin()
    return [
        v.toordinal()
        - start
        + (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400
        for v in values
    ]


def day_nums(days: Sequence[date], hour: float = 0.0) -> list[float]:
    """The date numbers of ``hour`` o'clock on each day."""
    shift = hour / 24 - _origin()
    return [d.toordinal() + shift for d in days]


def day_span(first: date, last: date) -> tuple[float, float]:
    """A run of whole days in matplotlib's date numbers: from ``first`` 00:00 to the end of
    ``last``."""
    start, end = day_nums([first, last + DAY])
    return start, end


def day_words(day: date) -> str:
    return f"{day.day} {day:%b %Y}"
