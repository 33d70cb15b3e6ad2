"""Filling an empty journal with the synthetic demo history."""

from __future__ import annotations

from tracker.domain.demo import build_demo_journal
from tracker.storage import repository
from tracker.storage.database import JournalDatabase
from tracker.storage.errors import JournalError


class JournalNotEmpty(JournalError):
    pass


def fill_demo(db: JournalDatabase, years: int) -> dict[str, int]:
    journal = build_demo_journal(years)
    with db.unit_of_work() as session:
        if any(repository.counts(session).values()):
            raise JournalNotEmpty(
                f"The journal {db.path} is not empty: the demo only fills an empty journal."
            )
        repository.insert_journal(session, journal)
        return repository.counts(session)
