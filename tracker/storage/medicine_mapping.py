"""Regular medicines and their dose records (issue 19) to rows and back, as ``mapping`` does for
the other tables: a medicine's times and course steps are stored as text."""

from __future__ import annotations

from typing import Any

from tracker.domain.errors import ValidationError
from tracker.domain.medicines import (
    CourseStep,
    DoseRecord,
    RegularMedicine,
    clock_text,
    parse_clock,
)
from tracker.domain.timeutil import from_utc_naive
from tracker.storage.mapping import Row, utc_and_offset


def medicine_values(medicine: RegularMedicine) -> dict[str, Any]:
    assert medicine.id is not None
    return {
        "id": medicine.id,
        "name": medicine.name,
        "dose": float(medicine.dose),
        "unit": medicine.unit,
        "route": medicine.route,
        "times": ",".join(clock_text(t) for t in medicine.times),
        "started_on": medicine.started_on,
        "ended_on": medicine.ended_on,
        "reason": medicine.reason,
        "steps": ";".join(f"{float(s.dose)!r}:{s.days}" for s in medicine.steps),
        "steroid": medicine.steroid,
    }


def _steps(text: str) -> tuple[CourseStep, ...]:
    try:
        pairs = [part.split(":") for part in text.split(";")] if text else []
        return tuple(CourseStep(float(dose), int(days)) for dose, days in pairs)
    except ValueError as problem:  # text changed by hand: a ValidationError is a ValueError
        raise ValidationError("steps", f"{text[:40]!r} is not a list of steps") from problem


def row_to_medicine(row: Row) -> RegularMedicine:
    return RegularMedicine(
        id=row["id"],
        name=row["name"],
        dose=row["dose"],
        unit=row["unit"],
        route=row["route"],
        times=tuple(parse_clock(t, "times") for t in row["times"].split(",")),
        started_on=row["started_on"],
        ended_on=row["ended_on"],
        reason=row["reason"],
        steps=_steps(row["steps"]),
        steroid=bool(row["steroid"]),
    )


def dose_record_values(record: DoseRecord) -> dict[str, Any]:
    assert record.id is not None
    utc, offset = (None, None) if record.taken_at is None else utc_and_offset(record.taken_at)
    return {
        "id": record.id,
        "medicine_id": record.medicine_id,
        "due_on": record.due_on,
        "due_time": clock_text(record.due_time),
        "status": record.status,
        "taken_utc": utc,
        "taken_offset_min": offset,
        "note": record.note,
    }


def row_to_dose_record(row: Row) -> DoseRecord:
    taken = row["taken_utc"]
    return DoseRecord(
        id=row["id"],
        medicine_id=row["medicine_id"],
        due_on=row["due_on"],
        due_time=parse_clock(row["due_time"], "due_time"),
        status=row["status"],
        taken_at=None if taken is None else from_utc_naive(taken, row["taken_offset_min"]),
        note=row["note"],
    )
