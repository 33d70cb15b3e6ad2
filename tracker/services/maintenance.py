"""Checking the journal file."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.storage import repository
from tracker.storage.database import JournalDatabase


@dataclass(frozen=True)
class CheckReport:
    counts: dict[str, int]
    problems: list[str]


def check_journal(db: JournalDatabase) -> CheckReport:
    """``PRAGMA integrity_check`` and the number of records in each list."""
    with db.unit_of_work() as session:
        problems = repository.integrity_problems(session)
        counts = repository.counts(session) if not problems else {}
    return CheckReport(counts, problems)
