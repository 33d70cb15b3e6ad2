"""The reminders' settings and what they remind of, read from the journal.

The settings (times of day and on/off, never health data) are kept in the journal's own
settings table, beside the larger-text choice: the command line's calendar export reads them
without Qt, and they go with the journal into its backups. No migration is needed: the table
holds any of its known keys (``repository.SETTING_KEYS``).

Each day's regular doses come from the journal's medicine list (``tracker.domain.medicines``),
unless the caller gives its own ``doses_of``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from tracker.domain.calendar_file import (
    CalendarAppointment,
    CalendarDose,
    CalendarPlan,
    calendar_text,
)
from tracker.domain.errors import ValidationError
from tracker.domain.reminders import (
    Reminder,
    ReminderSettings,
    parse_time_of_day,
    reminders_between,
    time_of_day_text,
)
from tracker.domain.treatment_days import KIND_RADIOTHERAPY
from tracker.services.changes import Changes
from tracker.services.esas import WEEKDAY_KEY, weekday_of
from tracker.storage import list_rows, repository
from tracker.storage.database import JournalDatabase

PREFIX = "reminders."
DEFAULTS = ReminderSettings()
CALENDAR_DAYS = 90  # the regular doses written to a calendar file: this many days ahead

NamedDoses = Callable[[date], Iterable[tuple[datetime, str]]]


def settings_from(values: dict[str, str]) -> ReminderSettings:
    """The settings as stored; a key never stored takes its default."""

    def time_of(name: str) -> time | None:
        default: time | None = getattr(DEFAULTS, name)
        try:
            return parse_time_of_day(values.get(PREFIX + name, ""), name)
        except ValidationError:  # never stored (or not a time): the default
            return default

    return ReminderSettings(
        check_in=time_of("check_in"),
        doses=values.get(PREFIX + "doses", "1") == "1",
        sessions=time_of("sessions"),
        appointments=time_of("appointments"),
        weekly_form=time_of("weekly_form"),
        weekly_day=weekday_of(values),  # the day the form's page offers it on
    )


def settings_values(settings: ReminderSettings) -> dict[str, str]:
    return {
        PREFIX + "check_in": time_of_day_text(settings.check_in),
        PREFIX + "doses": "1" if settings.doses else "0",
        PREFIX + "sessions": time_of_day_text(settings.sessions),
        PREFIX + "appointments": time_of_day_text(settings.appointments),
        PREFIX + "weekly_form": time_of_day_text(settings.weekly_form),
        WEEKDAY_KEY: str(settings.weekly_day),
    }


class ReminderService:
    def __init__(self, db: JournalDatabase, doses_of: NamedDoses | None = None) -> None:
        """``doses_of(day)``: that local day's regular doses as (instant, medicine name); by
        default the journal's regular medicines, read afresh for each day asked about."""
        self._db = db
        self._doses_of: NamedDoses | None = doses_of or self._journal_doses

    def _journal_doses(self, day: date) -> list[tuple[datetime, str]]:
        from tracker.domain.medicines import doses_due
        from tracker.services.medicines import MedicineService

        medicines = MedicineService(self._db).list()
        return [
            (due.at, medicine.name) for medicine in medicines for due in doses_due(medicine, day)
        ]

    def settings(self) -> ReminderSettings:
        with self._db.unit_of_work() as session:
            return settings_from(repository.read_settings(session))

    def set_settings(self, settings: ReminderSettings) -> Changes:
        with self._db.unit_of_work() as session:
            repository.write_settings(session, settings_values(settings))
        return Changes.of("settings")

    def _appointments_and_sessions(self) -> tuple[list[CalendarAppointment], list[datetime]]:
        with self._db.unit_of_work() as session:
            appointments = list_rows.load_appointments(session)
            treatments = list_rows.load_treatments(session)
        sessions = [
            s.at
            for t in treatments
            if t.kind == KIND_RADIOTHERAPY
            for s in t.sessions
            if not s.done
        ]
        listed = [CalendarAppointment(a.at, a.with_whom, a.id or "") for a in appointments]
        return listed, sessions

    def _dose_instants(self, day: date) -> list[datetime]:
        return [] if self._doses_of is None else [at for at, _ in self._doses_of(day)]

    def _forms_done(self, zone: tzinfo) -> set[date]:
        """The local days a weekly form was filled in."""
        with self._db.unit_of_work() as session:
            forms = list_rows.load_esas_forms(session)
        return {form.completed_at.astimezone(zone).date() for form in forms}

    def due_between(self, start: datetime, end: datetime, zone: tzinfo) -> list[Reminder]:
        """The reminders due after ``start`` and up to ``end``."""
        settings = self.settings()
        appointments, sessions = self._appointments_and_sessions()
        return reminders_between(
            settings,
            start,
            end,
            zone,
            appointments=[a.at for a in appointments],
            sessions=sessions,
            doses=self._dose_instants,
            forms_done=self._forms_done(zone) if settings.weekly_form is not None else (),
        )

    def calendar(self, zone: ZoneInfo, now: datetime, *, details: bool = False) -> str:
        """The .ics file's text: every appointment, the sessions to come, the reminders."""
        appointments, sessions = self._appointments_and_sessions()
        doses: list[CalendarDose] = []
        if self._doses_of is not None:
            today = now.astimezone(zone).date()
            for n in range(CALENDAR_DAYS):
                doses += [
                    CalendarDose(at, name)
                    for at, name in self._doses_of(today + timedelta(days=n))
                    if at > now
                ]
        plan = CalendarPlan(
            self.settings(),
            appointments,
            [s for s in sessions if s > now],
            doses,
        )
        return calendar_text(plan, zone, now, details=details)
