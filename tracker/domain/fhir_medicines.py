"""The regular medicines of the FHIR export (docs/fhir.md, "Regular medicines"): a
MedicationStatement per medicine with its dosage (a reducing course: one dosage per step), and a
MedicationAdministration per dose recorded: ``completed`` at its real time when taken,
``not-done`` when skipped. A dose not recorded has no resource. ``fhir.bundle`` puts them in
the Bundle; only text is written (no medicine codes), so ``fhir_codes.EMITTED_CODES`` is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from tracker.domain.medicines import (
    DoseRecord,
    RegularMedicine,
    amount_text,
    clock_text,
    dose_on,
)
from tracker.domain.model import Journal
from tracker.domain.timeutil import format_timestamp

Resource = dict[str, Any]
Url = Callable[[str, str], str]
EXTENSION_BASE = "https://spine-journal.invalid/fhir/StructureDefinition/"


def _quantity(dose: float, unit: str) -> dict[str, Any]:
    return {"value": dose, "unit": unit}


def _timing(m: RegularMedicine, first: date, last: date | None) -> dict[str, Any]:
    bounds = {"start": first.isoformat(), **({"end": last.isoformat()} if last else {})}
    times = [f"{clock_text(t)}:00" for t in m.times]
    return {"repeat": {"boundsPeriod": bounds, "frequency": len(times), "period": 1,
                       "periodUnit": "d", "timeOfDay": times}}  # fmt: skip


def _dosage(m: RegularMedicine, dose: float, first: date, last: date | None, n: int) -> Resource:
    times = " and ".join(clock_text(t) for t in m.times)
    return {
        "sequence": n,
        "text": f"{amount_text(dose, m.unit)} {m.route} at {times}",
        "timing": _timing(m, first, last),
        "route": {"text": m.route},
        "doseAndRate": [{"doseQuantity": _quantity(dose, m.unit)}],
    }


def dosages(m: RegularMedicine) -> list[Resource]:
    """One dosage, or one per step of a reducing course (each with its days)."""
    if not m.steps:
        return [_dosage(m, m.dose, m.started_on, m.ended_on, 1)]
    found, first = [], m.started_on
    for n, step in enumerate(m.steps, start=1):
        last = first + timedelta(days=step.days - 1)
        found.append(_dosage(m, step.dose, first, last, n))
        first = last + timedelta(days=1)
    return found


def statement(m: RegularMedicine, subject: dict[str, str], today: date | None) -> Resource:
    """``active`` while doses are still due (on the export's day), else ``completed``."""
    last = m.last_day
    active = last is None or (today is not None and today <= last)
    period = {"start": m.started_on.isoformat(), **({"end": last.isoformat()} if last else {})}
    resource: Resource = {
        "resourceType": "MedicationStatement",
        "status": "active" if active else "completed",
        "medicationCodeableConcept": {"text": m.name},
        "subject": subject,
        "effectivePeriod": period,
        "dosage": dosages(m),
    }
    if m.reason.strip():
        resource["reasonCode"] = [{"text": m.reason}]
    if m.steroid:
        resource["extension"] = [{"url": EXTENSION_BASE + "steroid", "valueBoolean": True}]
    return resource


def administration(m: RegularMedicine, d: DoseRecord, subject: dict[str, str]) -> Resource:
    due = f"{d.due_on.isoformat()}T{clock_text(d.due_time)}"
    resource: Resource = {
        "resourceType": "MedicationAdministration",
        "extension": [{"url": EXTENSION_BASE + "dose-due", "valueString": due}],
        "status": "completed" if d.status == "taken" else "not-done",
        "medicationCodeableConcept": {"text": m.name},
        "subject": subject,
        # a skipped dose has no instant: its day (FHIR allows a date alone)
        "effectiveDateTime": format_timestamp(d.taken_at) if d.taken_at else d.due_on.isoformat(),
    }
    if d.status == "skipped":
        resource["statusReason"] = [{"text": "Skipped"}]
    dose = dose_on(m, d.due_on)
    if dose is not None:
        resource["dosage"] = {"route": {"text": m.route}, "dose": _quantity(dose, m.unit)}
    if d.note.strip():
        resource["note"] = [{"text": d.note}]
    return resource


def _medicine_key(m: RegularMedicine) -> str:
    return f"id:{m.id}" if m.id is not None else f"medicine:{m.name}|{m.started_on}|{m.times}"


def resources(
    journal: Journal, subject: dict[str, str], url: Url
) -> Iterator[tuple[str, Resource]]:
    """(fullUrl, resource) of every medicine then every dose recorded, in export order."""
    today = journal.exported_at.date() if journal.exported_at is not None else None
    by_id = {m.id: m for m in journal.medicines}
    for m in sorted(journal.medicines, key=lambda m: (m.started_on, _medicine_key(m))):
        yield url("MedicationStatement", _medicine_key(m)), statement(m, subject, today)
    for d in sorted(journal.dose_records, key=lambda d: (d.due_on, d.due_time, d.medicine_id)):
        medicine = by_id.get(d.medicine_id)
        if medicine is not None:  # the file format and the database keep each link
            key = f"dose:{d.medicine_id}|{d.due_on}|{clock_text(d.due_time)}"
            yield url("MedicationAdministration", key), administration(medicine, d, subject)
