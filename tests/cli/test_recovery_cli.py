"""Journals damaged in ways ``PRAGMA quick_check`` does not see (a table dropped, the schema
revision deleted), what a killed ``restore`` leaves behind, and a journal that is a link: each
run as a person runs the commands, one process per command."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.cli.test_backup_cli import entries_in_check, imported, made_backup
from tests.conftest import run_cli
from tracker.storage.backups import list_backups


def run_sql(path: Path, *statements: str) -> None:
    with contextlib.closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            con.execute(statement)
        con.commit()
    assert sqlite3.connect(path).execute("PRAGMA quick_check").fetchone()[0] == "ok"


def one_sentence(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text and "SELECT" not in text and "CREATE" not in text, text
    return lines[0]


def test_a_dropped_entries_table_is_damage_and_restore_brings_the_verified_backup(
    data_dir: Path,
) -> None:
    journal = imported(data_dir)
    backup = made_backup(data_dir)
    run_sql(journal, "DROP TABLE entries")

    check = run_cli("check", data_dir=data_dir)
    assert check.returncode == 1
    message = one_sentence(check.stderr)
    assert "its table entries is missing" in message and backup in message
    (moved,) = data_dir.glob("journal.damaged-*.sqlite3")  # kept, though it does not verify
    assert "entries" not in {r[0] for r in sqlite3.connect(moved).execute(
        "SELECT name FROM sqlite_master")}  # fmt: skip

    restored = run_cli("restore", data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert backup in restored.stdout
    assert entries_in_check(data_dir) == 23


def test_restore_needs_no_verified_copy_of_a_journal_whose_table_was_dropped(
    data_dir: Path,
) -> None:
    journal = imported(data_dir)
    made_backup(data_dir)
    run_sql(journal, "DROP TABLE entries")  # found by restore's own check, not by a command before

    restored = run_cli("restore", data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert "damaged journal it replaces is kept as" in restored.stdout
    assert len(list(data_dir.glob("journal.damaged-*.sqlite3"))) == 1
    assert entries_in_check(data_dir) == 23


def test_start_empty_replaces_a_journal_whose_table_was_dropped(data_dir: Path) -> None:
    journal = imported(data_dir)
    run_sql(journal, "DROP TABLE treatments")
    started = run_cli("restore", "--start-empty", data_dir=data_dir)
    assert started.returncode == 0, started.stderr
    assert entries_in_check(data_dir) == 0
    assert len(list(data_dir.glob("journal.damaged-*.sqlite3"))) == 1


def test_a_deleted_revision_makes_no_backup_that_restore_would_pick(data_dir: Path) -> None:
    journal = imported(data_dir)
    backup = made_backup(data_dir)
    verified_before = [i.name for i in list_backups(data_dir / "backups") if i.verified]
    assert verified_before[0] == backup
    run_sql(journal, "DELETE FROM alembic_version")

    for _ in range(2):  # the first moves it aside; the second finds only the damaged copy
        check = run_cli("check", data_dir=data_dir)
        assert check.returncode == 1
        assert "version of Spine Journal" in one_sentence(check.stderr) or (
            "damaged copy was set aside" in check.stderr
        )
    verified = [info.name for info in list_backups(data_dir / "backups") if info.verified]
    assert verified == verified_before

    restored = run_cli("restore", data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert backup in restored.stdout
    assert entries_in_check(data_dir) == 23


def test_a_column_added_by_hand_is_damage(data_dir: Path) -> None:
    journal = imported(data_dir)
    run_sql(journal, "ALTER TABLE entries ADD COLUMN extra TEXT")
    check = run_cli("check", data_dir=data_dir)
    assert check.returncode == 1
    assert "the columns of its table entries are not those of its version" in check.stderr


def test_a_backup_of_a_damaged_journal_does_not_verify(data_dir: Path) -> None:
    journal = imported(data_dir)
    run_sql(journal, "DELETE FROM alembic_version")
    backup = data_dir / "backups" / "journal-20260101-000000-before-upgrade-empty.sqlite3"
    backup.write_bytes(journal.read_bytes())  # as made before this check existed
    (info,) = [i for i in list_backups(data_dir / "backups") if i.path == backup]
    assert not info.verified and "version" in info.problem


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_the_next_command_removes_what_a_killed_restore_left(data_dir: Path) -> None:
    imported(data_dir)
    dead = data_dir / f".journal.sqlite3.restore-{dead_pid()}"
    dead.write_bytes(b"x" * 4096)
    dead_new = data_dir / f".journal.sqlite3.new-{dead_pid()}-journal"
    dead_new.write_bytes(b"x")
    alive = data_dir / f".journal.sqlite3.restore-{os.getpid()}"  # this test's own process
    alive.write_bytes(b"x")
    unrelated = data_dir / ".journal.sqlite3.restore-notes"
    unrelated.write_bytes(b"x")

    assert entries_in_check(data_dir) == 23
    assert not dead.exists() and not dead_new.exists()
    assert alive.exists() and unrelated.exists()


def test_restore_into_a_journal_that_is_a_link_keeps_the_link(tmp_path: Path) -> None:
    real_dir, data_dir = tmp_path / "elsewhere", tmp_path / "data"
    imported(real_dir)
    data_dir.mkdir(mode=0o700)
    (data_dir / "journal.sqlite3").symlink_to(real_dir / "journal.sqlite3")
    backup = made_backup(data_dir)
    run_sql(real_dir / "journal.sqlite3", "DELETE FROM medications")

    restored = run_cli("restore", backup, data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    link = data_dir / "journal.sqlite3"
    assert link.is_symlink() and link.resolve() == (real_dir / "journal.sqlite3").resolve()
    with contextlib.closing(sqlite3.connect(real_dir / "journal.sqlite3")) as con:
        assert con.execute("SELECT count(*) FROM medications").fetchone()[0] > 0
