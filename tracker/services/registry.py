"""All the services of one open journal, built once after the window's first paint."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.services.exchange import ExchangeService
from tracker.services.journal import JournalService
from tracker.services.records import (
    AppointmentService,
    MedicationService,
    ReviewService,
    TreatmentService,
)
from tracker.storage.database import JournalDatabase


@dataclass(frozen=True)
class Services:
    journal: JournalService
    exchange: ExchangeService
    treatments: TreatmentService
    medications: MedicationService
    reviews: ReviewService
    appointments: AppointmentService


def build_services(db: JournalDatabase) -> Services:
    return Services(
        journal=JournalService(db),
        exchange=ExchangeService(db),
        treatments=TreatmentService(db),
        medications=MedicationService(db),
        reviews=ReviewService(db),
        appointments=AppointmentService(db),
    )
