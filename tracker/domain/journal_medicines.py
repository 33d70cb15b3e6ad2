"""The regular medicines and dose records of the journal file, version 2 (docs/journal-format.md
"Regular medicines"): read and written here, put in the document by ``journal_format`` (reading)
and ``journal_writing`` (writing).

Both lists may be left out (a version 2 file written before them): they read as empty. A
version 1 document has neither. A dose record names a medicine of the same document.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from tracker.domain.errors import ValidationError
from tracker.domain.json_reader import Reader, short
from tracker.domain.medicines import (
    CourseStep,
    DoseRecord,
    RegularMedicine,
    clock_text,
    parse_clock,
)
from tracker.domain.timeutil import format_timestamp

LISTS = ("medicines", "dose_records")
_MEDICINE_KEYS = (
    "id", "name", "dose", "unit", "route", "times", "started_on", "ended_on", "reason",
    "steps", "steroid",
)  # fmt: skip
_DOSE_KEYS = ("id", "medicine_id", "due_on", "due_time", "status", "taken_at", "note")


def _number(value: object) -> object:
    """A JSON number as a float (16 and 16.0 are one dose); anything else as found, for the
    domain's check to name."""
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _step(value: object) -> CourseStep:
    r = Reader(value, ("dose", "days"))
    return CourseStep(dose=_number(r.required("dose")), days=r.integer("days", None))  # type: ignore[arg-type]


def _clock(value: object, field: str) -> Any:
    if not isinstance(value, str):
        raise ValidationError(field, f"{short(value)} is not a time of day like 08:00")
    return parse_clock(value, field)


def _each(
    name: str, items: tuple[Any, ...], parse: Callable[[object, str], Any]
) -> tuple[Any, ...]:
    return tuple(parse(item, f"{name}[{index}]") for index, item in enumerate(items))


def _within(parse: Callable[[object], Any]) -> Callable[[object, str], Any]:
    def wrapped(value: object, where: str) -> Any:
        try:
            return parse(value)
        except ValidationError as error:
            raise error.within(where) from None

    return wrapped


def parse_medicine(value: object) -> RegularMedicine:
    r = Reader(value, _MEDICINE_KEYS)
    return RegularMedicine(
        id=r.record_id(),
        name=r.text("name") if r.has("name") else r.required("name"),
        dose=_number(r.required("dose")),  # type: ignore[arg-type]
        unit=r.required("unit"),
        route=r.text("route", "by mouth"),
        times=_each("times", r.string_list("times"), _clock),
        started_on=r.day("started_on"),  # type: ignore[arg-type]
        ended_on=r.day("ended_on", required=False),
        reason=r.text("reason"),
        steps=_each("steps", r.string_list("steps"), _within(_step)),
        steroid=r.boolean("steroid"),
    )


def parse_dose_record(value: object) -> DoseRecord:
    r = Reader(value, _DOSE_KEYS)
    return DoseRecord(
        id=r.record_id(),
        medicine_id=r.text("medicine_id") if r.has("medicine_id") else r.required("medicine_id"),
        due_on=r.day("due_on"),  # type: ignore[arg-type]
        due_time=_clock(r.required("due_time"), "due_time"),
        status=r.required("status"),
        taken_at=r.optional_timestamp("taken_at"),
        note=r.text("note"),
    )


PARSERS: dict[str, Callable[[object], Any]] = {
    "medicines": parse_medicine,
    "dose_records": parse_dose_record,
}


def check_links(medicines: tuple[RegularMedicine, ...], records: tuple[DoseRecord, ...]) -> None:
    """Each dose record names a medicine of the document, and each dose due is recorded once."""
    known = {m.id for m in medicines}
    seen: dict[tuple[str, date, Any], int] = {}
    for index, record in enumerate(records):
        if record.medicine_id not in known:
            raise ValidationError(
                f"dose_records[{index}].medicine_id",
                f"{short(record.medicine_id)} is not the id of a medicine in this file",
            )
        if record.key in seen:
            raise ValidationError(
                f"dose_records[{index}]",
                f"records the same dose due as dose_records[{seen[record.key]}]",
            )
        seen[record.key] = index


def medicine_doc(m: RegularMedicine) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "dose": float(m.dose),
        "unit": m.unit,
        "route": m.route,
        "times": [clock_text(t) for t in m.times],
        "started_on": m.started_on.isoformat(),
        "ended_on": None if m.ended_on is None else m.ended_on.isoformat(),
        "reason": m.reason,
        "steps": [{"dose": float(s.dose), "days": s.days} for s in m.steps],
        "steroid": m.steroid,
    }


def dose_record_doc(d: DoseRecord) -> dict[str, Any]:
    return {
        "id": d.id,
        "medicine_id": d.medicine_id,
        "due_on": d.due_on.isoformat(),
        "due_time": clock_text(d.due_time),
        "status": d.status,
        "taken_at": None if d.taken_at is None else format_timestamp(d.taken_at),
        "note": d.note,
    }


def medicine_docs(
    medicines: tuple[RegularMedicine, ...], records: tuple[DoseRecord, ...]
) -> dict[str, list[dict[str, Any]]]:
    """Both lists in the documented order: medicines by start day, dose records by the day and
    time due then medicine; ties by id."""
    return {
        "medicines": [
            medicine_doc(m) for m in sorted(medicines, key=lambda m: (m.started_on, m.id or ""))
        ],
        "dose_records": [
            dose_record_doc(d)
            for d in sorted(
                records, key=lambda d: (d.due_on, d.due_time, d.medicine_id, d.id or "")
            )
        ],
    }
