"""Rows to domain records and back. Reads and bulk writes go through Core (plain rows and lists
of dicts): building thousands of ORM objects is many times slower and nothing here needs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from tracker.domain import esas, fields
from tracker.domain.model import (
    Alert,
    Appointment,
    Entry,
    MedicationDose,
    Numbness,
    Pain,
    Review,
    Session,
    Treatment,
    Weakness,
)
from tracker.domain.timeutil import from_utc_naive, local_day, offset_minutes, to_utc_naive

Row = Mapping[str, Any]


def _split(value: str) -> tuple[str, ...]:
    return tuple(value.split(",")) if value else ()


def utc_and_offset(value: datetime) -> tuple[datetime, int]:
    """A time as its columns hold it: naive UTC and the offset in minutes it was recorded at."""
    return to_utc_naive(value), offset_minutes(value)


def _stored(f: fields.Field, value: object) -> object:
    """A field's value as its column holds it: a list as comma-separated text."""
    if f.kind == "choices":
        assert isinstance(value, tuple)
        return ",".join(value)
    return value


def _read(f: fields.Field, value: Any) -> object:
    if f.kind == "choices":
        return _split(value)
    if f.kind == "flag":
        return bool(value)
    return value


def entry_values(entry: Entry) -> dict[str, Any]:
    assert entry.id is not None
    utc, offset = utc_and_offset(entry.recorded_at)
    values: dict[str, Any] = {
        "id": entry.id,
        "recorded_utc": utc,
        "utc_offset_min": offset,
        "local_day": local_day(entry.recorded_at),
    }
    for f, value in zip(fields.ENTRY_FIELDS, fields.flat_values(entry).values(), strict=True):
        values[f.storage] = _stored(f, value)
    return values


def _group(row: Row, group: str) -> dict[str, Any]:
    return {f.name: _read(f, row[f.storage]) for f in fields.group_fields(group)}


def row_to_entry(row: Row) -> Entry:
    return Entry(
        id=row["id"],
        recorded_at=from_utc_naive(row["recorded_utc"], row["utc_offset_min"]),
        pain=Pain(**_group(row, "pain")),
        weakness=Weakness(**_group(row, "weakness")),
        numbness=Numbness(**_group(row, "numbness")),
        **_group(row, ""),
    )


def treatment_values(treatment: Treatment) -> dict[str, Any]:
    assert treatment.id is not None
    return {
        "id": treatment.id,
        "kind": treatment.kind,
        "started_on": treatment.started_on,
        "ended_on": treatment.ended_on,
        "site": treatment.site,
        "technique": treatment.technique,
        "dose_gy": None if treatment.dose_gy is None else float(treatment.dose_gy),
        "fractions": treatment.fractions,
        "note": treatment.note,
    }


def session_values(session: Session, treatment_pk: int) -> dict[str, Any]:
    utc, offset = utc_and_offset(session.at)
    return {
        "treatment_pk": treatment_pk,
        "at_utc": utc,
        "utc_offset_min": offset,
        "done": session.done,
        "note": session.note,
    }


def row_to_session(row: Row) -> Session:
    return Session(
        at=from_utc_naive(row["at_utc"], row["utc_offset_min"]),
        done=bool(row["done"]),
        note=row["note"],
    )


def row_to_treatment(row: Row, sessions: Sequence[Row]) -> Treatment:
    return Treatment(
        id=row["id"],
        kind=row["kind"],
        started_on=row["started_on"],
        ended_on=row["ended_on"],
        site=row["site"],
        technique=row["technique"],
        dose_gy=row["dose_gy"],
        fractions=row["fractions"],
        sessions=tuple(row_to_session(s) for s in sessions),
        note=row["note"],
    )


def medication_values(dose: MedicationDose) -> dict[str, Any]:
    assert dose.id is not None
    utc, offset = utc_and_offset(dose.taken_at)
    return {
        "id": dose.id,
        "taken_utc": utc,
        "utc_offset_min": offset,
        "name": dose.name,
        "dose": dose.dose,
        "as_needed": dose.as_needed,
        "note": dose.note,
    }


def row_to_medication(row: Row) -> MedicationDose:
    return MedicationDose(
        id=row["id"],
        taken_at=from_utc_naive(row["taken_utc"], row["utc_offset_min"]),
        name=row["name"],
        dose=row["dose"],
        as_needed=bool(row["as_needed"]),
        note=row["note"],
    )


def review_values(review: Review) -> dict[str, Any]:
    assert review.id is not None
    return {
        "id": review.id,
        "reviewed_on": review.reviewed_on,
        "symptom": review.symptom,
        "level": review.level,
        "note": review.note,
    }


def row_to_review(row: Row) -> Review:
    return Review(
        id=row["id"],
        reviewed_on=row["reviewed_on"],
        symptom=row["symptom"],
        level=row["level"],
        note=row["note"],
    )


def alert_values(alert: Alert) -> dict[str, Any]:
    assert alert.id is not None
    utc, offset = utc_and_offset(alert.raised_at)
    ack_utc, ack_offset = (
        (None, None) if alert.acknowledged_at is None else utc_and_offset(alert.acknowledged_at)
    )
    return {
        "id": alert.id,
        "raised_utc": utc,
        "utc_offset_min": offset,
        "rule": alert.rule,
        "tier": alert.tier,
        "entry_id": alert.entry_id,
        "acknowledged_utc": ack_utc,
        "acknowledged_offset_min": ack_offset,
        "action": alert.action,
        "note": alert.note,
    }


def row_to_alert(row: Row) -> Alert:
    acknowledged = row["acknowledged_utc"]
    return Alert(
        id=row["id"],
        raised_at=from_utc_naive(row["raised_utc"], row["utc_offset_min"]),
        rule=row["rule"],
        tier=row["tier"],
        entry_id=row["entry_id"],
        acknowledged_at=None
        if acknowledged is None
        else from_utc_naive(acknowledged, row["acknowledged_offset_min"]),
        action=row["action"],
        note=row["note"],
    )


def appointment_values(appointment: Appointment) -> dict[str, Any]:
    assert appointment.id is not None
    utc, offset = utc_and_offset(appointment.at)
    return {
        "id": appointment.id,
        "at_utc": utc,
        "utc_offset_min": offset,
        "with_whom": appointment.with_whom,
        "questions": appointment.questions,
        "notes": appointment.notes,
    }


def row_to_appointment(row: Row) -> Appointment:
    return Appointment(
        id=row["id"],
        at=from_utc_naive(row["at_utc"], row["utc_offset_min"]),
        with_whom=row["with_whom"],
        questions=row["questions"],
        notes=row["notes"],
    )


def esas_values(form: esas.EsasForm) -> dict[str, Any]:
    assert form.id is not None
    utc, offset = utc_and_offset(form.completed_at)
    return {
        "id": form.id,
        "completed_utc": utc,
        "utc_offset_min": offset,
        "completed_by": form.completed_by,
        **form.scores(),
        "other_name": form.other_name,
    }


def row_to_esas(row: Row) -> esas.EsasForm:
    return esas.EsasForm(
        id=row["id"],
        completed_at=from_utc_naive(row["completed_utc"], row["utc_offset_min"]),
        completed_by=row["completed_by"],
        **{key: row[key] for key in esas.KEYS},
        other_name=row["other_name"],
    )


def rows(result: Iterable[Any]) -> list[Row]:
    return [r._mapping for r in result]
