"""All the services of one open journal, built once after the window's first paint."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.services.alerts import AlertService
from tracker.services.exchange import ExchangeService
from tracker.services.journal import JournalService
from tracker.services.records import (
    AppointmentService,
    MedicationService,
    ReviewService,
    TreatmentService,
)
from tracker.services.summary import SummaryService
from tracker.services.trends import TrendsService
from tracker.storage.database import JournalDatabase


@dataclass(frozen=True)
class Services:
    journal: JournalService
    exchange: ExchangeService
    treatments: TreatmentService
    medications: MedicationService
    reviews: ReviewService
    appointments: AppointmentService
    alerts: AlertService
    trends: TrendsService
    summary: SummaryService


def build_services(db: JournalDatabase) -> Services:
    alerts = AlertService(db)
    return Services(
        journal=JournalService(db, alerts),
        alerts=alerts,
        trends=TrendsService(db),
        summary=SummaryService(db),
        exchange=ExchangeService(db),
        treatments=TreatmentService(db),
        medications=MedicationService(db),
        reviews=ReviewService(db),
        appointments=AppointmentService(db),
    )
