"""Revision 0003: a journal made at revision 0002 opens with its screening columns nullable,
every stored value and link kept, and the field table's CHECKs in force."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import REPO
from tracker.domain import fields, journal_writing
from tracker.storage import list_rows
from tracker.storage.database import migrate, open_journal
from tracker.storage.journal_file import head_revision

FROZEN_0001 = REPO / "tests" / "fixtures" / "journal-schema-0001.sqlite3"
SCREENING_COLUMNS = [f.storage for f in fields.SCREENING]


def journal_at_0002(folder: Path) -> Path:
    folder.mkdir(parents=True)
    path = folder / "journal.sqlite3"
    shutil.copy(FROZEN_0001, path)
    migrate(path, target="0002")
    with contextlib.closing(sqlite3.connect(path)) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
        notnull = {row[1]: row[3] for row in con.execute("PRAGMA table_info(entries)")}
        assert all(notnull[c] == 1 for c in SCREENING_COLUMNS)  # NOT NULL before
    return path


def dump(path: Path) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as con:
        rows = [
            *con.execute("SELECT * FROM entries ORDER BY pk"),
            *con.execute("SELECT * FROM alerts ORDER BY pk"),
        ]
    return rows


def test_a_0002_journal_keeps_every_row_and_allows_not_asked(data_dir: Path) -> None:
    path = journal_at_0002(data_dir)
    before = dump(path)
    assert len(before) > 20
    db = open_journal(data_dir)  # upgrades to the head
    try:
        with db.unit_of_work() as session:
            journal = list_rows.load_journal(session)
    finally:
        db.close()
    assert head_revision() >= "0003"  # later revisions add tables; this one's work stays
    assert dump(path) == before  # every value, column by column, and the alerts' links
    assert all(e.walking is not None and e.bladder is not None for e in journal.entries)
    with contextlib.closing(sqlite3.connect(path)) as con:
        version = con.execute("SELECT version_num FROM alembic_version").fetchone()
        assert version == (head_revision(),)
        notnull = {row[1]: row[3] for row in con.execute("PRAGMA table_info(entries)")}
        assert [c for c in SCREENING_COLUMNS if notnull[c]] == []
        assert notnull["pain_score"] == 1 and notnull["sexual_change"] == 1
        indexes = {row[1] for row in con.execute("PRAGMA index_list(entries)")}
        assert {"ix_entries_local_day", "ix_entries_recorded_utc"} <= indexes
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        con.execute("PRAGMA foreign_keys=ON")
        first = con.execute("SELECT id FROM entries ORDER BY pk LIMIT 1").fetchone()[0]
        with con:
            con.execute("UPDATE entries SET walking = NULL, bladder = NULL WHERE id = ?", (first,))
        for column, bad in (("walking", 4), ("bladder", "fine"), ("weak_left_leg", -1)):
            with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"), con:
                con.execute(f"UPDATE entries SET {column} = ? WHERE id = ?", (bad, first))
        with pytest.raises(sqlite3.IntegrityError, match="NOT NULL"), con:
            con.execute("UPDATE entries SET pain_score = NULL WHERE id = ?", (first,))


def test_the_upgraded_journal_reads_as_the_example_with_the_null_stored(data_dir: Path) -> None:
    journal_at_0002(data_dir)
    db = open_journal(data_dir)
    try:
        with db.unit_of_work() as session:
            before = journal_writing.dumps(list_rows.load_journal(session))
        with db.engine.begin() as connection:
            connection.exec_driver_sql(
                "UPDATE entries SET weak_left_leg = NULL WHERE pk = (SELECT min(pk) FROM entries)"
            )
        with db.unit_of_work() as session:
            journal = list_rows.load_journal(session)
    finally:
        db.close()
    first = min(journal.entries, key=lambda e: e.recorded_at)
    assert first.weakness.left_leg is None
    assert '"version": 2' in before


def test_the_downgrade_refuses_a_journal_with_signs_not_asked(tmp_path: Path) -> None:
    """Revision 0002 cannot say "not asked": going back would invent answers, so it stops and
    the file is left as it was."""
    from alembic import command
    from alembic.config import Config

    from tracker.storage.journal_file import MIGRATIONS
    from tracker.storage.migration import _migration_engine

    path = journal_at_0002(tmp_path / "j")
    migrate(path)
    with contextlib.closing(sqlite3.connect(path)) as con, con:
        con.execute("UPDATE entries SET bowel = NULL WHERE pk = (SELECT min(pk) FROM entries)")
    before = path.read_bytes()
    engine = _migration_engine(path)
    try:
        with engine.connect() as connection:
            transaction = connection.begin()
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            with pytest.raises(RuntimeError, match="not asked cannot be kept"):
                command.downgrade(config, "0002")
            transaction.rollback()
    finally:
        engine.dispose()
    assert path.read_bytes() == before
