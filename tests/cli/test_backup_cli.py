"""``backup`` and ``restore``, and every command's answer to a damaged journal, run as a person
runs them: a separate process per command."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_JOURNAL, REPO, run_cli
from tracker.domain.model import Entry, Pain
from tracker.services.journal import JournalService
from tracker.storage.database import open_journal

BACKUP_NAME = re.compile(r"journal-\d{8}-\d{6}(?:-[a-z0-9-]+)?(?:\.\d+)?\.sqlite3")


def imported(data_dir: Path) -> Path:
    result = run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return data_dir / "journal.sqlite3"


def add_entries(data_dir: Path, count: int) -> None:
    db = open_journal(data_dir)
    try:
        for n in range(count):
            JournalService(db).save_entry(
                Entry(recorded_at=datetime(2026, 11, 21, 8, tzinfo=UTC) + timedelta(hours=n),
                      pain=Pain(2))
            )  # fmt: skip
    finally:
        db.close()


def entries_in_check(data_dir: Path) -> int:
    result = run_cli("check", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    found = re.search(r"^entries: (\d+)$", result.stdout, re.MULTILINE)
    assert found is not None, result.stdout
    return int(found[1])


def made_backup(data_dir: Path) -> str:
    result = run_cli("backup", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    found = BACKUP_NAME.search(result.stdout)
    assert found is not None, result.stdout
    return found[0]


def corrupt_entries_table(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as con:
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'entries'").fetchone()
    with path.open("r+b") as stream:
        stream.seek((root[0] - 1) * 4096)
        stream.write(b"\xff" * 64)


def test_backup_prints_its_name_and_entry_count_and_is_private(data_dir: Path) -> None:
    imported(data_dir)
    result = run_cli("backup", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "23 entries" in result.stdout and "Verified backup" in result.stdout
    (backup,) = (data_dir / "backups").glob("journal-*-manual.sqlite3")
    assert backup.name in result.stdout
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700


def test_backup_without_a_journal_says_so(data_dir: Path) -> None:
    result = run_cli("backup", data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("yet: nothing to back up.")
    assert not (data_dir / "journal.sqlite3").exists()


def test_restore_puts_back_a_backup_and_saves_the_journal_it_replaces(data_dir: Path) -> None:
    imported(data_dir)
    name = made_backup(data_dir)
    add_entries(data_dir, 2)
    result = run_cli("restore", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert f"Restored {name} (" in result.stdout and "23 entries" in result.stdout
    saved = re.search(r"The previous journal was saved as (.+)\.$", result.stdout, re.MULTILINE)
    assert saved is not None and saved[1].endswith("-before-restore.sqlite3"), result.stdout
    assert entries_in_check(data_dir) == 23
    # and back again, by name
    undo = run_cli("restore", Path(saved[1]).name, data_dir=data_dir)
    assert undo.returncode == 0, undo.stderr
    assert entries_in_check(data_dir) == 25
    assert stat.S_IMODE((data_dir / "journal.sqlite3").stat().st_mode) == 0o600


def test_restore_of_an_unknown_name_lists_the_backups(data_dir: Path) -> None:
    imported(data_dir)
    name = made_backup(data_dir)
    result = run_cli("restore", "journal-19990101-000000.sqlite3", data_dir=data_dir)
    assert result.returncode == 2
    assert "There is no backup called journal-19990101-000000.sqlite3" in result.stderr
    assert f"  {name} (" in result.stderr and "23 entries" in result.stderr


def test_restore_of_a_file_that_is_not_a_backup_changes_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    journal = imported(data_dir)
    before = journal.read_bytes()
    other = tmp_path / "notes.sqlite3"
    other.write_text("a shopping list\n" * 100)
    result = run_cli("restore", str(other), data_dir=data_dir)
    assert result.returncode == 2
    assert "cannot be restored: it is not a Spine Journal journal" in result.stderr
    assert journal.read_bytes() == before
    assert not list((data_dir / "backups").glob("*before-restore*"))


DAMAGE = {
    "damaged page": corrupt_entries_table,
    "zero bytes": lambda path: path.write_bytes(b""),
    "not a journal": lambda path: path.write_text("Dear diary\n" * 500),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_journal_names_the_newest_backup_until_restored(
    data_dir: Path, kind: str
) -> None:
    journal = imported(data_dir)
    newest = made_backup(data_dir)
    DAMAGE[kind](journal)
    damaged = journal.read_bytes()
    for command in (["check"], ["check"], ["export", "--out", "-"]):
        result = run_cli(*command, data_dir=data_dir)
        assert result.returncode == 1, (command, result.stdout)
        sentence = result.stderr.strip()
        assert sentence.count("\n") == 0 and "Traceback" not in sentence
        assert f"newest verified backup is {newest} (" in sentence
        assert "23 entries" in sentence and "run `spine-journal restore` to use it" in sentence
        assert not journal.exists()  # no new empty journal in its place
    (copy,) = data_dir.glob("journal.damaged-*.sqlite3")
    assert copy.read_bytes() == damaged and copy.name in sentence
    restored = run_cli("restore", data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert f"The damaged journal it replaces is kept as {copy}." in restored.stdout
    assert entries_in_check(data_dir) == 23
    add_entries(data_dir, 1)
    assert entries_in_check(data_dir) == 24


def test_a_damaged_journal_without_backups_can_start_empty(data_dir: Path) -> None:
    journal = imported(data_dir)
    shutil.rmtree(data_dir / "backups", ignore_errors=True)  # the one made before the import
    journal.write_bytes(b"")
    result = run_cli("check", data_dir=data_dir)
    assert result.returncode == 1
    assert "there is no backup to restore" in result.stderr
    assert "`spine-journal restore --start-empty`" in result.stderr
    started = run_cli("restore", "--start-empty", data_dir=data_dir)
    assert started.returncode == 0, started.stderr
    assert entries_in_check(data_dir) == 0
    assert len(list(data_dir.glob("journal.damaged-*.sqlite3"))) == 1


WRITER = r"""
import sqlite3, sys, time
from datetime import datetime, timezone
from pathlib import Path

