"""All the services of one open journal, built once after the window's first paint."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.services.exchange import ExchangeService
from tracker.services.journal import JournalService
from tracker.storage.database import JournalDatabase


@dataclass(frozen=True)
class Services:
    journal: JournalService
    exchange: ExchangeService


def build_services(db: JournalDatabase) -> Services:
    return Services(journal=JournalService(db), exchange=ExchangeService(db))
