"""Use cases for treatments, painkiller doses, care-team reviews and appointments.

One unit of work per public method; frozen domain records in and out. Each write returns the
``Changes`` it made (as the journal service does), which the window announces so that every
view showing that list refreshes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Generic, TypeVar

from tracker.domain.medicines import DoseRecord, RegularMedicine
from tracker.domain.model import Appointment, MedicationDose, Review, Treatment
from tracker.services.changes import Changes
from tracker.storage import list_rows, repository
from tracker.storage.database import JournalDatabase
from tracker.storage.errors import RecordMissingError

R = TypeVar("R", MedicationDose, Review, Appointment)
W = TypeVar("W", MedicationDose, Review, Appointment, Treatment, RegularMedicine, DoseRecord)


@dataclass(frozen=True)
class Written(Generic[W]):
    """A record as stored (with its id), and what storing it changed."""

    record: W
    changes: Changes


class _SimpleRecords(Generic[R]):
    list_name = ""

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def add(self, record: R) -> Written[R]:
        with self._db.unit_of_work() as session:
            stored = repository.insert_simple(session, self.list_name, record)
        return Written(stored, Changes.of(self.list_name))

    def update(self, record: R) -> Written[R]:
        with self._db.unit_of_work() as session:
            if not repository.update_simple(session, self.list_name, record):
                raise RecordMissingError("This record is no longer in the journal.")
        return Written(record, Changes.of(self.list_name))

    def delete(self, record_id: str) -> Changes:
        with self._db.unit_of_work() as session:
            repository.delete_record(session, self.list_name, record_id)
        return Changes.of(self.list_name)


class TreatmentService:
    list_name = "treatments"

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def list(self) -> list[Treatment]:
        with self._db.unit_of_work() as session:
            return list_rows.load_treatments(session)

    def add(self, treatment: Treatment) -> Written[Treatment]:
        with self._db.unit_of_work() as session:
            stored = repository.insert_treatment(session, treatment)
        return Written(stored, Changes.of(self.list_name))

    def update(self, treatment: Treatment) -> Written[Treatment]:
        with self._db.unit_of_work() as session:
            repository.replace_treatment(session, treatment)
        return Written(treatment, Changes.of(self.list_name))

    def delete(self, treatment_id: str) -> Changes:
        with self._db.unit_of_work() as session:
            repository.delete_record(session, self.list_name, treatment_id)
        return Changes.of(self.list_name)


class MedicationService(_SimpleRecords[MedicationDose]):
    list_name = "medications"

    def on_day(self, day: date) -> list[MedicationDose]:
        """Doses whose own local day is ``day`` (a margin of 14 hours covers every offset)."""
        margin = timedelta(hours=14)
        start = datetime.combine(day, time(0), tzinfo=timezone.utc) - margin
        end = datetime.combine(day, time(23, 59, 59), tzinfo=timezone.utc) + margin
        with self._db.unit_of_work() as session:
            doses = list_rows.load_medications(session, start, end)
        return [d for d in doses if d.taken_at.date() == day]

    def recent_choices(self, limit: int = 8) -> list[tuple[str, str, bool]]:
        """The most recently used (name, dose, as needed) combinations, newest first."""
        with self._db.unit_of_work() as session:
            return list_rows.recent_medication_choices(session, limit)

    def list(self) -> list[MedicationDose]:
        with self._db.unit_of_work() as session:
            return list_rows.load_medications(session)


class ReviewService(_SimpleRecords[Review]):
    list_name = "reviews"

    def list(self) -> list[Review]:
        with self._db.unit_of_work() as session:
            return list_rows.load_reviews(session)


class AppointmentService(_SimpleRecords[Appointment]):
    list_name = "appointments"

    def list(self) -> list[Appointment]:
        with self._db.unit_of_work() as session:
            return list_rows.load_appointments(session)
