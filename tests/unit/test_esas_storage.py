"""ESAS-r forms stored and read back through the service: unanswered stays NULL (None), the
table's CHECKs refuse what the domain refuses, and a 0003 journal gains the table on opening."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tracker.domain import esas
from tracker.domain.esas import EsasForm
from tracker.services.esas import EsasService
from tracker.storage import list_rows
from tracker.storage.database import JournalDatabase, migrate, open_journal

WHEN = datetime(2026, 3, 2, 10, 30, tzinfo=timezone(timedelta(hours=-5)))


def test_a_form_is_stored_with_its_time_and_unanswered_as_null(db: JournalDatabase) -> None:
    service = EsasService(db)
    form = EsasForm(WHEN, "family_caregiver", pain=0, tiredness=6, other=3, other_name="itch")
    written = service.add(form)
    assert written.record.id is not None and written.record.id.startswith("s-")
    assert "esas_forms" in written.changes
    (stored,) = service.list()
    assert stored == written.record
    assert stored.completed_at.utcoffset() == timedelta(hours=-5)
    with contextlib.closing(sqlite3.connect(db.path)) as con:
        row = con.execute("SELECT pain, nausea, other_name FROM esas_forms").fetchone()
    assert row == (0, None, "itch")
    service.delete(str(stored.id))
    assert service.list() == []


def test_the_table_refuses_a_score_out_of_range(db: JournalDatabase) -> None:
    EsasService(db).add(EsasForm(WHEN, "patient", pain=2))
    with contextlib.closing(sqlite3.connect(db.path)) as con:
        for column, bad in (("pain", 11), ("nausea", -1), ("completed_by", "doctor")):
            with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"), con:
                con.execute(f"UPDATE esas_forms SET {column} = ?", (bad,))
        assert con.execute("SELECT pain FROM esas_forms").fetchone() == (2,)


def test_the_weekday_is_kept_in_the_journal(db: JournalDatabase) -> None:
    service = EsasService(db)
    assert service.weekday() == 1
    service.set_weekday(4)
    assert service.weekday() == 4
    with pytest.raises(ValueError, match="8 is not a weekday"):
        service.set_weekday(8)
    assert service.weekday() == 4
    thursday = date(2026, 3, 5)
    assert service.due_today(thursday) and not service.due_today(thursday + timedelta(days=1))
    service.add(EsasForm(datetime(2026, 3, 5, 9, 0, tzinfo=timezone.utc), "patient", pain=1))
    assert not service.due_today(thursday)


def test_a_journal_of_an_older_revision_gains_the_table(data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / "journal.sqlite3"
    shutil.copy(FIXTURES / "journal-schema-0001.sqlite3", path)
    migrate(path, target="0003")
    opened = open_journal(data_dir)
    try:
        with opened.unit_of_work() as session:
            journal = list_rows.load_journal(session)
        assert journal.entries and journal.esas_forms == ()
        EsasService(opened).add(EsasForm(WHEN, "patient", wellbeing=5))
        assert [f.wellbeing for f in EsasService(opened).list()] == [5]
    finally:
        opened.close()


def test_forms_raise_no_red_flag(db: JournalDatabase) -> None:
    """The red-flag table is the only source of alerts: even the highest scores of every item
    raise none, and an import of such forms raises none either."""
    from tracker.domain.model import Journal
    from tracker.services.alerts import AlertService
    from tracker.services.exchange import ExchangeService

    worst: dict[str, int | None] = dict.fromkeys(esas.KEYS, 10)
    EsasService(db).add(esas.form_of(WHEN, "patient", worst, "itch"))
    forms = tuple(
        esas.form_of(WHEN + timedelta(days=d), "patient", worst, "itch") for d in range(1, 4)
    )
    ExchangeService(db).import_journal(Journal(esas_forms=forms), AlertService(db))
    with db.unit_of_work() as session:
        assert list_rows.load_alerts(session) == []
        assert len(list_rows.load_esas_forms(session)) == 4


def test_a_form_is_corrected_in_its_place_and_a_missing_one_is_said(db: JournalDatabase) -> None:
    from dataclasses import replace

    from tracker.storage.errors import RecordMissingError

    service = EsasService(db)
    at = datetime(2026, 3, 2, 10, tzinfo=timezone.utc)
    first = service.add(esas.form_of(at, "patient", {"pain": 4})).record
    other = service.add(esas.form_of(at + timedelta(days=7), "patient", {"pain": 2})).record
    fixed = replace(first, pain=None, nausea=3, completed_by="family_caregiver")
    service.update(fixed)
    assert service.list() == [fixed, other]
    with pytest.raises(ValueError, match="only a stored form"):
        service.update(replace(fixed, id=None))
    assert other.id is not None
    service.delete(other.id)
    with pytest.raises(RecordMissingError, match="no longer in the journal"):
        service.update(replace(other, pain=9))
    assert service.list() == [fixed]
