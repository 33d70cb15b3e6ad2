"""Revision 0004: a journal of revision 0003 opens with the regular medicines' two tables,
every stored row kept, and their CHECKs and link in force."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import REPO
from tracker.storage.database import migrate, open_journal

FROZEN_0001 = REPO / "tests" / "fixtures" / "journal-schema-0001.sqlite3"


def journal_at_0003(folder: Path) -> Path:
    folder.mkdir(parents=True)
    path = folder / "journal.sqlite3"
    shutil.copy(FROZEN_0001, path)
    migrate(path, target="0003")
    return path


def tables(path: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(path)) as con:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def dump(path: Path) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as con:
        return [
            *con.execute("SELECT * FROM entries ORDER BY pk"),
            *con.execute("SELECT * FROM medications ORDER BY pk"),
        ]


def test_a_0003_journal_gains_the_medicine_tables_and_keeps_its_rows(data_dir: Path) -> None:
    path = journal_at_0003(data_dir)
    before = dump(path)
    assert "medicines" not in tables(path) and len(before) > 20
    open_journal(data_dir).close()
    assert {"medicines", "dose_records"} <= tables(path)
    assert dump(path) == before
    with contextlib.closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA foreign_keys=ON")
        with con:
            con.execute(
                "INSERT INTO medicines (id, name, dose, unit, route, times, started_on, reason,"
                " steps, steroid) VALUES ('m1', 'X', 4, 'mg', 'by mouth', '08:00', '2026-03-02',"
                " '', '', 1)"
            )
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"), con:
            con.execute("UPDATE medicines SET unit = 'bucket' WHERE id = 'm1'")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"), con:
            con.execute(
                "INSERT INTO dose_records (id, medicine_id, due_on, due_time, status, note)"
                " VALUES ('d1', 'm1', '2026-03-02', '08:00', 'taken', '')"
            )  # taken without its time
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), con:
            con.execute(
                "INSERT INTO dose_records (id, medicine_id, due_on, due_time, status, note)"
                " VALUES ('d2', 'nobody', '2026-03-02', '08:00', 'skipped', '')"
            )
