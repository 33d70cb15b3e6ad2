"""Reminders: what the person asked to be reminded of, and when each one falls due.

Plain Python. Times of day are wall-clock times in the person's time zone (a ``tzinfo`` from
``zoneinfo``), so a check-in at 20:00 stays at 20:00 across a daylight-saving change. The words
of a reminder never name a symptom, a medicine or a diagnosis: a locked screen or a phone's
calendar may show them to anyone.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from tracker.domain.errors import ValidationError

CHECK_IN, DOSE, SESSION, APPOINTMENT = "check-in", "dose", "session", "appointment"
WEEKLY_FORM = "weekly-form"  # the weekly ESAS-r form, on the weekday the person chose
KINDS = (CHECK_IN, DOSE, SESSION, APPOINTMENT, WEEKLY_FORM)
TEXTS = {
    CHECK_IN: "Spine Journal: time for your check-in",
    WEEKLY_FORM: "Spine Journal: time for your weekly symptom form",
    DOSE: "Spine Journal: a dose is due",
    APPOINTMENT: "Spine Journal: appointment tomorrow",
    SESSION: "Spine Journal: radiotherapy session today",
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A session before the morning's reminder time is reminded of this long before it instead.
SESSION_LEAD = timedelta(hours=1)

DosesOf = Callable[[date], Iterable[datetime]]


@dataclass(frozen=True)
class ReminderSettings:
    """A time of day for each kind of reminder, or None when it is off. ``doses``: a reminder
    at each regular dose's own time."""

    check_in: time | None = time(20, 0)
    doses: bool = True
    sessions: time | None = time(8, 0)  # the morning of each radiotherapy session
    appointments: time | None = time(18, 0)  # the day before each appointment
    # The weekly form: off unless chosen (not everyone fills it in), on ``weekly_day``, the
    # same weekday the form's page offers it on (ISO: 1 Monday - 7 Sunday).
    weekly_form: time | None = None
    weekly_day: int = 1

    def __post_init__(self) -> None:
        for name in ("check_in", "sessions", "appointments", "weekly_form"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, time) or value.tzinfo is not None):
                raise ValidationError(name, f"{value!r} is not a time of day")
        day = self.weekly_day
        if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 7:
            raise ValidationError("weekly_day", f"{day!r} is not a weekday from 1 to 7")


@dataclass(frozen=True, order=True)
class Reminder:
    at: datetime  # aware, in the person's zone
    kind: str

    @property
    def text(self) -> str:
        return TEXTS[self.kind]


def parse_time_of_day(text: str, field: str) -> time | None:
    """ "20:00" -> 20:00; "off" -> None (as the settings keep them)."""
    if text == "off":
        return None
    try:
        hours, minutes = (int(part) for part in text.split(":"))
        return time(hours, minutes)
    except ValueError:
        raise ValidationError(field, f"{text!r} is not a time like 20:00, nor off") from None


def time_of_day_text(value: time | None) -> str:
    return "off" if value is None else value.strftime("%H:%M")


def wall_instant(day: date, at: time, zone: tzinfo) -> datetime:
    """``at`` on ``day`` in ``zone`` as a real instant. A time the clocks skip (spring) comes
    as the same number of minutes after the change; a time they repeat (autumn), once, at its
    first occurrence."""
    naive = datetime.combine(day, at)
    return naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def _days(start: datetime, end: datetime, zone: tzinfo, margin: int = 0) -> list[date]:
    first = start.astimezone(zone).date() - timedelta(days=margin)
    last = end.astimezone(zone).date() + timedelta(days=margin)
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def reminders_between(
    settings: ReminderSettings,
    start: datetime,
    end: datetime,
    zone: tzinfo,
    *,
    appointments: Sequence[datetime] = (),
    sessions: Sequence[datetime] = (),
    doses: DosesOf | Sequence[datetime] = (),
    forms_done: Collection[date] = (),
) -> list[Reminder]:
    """The reminders due after ``start`` and up to ``end`` (both aware), in time order.

    ``appointments`` and ``sessions``: their instants; ``doses``: the regular doses' instants,
    or a function of a local day giving that day's (``medicines.doses_due``); ``forms_done``:
    the local days a weekly form was filled in (that day's reminder is not needed)."""
    if start.utcoffset() is None or end.utcoffset() is None:
        raise ValueError("start and end must carry their time zone")
    found: list[Reminder] = []
    days = _days(start, end, zone)
    if settings.check_in is not None:
        found += [Reminder(wall_instant(d, settings.check_in, zone), CHECK_IN) for d in days]
    if settings.weekly_form is not None:
        found += [
            Reminder(wall_instant(d, settings.weekly_form, zone), WEEKLY_FORM)
            for d in days
            if d.isoweekday() == settings.weekly_day and d not in forms_done
        ]
    if settings.doses:
        instants = [at for d in days for at in doses(d)] if callable(doses) else list(doses)
        found += [Reminder(at.astimezone(zone), DOSE) for at in instants]
    if settings.appointments is not None:
        found += [
            Reminder(appointment_reminder(at, settings.appointments, zone), APPOINTMENT)
            for at in appointments
        ]
    if settings.sessions is not None:
        found += [
            Reminder(session_reminder(at, settings.sessions, zone), SESSION) for at in sessions
        ]
    due = {r for r in found if start < r.at <= end}
    return sorted(due)


def appointment_reminder(at: datetime, time_of_day: time, zone: tzinfo) -> datetime:
    """At ``time_of_day`` on the local day before the appointment."""
    return wall_instant(at.astimezone(zone).date() - timedelta(days=1), time_of_day, zone)


def session_reminder(at: datetime, time_of_day: time, zone: tzinfo) -> datetime:
    """At ``time_of_day`` on the session's local day, or an hour before a session that comes
    earlier than that."""
    morning = wall_instant(at.astimezone(zone).date(), time_of_day, zone)
    return min(morning, (at - SESSION_LEAD).astimezone(zone))


def next_due(
    settings: ReminderSettings,
    after: datetime,
    zone: tzinfo,
    *,
    appointments: Sequence[datetime] = (),
    sessions: Sequence[datetime] = (),
    doses: DosesOf | Sequence[datetime] = (),
    forms_done: Collection[date] = (),
    horizon: timedelta = timedelta(days=2),
) -> datetime | None:
    """The first reminder's instant after ``after`` within ``horizon`` (None: none due then;
    look again at the horizon)."""
    due = reminders_between(
        settings,
        after,
        after + horizon,
        zone,
        appointments=appointments,
        sessions=sessions,
        doses=doses,
        forms_done=forms_done,
    )
    return due[0].at if due else None
