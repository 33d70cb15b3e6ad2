"""An iCalendar VTIMEZONE (RFC 5545 3.6.5) drawn from a ``zoneinfo`` zone: each change of
its UTC offset in a span of years, as its own observance, so that a calendar that does not
know the zone's name still places every time right."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    offset = instant.astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def transitions(zone: ZoneInfo, first_year: int, last_year: int) -> list[datetime]:
    """The UTC instants (to the minute) at which ``zone`` changes its offset."""
    found: list[datetime] = []
    day = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    while day < end:
        after = day + timedelta(days=1)
        if _offset(zone, day) != _offset(zone, after):
            low, high = day, after  # the change is in (low, high]
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle <= low:
                    break
                if _offset(zone, middle) == _offset(zone, low):
                    low = middle
                else:
                    high = middle
            found.append(high)
        day = after
    return found


def _offset_text(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _observance(zone: ZoneInfo, at: datetime, before: timedelta) -> list[str]:
    local = at.astimezone(zone)
    kind = "DAYLIGHT" if local.dst() else "STANDARD"
    after = _offset(zone, at)
    onset = (at + before).replace(tzinfo=None)  # local time in the offset it leaves
    return [
        f"BEGIN:{kind}",
        f"DTSTART:{onset:%Y%m%dT%H%M%S}",
        f"TZOFFSETFROM:{_offset_text(before)}",
        f"TZOFFSETTO:{_offset_text(after)}",
        f"TZNAME:{local.tzname()}",
        f"END:{kind}",
    ]


def vtimezone_lines(zone: ZoneInfo, first_year: int, last_year: int) -> list[str]:
    """The VTIMEZONE component of ``zone`` for the years given (its lines, unfolded)."""
    start = datetime(first_year, 1, 1, tzinfo=UTC)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone.key}"]
    lines += _observance(zone, start, _offset(zone, start))
    for change in transitions(zone, first_year, last_year):
        lines += _observance(zone, change, _offset(zone, change - timedelta(minutes=1)))
    return [*lines, "END:VTIMEZONE"]