from tracker.domain.model import Entry, Pain
from tracker.services.journal import JournalService
from tracker.storage.database import open_journal

db = open_journal(Path(sys.argv[1]))
held = sqlite3.connect(db.path)  # as a long read would: no checkpoint when saves close
held.execute("SELECT count(*) FROM entries").fetchone()
for hour in range(3):
    JournalService(db).save_entry(Entry(datetime(2026, 11, 22, hour, tzinfo=timezone.utc), Pain(5)))
print("saved", flush=True)
time.sleep(60)
"""


def crashed_writer(data_dir: Path) -> None:
    """Three entries saved, then the writer killed: they are committed, in the -wal only."""
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "saved\n"
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    assert (data_dir / "journal.sqlite3-wal").stat().st_size > 0


def test_after_a_crash_the_wal_is_replayed(data_dir: Path) -> None:
    imported(data_dir)
    crashed_writer(data_dir)
    assert entries_in_check(data_dir) == 26


def test_a_wal_deleted_after_a_crash_is_reported_and_the_rest_recovered(data_dir: Path) -> None:
    """SQLite would carry on silently without the three saves in the deleted -wal. The -shm it
    left still records frames never copied into the file: that is detected, the journal is set
    aside like a damaged one, and what the file itself holds is offered as a backup."""
    imported(data_dir)
    made_backup(data_dir)
    crashed_writer(data_dir)
    (data_dir / "journal.sqlite3-wal").unlink()
    result = run_cli("check", data_dir=data_dir)
    assert result.returncode == 1
    assert "recent-changes file (journal.sqlite3-wal) is missing" in result.stderr
    assert "-recovered.sqlite3 (" in result.stderr and "23 entries" in result.stderr
    assert "run `spine-journal restore` to use it" in result.stderr
    restored = run_cli("restore", data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert entries_in_check(data_dir) == 23
