"""Regular medicines (taken on a schedule) and the record of each dose due (issue 19).

A painkiller taken "as needed" stays a ``model.MedicationDose``. A regular medicine has its
times of day and, for a reducing course (a steroid taper), its steps; the doses due on a day
follow from it alone, so they are computed, never stored. A ``DoseRecord`` says what became of
one dose due: taken (at its real time, late or not) or skipped. No record is "not yet".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from tracker.domain.checks import (
    NOTE_MAX,
    SHORT_TEXT_MAX,
    check_bool,
    check_choice,
    check_date,
    check_id,
    check_int,
    check_period,
    check_text,
    check_timestamp,
    dose_text,
)
from tracker.domain.errors import ValidationError, shown

UNITS = ("mg", "microgram", "g", "ml", "tablet", "capsule", "patch", "puff", "drop", "unit")
ROUTES = ("by mouth", "under the tongue", "skin patch", "injection", "rectal", "inhaled", "other")
DOSE_STATUSES = ("taken", "skipped")
DOSE_MOST = 100_000  # no single dose comes near it in any unit above
TIMES_MOST = 12
STEPS_MOST = 50
STEP_DAYS_MOST = 366
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def parse_clock(text: str, field: str = "") -> time:
    """``"08:00"`` -> 08:00: a time of day as 24-hour hours and minutes."""
    if not isinstance(text, str) or not _CLOCK.match(text):
        raise ValidationError(field, f"{shown(text)} is not a time of day like 08:00")
    return time(int(text[:2]), int(text[3:]))


def clock_text(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def check_amount(value: object, field: str) -> None:
    """A dose: a number above 0 (whole or not), not above ``DOSE_MOST``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(field, f"{shown(value)} is not a number")
    if not value > 0 or value != value:
        raise ValidationError(field, f"{shown(value)} must be above 0")
    if value > DOSE_MOST:
        raise ValidationError(field, f"{shown(value)} is above {DOSE_MOST}")


@dataclass(frozen=True)
class CourseStep:
    """One step of a reducing course: ``dose`` at each time of day, for ``days`` days."""

    dose: float
    days: int

    def __post_init__(self) -> None:
        check_amount(self.dose, "dose")
        check_int(self.days, "days", 1, STEP_DAYS_MOST)


@dataclass(frozen=True)
class RegularMedicine:
    """A medicine on a schedule. With ``steps`` it is a reducing course: the steps follow one
    another from ``started_on`` and the course stops after the last (``dose`` is then the
    first step's). ``ended_on`` None: ongoing (or, for a course, until its last step)."""

    name: str
    dose: float
    unit: str
    times: tuple[time, ...]
    started_on: date
    route: str = "by mouth"
    ended_on: date | None = None
    reason: str = ""
    steps: tuple[CourseStep, ...] = ()
    steroid: bool = False
    id: str | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        check_text(self.name, "name", SHORT_TEXT_MAX, least=1)
        if not self.name.strip():
            raise ValidationError("name", "must not be empty")
        check_amount(self.dose, "dose")
        check_choice(self.unit, "unit", UNITS)
        check_choice(self.route, "route", ROUTES)
        _check_times(self.times)
        check_period(self.started_on, self.ended_on)
        check_text(self.reason, "reason", NOTE_MAX)
        _check_steps(self.steps)
        if self.steps and self.steps[0].dose != self.dose:
            raise ValidationError("dose", "must be the first step's dose in a reducing course")
        check_bool(self.steroid, "steroid")

    @property
    def last_day(self) -> date | None:
        """The last day a dose is due; None while it goes on."""
        ends = [self.ended_on] if self.ended_on is not None else []
        if self.steps:
            ends.append(self.started_on + timedelta(days=sum(s.days for s in self.steps) - 1))
        return min(ends) if ends else None

    def ongoing_on(self, day: date) -> bool:
        last = self.last_day
        return self.started_on <= day and (last is None or day <= last)


