"""The iCalendar file (RFC 5545) a phone calendar imports: the appointments, the radiotherapy
sessions to come and the reminders as repeating events, each with an alarm. No network.

Times are written in the person's zone with its TZID and a VTIMEZONE, not as UTC instants: a
daily check-in at 20:00 must stay at 20:00 after a daylight-saving change, which an RRULE on a
UTC time would move by an hour. Alarms whose time is fixed (the day before an appointment) are
UTC instants, as RFC 5545 asks of an absolute TRIGGER.

Phone calendars are copied to cloud services, so the words are neutral unless ``details`` is
chosen: then who an appointment is with and the medicine names are added. Questions, notes,
symptoms and diagnoses are never written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tracker.domain.reminders import (
    APPOINTMENT,
    CHECK_IN,
    DOSE,
    SESSION,
    TEXTS,
    WEEKLY_FORM,
    ReminderSettings,
    appointment_reminder,
    session_reminder,
)
from tracker.domain.vtimezone import vtimezone_lines

PRODID = "-//Spine Journal//Reminders//EN"
WORDS = {
    APPOINTMENT: "Appointment",
    CHECK_IN: "Spine Journal check-in",
    DOSE: "Dose due",
    SESSION: "Radiotherapy session",
    WEEKLY_FORM: "Weekly symptom form",
}
LENGTH = {APPOINTMENT: 60, CHECK_IN: 15, DOSE: 5, SESSION: 30, WEEKLY_FORM: 15}  # minutes
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # RFC 5545 weekdays, ISO order
YEARS_AHEAD = 10  # the VTIMEZONE's changes reach this far past today


@dataclass(frozen=True)
class CalendarAppointment:
    at: datetime
    with_whom: str = ""
    id: str = ""


@dataclass(frozen=True)
class CalendarDose:
    at: datetime  # aware
    name: str = ""  # the medicine's name, written only with details


@dataclass(frozen=True)
class CalendarPlan:
    settings: ReminderSettings
    appointments: Sequence[CalendarAppointment] = ()
    sessions: Sequence[datetime] = ()  # the radiotherapy sessions to come
    doses: Sequence[CalendarDose] = ()  # the regular doses to come


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 3.1), never inside a character."""
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not parts else 74):
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(value: datetime) -> str:
    return f"{value.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _local(name: str, value: datetime, zone: ZoneInfo) -> str:
    return f"{name};TZID={zone.key}:{value.astimezone(zone):%Y%m%dT%H%M%S}"


def _event(
    uid: str,
    kind: str,
    start: datetime,
    zone: ZoneInfo,
    stamp: datetime,
    summary: str,
    alarm_at: datetime | None = None,
    rule: str | None = None,
) -> list[str]:
    end = start + timedelta(minutes=LENGTH[kind])
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}@spine-journal",
        f"DTSTAMP:{_utc(stamp)}",
        _local("DTSTART", start, zone),
        _local("DTEND", end, zone),
        f"SUMMARY:{escape(summary)}",
    ]
    if rule is not None:
        lines.append(f"RRULE:{rule}")
    trigger = "TRIGGER:PT0S" if alarm_at is None else f"TRIGGER;VALUE=DATE-TIME:{_utc(alarm_at)}"
    alarm = ["BEGIN:VALARM", "ACTION:DISPLAY", trigger, f"DESCRIPTION:{escape(TEXTS[kind])}"]
    return [*lines, *alarm, "END:VALARM", "END:VEVENT"]


def dose_runs(
    doses: Sequence[CalendarDose], zone: ZoneInfo, details: bool
) -> list[tuple[datetime, int, str]]:
    """The doses as daily runs: (first instant, how many days in a row, name or "")."""
    by_time: dict[tuple[time, str], list[date]] = defaultdict(list)
    for dose in doses:
        local = dose.at.astimezone(zone)
        by_time[(local.time().replace(tzinfo=None), dose.name if details else "")].append(
            local.date()
        )
    runs: list[tuple[datetime, int, str]] = []
    for (at, name), days in by_time.items():
        ordered = sorted(set(days))
        first = previous = ordered[0]
        for day in [*ordered[1:], None]:
            if day is not None and day - previous == timedelta(days=1):
                previous = day
                continue
            start = datetime.combine(first, at).replace(tzinfo=zone)
            runs.append((start, (previous - first).days + 1, name))
            if day is not None:
                first = previous = day
    return sorted(runs)


def _weekly_form(at: time, weekday: int, zone: ZoneInfo, now: datetime) -> list[str]:
    """The weekly form's reminder: from the first ``weekday`` on or after today, every week."""
    today = now.astimezone(zone).date()
    first = today + timedelta(days=(weekday - today.isoweekday()) % 7)
    start = datetime.combine(first, at).replace(tzinfo=zone)
    rule = f"FREQ=WEEKLY;BYDAY={BYDAY[weekday - 1]}"
    words = WORDS[WEEKLY_FORM]
    return _event("weekly-form", WEEKLY_FORM, start, zone, now, words, rule=rule)


def calendar_text(
    plan: CalendarPlan, zone: ZoneInfo, now: datetime, *, details: bool = False
) -> str:
    """The whole .ics file's text (CRLF line ends)."""
    events: list[list[str]] = []
    settings = plan.settings
    for n, appointment in enumerate(sorted(plan.appointments, key=lambda a: a.at)):
        summary = WORDS[APPOINTMENT]
        if details and appointment.with_whom.strip():
            summary += f" with {appointment.with_whom.strip()}"
        alarm = None
        if settings.appointments is not None:
            alarm = appointment_reminder(appointment.at, settings.appointments, zone)
        uid = f"appointment-{appointment.id or n}"
        events.append(_event(uid, APPOINTMENT, appointment.at, zone, now, summary, alarm))
    for n, session in enumerate(sorted(plan.sessions)):
        alarm = None
        if settings.sessions is not None:
            alarm = session_reminder(session, settings.sessions, zone)
        events.append(_event(f"session-{n}", SESSION, session, zone, now, WORDS[SESSION], alarm))
    if settings.check_in is not None:
        first = datetime.combine(now.astimezone(zone).date(), settings.check_in).replace(
            tzinfo=zone
        )
        events.append(
            _event("check-in", CHECK_IN, first, zone, now, WORDS[CHECK_IN], rule="FREQ=DAILY")
        )
    if settings.weekly_form is not None:
        events.append(_weekly_form(settings.weekly_form, settings.weekly_day, zone, now))
    if settings.doses:
        for n, (start, count, name) in enumerate(dose_runs(plan.doses, zone, details)):
            summary = f"{WORDS[DOSE]}: {name}" if name else WORDS[DOSE]
            rule = f"FREQ=DAILY;COUNT={count}" if count > 1 else None
            events.append(_event(f"dose-{n}", DOSE, start, zone, now, summary, rule=rule))
    years = (
        [now.year + YEARS_AHEAD]
        + [e.at.astimezone(zone).year for e in plan.appointments]
        + [s.astimezone(zone).year for s in plan.sessions]
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        *vtimezone_lines(zone, min(now.year, *years), max(years)),
        *(line for event in events for line in event),
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
