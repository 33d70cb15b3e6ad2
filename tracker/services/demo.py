"""Filling an empty journal with the synthetic demo history, and the window's example journal
(the same history, in a folder of its own inside the person's data folder)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from tracker.domain.alert_history import alerts_as_met
from tracker.domain.demo import build_demo_journal
from tracker.domain.model import Alert, Journal
from tracker.domain.redflags import History
from tracker.storage import alert_rows, list_rows, repository
from tracker.storage.database import EXAMPLE_DIR_NAME, JournalDatabase, open_journal
from tracker.storage.errors import JournalError


class JournalNotEmpty(JournalError):
    pass


def fill_demo(
    db: JournalDatabase, years: int, *, end: date | None = None, busy: bool = False
) -> dict[str, int]:
    """The demo history of ``years`` years ending on ``end`` (default: yesterday, local date)
    in the empty journal ``db``; the stored lists' counts."""
    last = end if end is not None else date.today() - timedelta(days=1)
    journal = build_demo_journal(years, end=last, busy=busy)
    with db.unit_of_work() as session:
        if any(repository.counts(session).values()):
            raise JournalNotEmpty(
                f"The journal {db.path} is not empty: the demo only fills an empty journal."
            )
        stored = list_rows.insert_journal(session, journal)
        for alert, interrupted in demo_alerts(stored):
            alert_rows.insert_alert(session, alert, interrupted=interrupted)
        return repository.counts(session)


# A year: the trends, the history and the summary all have plenty to show, made in about a
# second (two years take two).
EXAMPLE_YEARS = 1


def example_folder(data_dir: Path) -> Path:
    """The example journal's data folder, inside the person's ``data_dir``."""
    return data_dir / EXAMPLE_DIR_NAME


def remove_example(data_dir: Path) -> None:
    """Remove the example journal's folder, if there is one (no connection may be open)."""
    folder = example_folder(data_dir)
    if folder.is_dir():
        shutil.rmtree(folder)


def make_example(folder: Path, *, end: date | None = None) -> JournalDatabase:
    """A new example journal in ``folder`` (empty or missing; the caller holds its lock),
    filled with the demo history ending on ``end`` (default: yesterday), opened."""
    db = open_journal(folder)
    try:
        fill_demo(db, EXAMPLE_YEARS, end=end)
    except BaseException:
        db.close()
        raise
    return db


# What the demo person did when interrupted: an emergency was answered within minutes, an
# urgent banner acknowledged within the hour.
_EMERGENCY_ANSWERS = ("called_helpline", "discussed_with_team", "went_to_hospital")


def demo_alerts(journal: Journal) -> list[tuple[Alert, bool]]:
    """The alerts the red-flag engine raises on the demo's entries, as if each had been saved
    in turn, with the answers the person gave to those that interrupted."""
    result: list[tuple[Alert, bool]] = []
    answered: dict[str | None, str] = {}  # one answer for the whole window of an entry
    for number, met in enumerate(alerts_as_met(History.from_journal(journal))):
        alert = replace(met.alert, id=f"a{number + 1:05d}")  # seeded: the same ids every time
        if met.interrupted and alert.tier == "emergency":
            if alert.entry_id not in answered:
                answered[alert.entry_id] = _EMERGENCY_ANSWERS[len(answered) % 3]
            answer = answered[alert.entry_id]
            alert = replace(
                alert, action=answer, acknowledged_at=alert.raised_at + timedelta(minutes=10)
            )
        elif met.interrupted and alert.tier == "urgent":
            alert = replace(
                alert,
                action="acknowledged",
                acknowledged_at=alert.raised_at + timedelta(minutes=40),
            )
        result.append((alert, met.interrupted))
    return result