def _check_times(times: object) -> None:
    if not isinstance(times, tuple):
        raise ValidationError("times", f"{shown(times)} is not a list")
    if not times:
        raise ValidationError("times", "must name at least one time of day")
    if len(times) > TIMES_MOST:
        raise ValidationError("times", f"lists {len(times)} times, the most is {TIMES_MOST}")
    for index, value in enumerate(times):
        if not isinstance(value, time) or value.tzinfo is not None:
            raise ValidationError(f"times[{index}]", f"{shown(value)} is not a time of day")
        if value.second or value.microsecond:
            raise ValidationError(f"times[{index}]", "must be whole minutes")
    if list(times) != sorted(set(times)):
        raise ValidationError("times", "must be in order, each time once")


def _check_steps(steps: object) -> None:
    if not isinstance(steps, tuple):
        raise ValidationError("steps", f"{shown(steps)} is not a list")
    if len(steps) > STEPS_MOST:
        raise ValidationError("steps", f"lists {len(steps)} steps, the most is {STEPS_MOST}")
    for index, step in enumerate(steps):
        if not isinstance(step, CourseStep):
            raise ValidationError(f"steps[{index}]", "is not a step")


def dose_on(medicine: RegularMedicine, day: date) -> float | None:
    """The dose due at each time of day on ``day``; None when none is due."""
    if not medicine.ongoing_on(day):
        return None
    if not medicine.steps:
        return medicine.dose
    offset = (day - medicine.started_on).days
    for step in medicine.steps:
        if offset < step.days:
            return step.dose
        offset -= step.days
    return None


def daily_dose(medicine: RegularMedicine, day: date) -> float:
    """The dose due in the whole day (0 when none is due): for the chart's step line."""
    dose = dose_on(medicine, day)
    return 0.0 if dose is None else dose * len(medicine.times)


@dataclass(frozen=True)
class DoseDue:
    """One dose due: the medicine's id, the amount, and when (timezone-aware, local)."""

    medicine_id: str | None
    dose: float
    at: datetime

    @property
    def due_on(self) -> date:
        return self.at.date()

    @property
    def due_time(self) -> time:
        return self.at.time().replace(tzinfo=None)


def doses_due(medicine: RegularMedicine, day: date, zone: tzinfo | None = None) -> list[DoseDue]:
    """The doses due on ``day`` in time order, each at its time of day in ``zone`` (None: the
    machine's local zone, with the offset that zone has on that day)."""
    dose = dose_on(medicine, day)
    if dose is None:
        return []
    result = []
    for clock in medicine.times:
        moment = datetime.combine(day, clock)
        at = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
        result.append(DoseDue(medicine.id, dose, at))
    return result


def amount_text(dose: float, unit: str) -> str:
    """16.0, "mg" -> "16 mg"; 2, "tablet" -> "2 tablets"."""
    plural = unit not in ("mg", "g", "ml", "microgram") and dose != 1
    return f"{dose_text(dose)} {unit}{'s' if plural else ''}"


@dataclass(frozen=True)
class DoseRecord:
    """What became of one dose due (by its medicine, day and time of day): ``taken`` at
    ``taken_at`` (its real time, which may be late), or ``skipped``."""

    medicine_id: str
    due_on: date
    due_time: time
    status: str
    taken_at: datetime | None = None
    note: str = ""
    id: str | None = None

    def __post_init__(self) -> None:
        check_id(self.id)
        check_text(self.medicine_id, "medicine_id", 100, least=1)
        check_date(self.due_on, "due_on")
        if not isinstance(self.due_time, time) or self.due_time.tzinfo is not None:
            raise ValidationError("due_time", f"{shown(self.due_time)} is not a time of day")
        check_choice(self.status, "status", DOSE_STATUSES)
        if self.status == "taken":
            if self.taken_at is None:
                raise ValidationError("taken_at", "is required for a dose taken")
            check_timestamp(self.taken_at, "taken_at")
        elif self.taken_at is not None:
            raise ValidationError("taken_at", "is for a dose taken, not one skipped")
        check_text(self.note, "note", NOTE_MAX)

    @property
    def key(self) -> tuple[str, date, time]:
        return (self.medicine_id, self.due_on, self.due_time)
