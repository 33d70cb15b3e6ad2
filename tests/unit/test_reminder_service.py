"""The reminders' settings kept in the journal, and what the reminders say about it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.conftest import EXAMPLE_JOURNAL
from tracker.domain.journal_format import loads
from tracker.domain.reminders import APPOINTMENT, CHECK_IN, DOSE, SESSION, ReminderSettings
from tracker.services.exchange import ExchangeService
from tracker.services.reminders import ReminderService
from tracker.storage.database import JournalDatabase, open_journal
from tracker.storage.models import Setting

LONDON = ZoneInfo("Europe/London")


def _example(data_dir: Path) -> JournalDatabase:
    db = open_journal(data_dir)
    ExchangeService(db).import_journal(loads(EXAMPLE_JOURNAL.read_text("utf-8")))
    return db


def test_settings_are_kept_in_the_journal_and_default_when_never_set(data_dir: Path) -> None:
    db = open_journal(data_dir)
    try:
        service = ReminderService(db)
        assert service.settings() == ReminderSettings()
        chosen = ReminderSettings(check_in=time(21, 15), doses=False, sessions=None)
        service.set_settings(chosen)
    finally:
        db.close()
    db = open_journal(data_dir)
    try:
        assert ReminderService(db).settings() == chosen
        with db.unit_of_work() as session:  # a damaged value: the default, not a crash
            session.merge(Setting(key="reminders.check_in", value="25:99"))
        assert ReminderService(db).settings().check_in == time(20, 0)
    finally:
        db.close()


def test_no_reminder_names_anything_of_the_journal(data_dir: Path) -> None:
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    names = [m["name"] for m in document["medications"]]

    def doses(day: date) -> list[tuple[datetime, str]]:
        return [(datetime.combine(day, time(8), tzinfo=LONDON), name) for name in names]

    db = _example(data_dir)
    try:
        service = ReminderService(db, doses_of=doses)
        due = service.due_between(
            datetime(2026, 9, 1, tzinfo=UTC), datetime(2026, 10, 1, tzinfo=UTC), LONDON
        )
        journal = ExchangeService(db).load()
    finally:
        db.close()
    assert {r.kind for r in due} == {CHECK_IN, DOSE, APPOINTMENT} | (
        {SESSION} if any(not s.done for t in journal.treatments for s in t.sessions) else set()
    )
    private = {*names, *(m.note for m in journal.medications)}
    private |= {a.with_whom for a in journal.appointments} | {
        a.questions for a in journal.appointments
    }
    private |= {a.notes for a in journal.appointments}
    for treatment in journal.treatments:
        private |= {treatment.kind, treatment.site or "", treatment.note}
        private |= {s.note for s in treatment.sessions}
    private |= {e.note for e in journal.entries}
    private = {p.strip().lower() for p in private if len(p.strip()) > 2}
    assert private
    for reminder in due:
        for words in private:
            assert words not in reminder.text.lower(), (words, reminder.text)
