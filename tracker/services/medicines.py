"""Use cases for regular medicines and today's doses (issue 19).

One unit of work per public method, frozen domain records in and out; each write returns the
``Changes`` it made so that the window's views refresh.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time

from tracker.domain.medicines import DoseDue, DoseRecord, RegularMedicine, doses_due
from tracker.services.changes import Changes
from tracker.services.records import Written
from tracker.storage import medicine_rows, repository
from tracker.storage.database import JournalDatabase
from tracker.storage.errors import RecordMissingError

MISSING = "This medicine is no longer in the journal."


@dataclass(frozen=True)
class DueToday:
    """One dose due on a day, with what was recorded for it (None: not yet)."""

    medicine: RegularMedicine
    due: DoseDue
    record: DoseRecord | None


class MedicineService:
    list_name = "medicines"

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def add(self, medicine: RegularMedicine) -> Written[RegularMedicine]:
        with self._db.unit_of_work() as session:
            stored = repository.insert_simple(session, self.list_name, medicine)
        return Written(stored, Changes.of(self.list_name))

    def update(self, medicine: RegularMedicine) -> Written[RegularMedicine]:
        with self._db.unit_of_work() as session:
            if not repository.update_simple(session, self.list_name, medicine):
                raise RecordMissingError(MISSING)
        return Written(medicine, Changes.of(self.list_name))

    def stop(self, medicine: RegularMedicine, last_day: date) -> Written[RegularMedicine]:
        """The medicine stops after ``last_day`` (its start day at the earliest)."""
        return self.update(replace(medicine, ended_on=max(last_day, medicine.started_on)))

    def records(self, first: date | None = None, last: date | None = None) -> list[DoseRecord]:
        with self._db.unit_of_work() as session:
            return medicine_rows.load_dose_records(session, first, last)

    def due_on(self, day: date) -> list[DueToday]:
        """Every dose due on ``day`` in time order (then by medicine), with its record."""
        with self._db.unit_of_work() as session:
            medicines = medicine_rows.load_medicines(session)
            records = medicine_rows.load_dose_records(session, day, day)
        by_key = {r.key: r for r in records}
        found = [
            DueToday(m, due, by_key.get((str(m.id), due.due_on, due.due_time)))
            for m in medicines
            for due in doses_due(m, day)
        ]
        return sorted(found, key=lambda d: (d.due.due_time, d.medicine.name.casefold()))

    def record_dose(self, record: DoseRecord) -> Written[DoseRecord]:
        """Store taken or skipped for a dose due, in place of what was recorded before."""
        record = repository.with_id(record, "dose_records")
        with self._db.unit_of_work() as session:
            medicine_rows.set_dose(session, record)
        return Written(record, Changes.of("dose_records"))

    def clear_dose(self, medicine_id: str, due_on: date, due_time: time) -> Changes:
        """The dose is "not recorded yet" again."""
        with self._db.unit_of_work() as session:
            medicine_rows.clear_dose(session, medicine_id, due_on, due_time)
        return Changes.of("dose_records")

    def list(self) -> list[RegularMedicine]:
        with self._db.unit_of_work() as session:
            return medicine_rows.load_medicines(session)
