"""All the services of one open journal, built once after the window's first paint.

The services a day's entry needs are made at once; the exchange formats, the trend chart's data
and the appointment summary (whose modules take longer to import) are made when first used.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from tracker.services.alerts import AlertService
from tracker.services.esas import EsasService
from tracker.services.journal import JournalService
from tracker.services.medicines import MedicineService
from tracker.services.records import (
    AppointmentService,
    MedicationService,
    ReviewService,
    TreatmentService,
)
from tracker.storage.database import JournalDatabase

if TYPE_CHECKING:
    from tracker.services.exchange import ExchangeService
    from tracker.services.reminders import ReminderService
    from tracker.services.spine import SpineService
    from tracker.services.summary import SummaryService
    from tracker.services.trends import TrendsService


class Services:
    def __init__(self, db: JournalDatabase) -> None:
        self._db = db
        self.alerts = AlertService(db)
        self.journal = JournalService(db, self.alerts)
        self.treatments = TreatmentService(db)
        self.medications = MedicationService(db)
        self.reviews = ReviewService(db)
        self.appointments = AppointmentService(db)
        self.medicines = MedicineService(db)
        self.esas = EsasService(db)

    @cached_property
    def exchange(self) -> ExchangeService:
        from tracker.services.exchange import ExchangeService

        return ExchangeService(self._db)

    @cached_property
    def trends(self) -> TrendsService:
        from tracker.services.trends import TrendsService

        return TrendsService(self._db)

    @cached_property
    def spine(self) -> SpineService:
        from tracker.services.spine import SpineService

        return SpineService(self._db)

    @cached_property
    def summary(self) -> SummaryService:
        from tracker.services.summary import SummaryService

        return SummaryService(self._db)

    @cached_property
    def reminders(self) -> ReminderService:
        from tracker.services.reminders import ReminderService

        return ReminderService(self._db)


def build_services(db: JournalDatabase) -> Services:
    return Services(db)
