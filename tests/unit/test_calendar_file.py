"""The calendar file's parts: the zone's changes, folded lines, daily runs of doses."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import icalendar

from tracker.domain.calendar_file import (
    CalendarDose,
    CalendarPlan,
    calendar_text,
    dose_runs,
    escape,
    fold,
)
from tracker.domain.reminders import ReminderSettings
from tracker.domain.vtimezone import transitions, vtimezone_lines

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def test_the_zones_changes_to_the_minute() -> None:
    assert transitions(LONDON, 2026, 2026) == [
        datetime(2026, 3, 29, 1, tzinfo=UTC),
        datetime(2026, 10, 25, 1, tzinfo=UTC),
    ]
    assert transitions(NEW_YORK, 2026, 2026) == [
        datetime(2026, 3, 8, 7, tzinfo=UTC),
        datetime(2026, 11, 1, 6, tzinfo=UTC),
    ]
    assert transitions(ZoneInfo("UTC"), 2026, 2030) == []


def test_the_vtimezone_gives_each_change_in_local_time() -> None:
    lines = vtimezone_lines(NEW_YORK, 2026, 2026)
    text = "\r\n".join(lines)
    assert (
        "BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400"
        in text
    )
    assert (
        "BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500"
        in text
    )


def test_long_lines_fold_at_75_octets_never_inside_a_character() -> None:
    line = "SUMMARY:" + escape("Dose due: Łucja's médicament, 10 mg; twice\n" * 4)
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert "".join(parts) == line
    assert "\\n" in line and "\\;" in line and "\\," in line


def test_doses_become_daily_runs_and_details_add_the_name() -> None:
    doses = [
        CalendarDose(datetime(2026, 3, day, 8, tzinfo=LONDON), "Dexamethasone")
        for day in (27, 28, 29, 30)
    ] + [CalendarDose(datetime(2026, 4, 2, 8, tzinfo=LONDON), "Dexamethasone")]
    runs = dose_runs(doses, LONDON, details=False)
    assert [(start.date().isoformat(), count, name) for start, count, name in runs] == [
        ("2026-03-27", 4, ""),
        ("2026-04-02", 1, ""),
    ]
    now = datetime(2026, 3, 26, 12, tzinfo=UTC)
    plan = CalendarPlan(ReminderSettings(check_in=time(20, 0)), doses=doses)
    neutral = icalendar.Calendar.from_ical(calendar_text(plan, LONDON, now))
    events = {str(e["UID"]): e for e in neutral.walk("VEVENT")}
    run = events["dose-0@spine-journal"]
    assert str(run["SUMMARY"]) == "Dose due"
    rule = run["RRULE"]
    assert rule["COUNT"] == [4]  # type: ignore[index]
    # 08:00 each day across the change: a wall time with its zone, not a UTC instant
    assert run.decoded("DTSTART") == datetime(2026, 3, 27, 8, tzinfo=LONDON)
    detailed = calendar_text(plan, LONDON, now, details=True)
    assert "SUMMARY:Dose due: Dexamethasone" in detailed
    assert "Dexamethasone" not in calendar_text(plan, LONDON, now)
