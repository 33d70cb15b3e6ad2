"""Use cases for treatments, painkiller doses, care-team reviews and appointments.

One unit of work per public method; frozen domain records in and out.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Generic, TypeVar

from tracker.domain.model import Appointment, MedicationDose, Review, Treatment
from tracker.storage import repository
from tracker.storage.database import JournalDatabase
from tracker.storage.errors import RecordMissingError

R = TypeVar("R", MedicationDose, Review, Appointment)


class _SimpleRecords(Generic[R]):
    list_name = ""

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def add(self, record: R) -> R:
        with self._db.unit_of_work() as session:
            return repository.insert_simple(session, self.list_name, record)

    def update(self, record: R) -> R:
        with self._db.unit_of_work() as session:
            if not repository.update_simple(session, self.list_name, record):
                raise RecordMissingError("This record is no longer in the journal.")
        return record

    def delete(self, record_id: str) -> None:
        with self._db.unit_of_work() as session:
            repository.delete_record(session, self.list_name, record_id)


class TreatmentService:
    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def list(self) -> list[Treatment]:
        with self._db.unit_of_work() as session:
            return repository.load_treatments(session)

    def add(self, treatment: Treatment) -> Treatment:
        with self._db.unit_of_work() as session:
            return repository.insert_treatment(session, treatment)

    def update(self, treatment: Treatment) -> Treatment:
        with self._db.unit_of_work() as session:
            repository.replace_treatment(session, treatment)
        return treatment

    def delete(self, treatment_id: str) -> None:
        with self._db.unit_of_work() as session:
            repository.delete_record(session, "treatments", treatment_id)


class MedicationService(_SimpleRecords[MedicationDose]):
    list_name = "medications"

    def on_day(self, day: date) -> list[MedicationDose]:
        """Doses whose own local day is ``day`` (a margin of 14 hours covers every offset)."""
        margin = timedelta(hours=14)
        start = datetime.combine(day, time(0), tzinfo=timezone.utc) - margin
        end = datetime.combine(day, time(23, 59, 59), tzinfo=timezone.utc) + margin
        with self._db.unit_of_work() as session:
            doses = repository.load_medications(session, start, end)
        return [d for d in doses if d.taken_at.date() == day]

    def recent_choices(self, limit: int = 8) -> list[tuple[str, str, bool]]:
        """The most recently used (name, dose, as needed) combinations, newest first."""
        with self._db.unit_of_work() as session:
            return repository.recent_medication_choices(session, limit)

    def list(self) -> list[MedicationDose]:
        with self._db.unit_of_work() as session:
            return repository.load_medications(session)


class ReviewService(_SimpleRecords[Review]):
    list_name = "reviews"

    def list(self) -> list[Review]:
        with self._db.unit_of_work() as session:
            return repository.load_reviews(session)


class AppointmentService(_SimpleRecords[Appointment]):
    list_name = "appointments"

    def list(self) -> list[Appointment]:
        with self._db.unit_of_work() as session:
            return repository.load_appointments(session)
