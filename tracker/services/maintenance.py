"""Checking the journal file, and every record in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.storage import repository
from tracker.storage.database import JournalDatabase
from tracker.storage.row_check import UnreadableRow, find_unreadable


@dataclass(frozen=True)
class CheckReport:
    counts: dict[str, int]
    problems: list[str]
    unreadable: list[UnreadableRow] = field(default_factory=list)


def check_journal(db: JournalDatabase) -> CheckReport:
    """``PRAGMA integrity_check``, the number of records in each list, and the records the app
    cannot read (each one put through the app's own conversion)."""
    with db.unit_of_work() as session:
        problems = repository.integrity_problems(session)
        counts = repository.counts(session) if not problems else {}
    unreadable = [] if problems else find_unreadable(db.path)
    return CheckReport(counts, problems, unreadable)
