"""The schema check behind the opening check, restore without a verified copy of the journal it
replaces, and telling whether the process that left a file is still running (each OS branch)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

from tracker.services.backups import BackupService
from tracker.storage import backups as storage_backups
from tracker.storage import leftovers
from tracker.storage.backups import BackupError
from tracker.storage.database import migrate, open_journal
from tracker.storage.journal_file import head_revision
from tracker.storage.schema_check import actual_schema, expected_schema, schema_problem

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def problem_of(path: Path) -> str | None:
    with contextlib.closing(sqlite3.connect(path)) as con:
        return schema_problem(con)


def test_the_models_schema_is_the_one_the_migrations_create(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    migrate(path)
    with contextlib.closing(sqlite3.connect(path)) as con:
        assert actual_schema(con) == expected_schema(head_revision())
        assert schema_problem(con) is None


def test_an_old_revision_is_compared_with_its_own_schema(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "journal-schema-0001.sqlite3", old)
    assert problem_of(old) is None  # lacks a column of the newest revision, as 0001 did
    assert expected_schema("0001") != expected_schema(head_revision())
    with contextlib.closing(sqlite3.connect(old)) as con:
        con.execute("ALTER TABLE alerts ADD COLUMN interrupted BOOLEAN")  # 0002's, not 0001's
        con.commit()
    assert problem_of(old) == "the columns of its table alerts are not those of its version"


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        ("DROP TABLE appointments", "its table appointments is missing"),
        ("DELETE FROM alembic_version", "the record of which version"),
        ("INSERT INTO alembic_version VALUES ('0001')", "more than one version"),
        ("CREATE TABLE extra (x)", "it has 1 table that its version does not have"),
        ("DROP TABLE alembic_version", "not a Spine Journal journal"),
    ],
)
def test_a_schema_changed_by_hand_is_named(tmp_path: Path, statement: str, problem: str) -> None:
    path = tmp_path / "journal.sqlite3"
    migrate(path)
    with contextlib.closing(sqlite3.connect(path)) as con:
        con.execute(statement)
        con.commit()
    found = problem_of(path)
    assert found is not None and problem in found


def test_a_newer_revision_is_left_to_the_newer_version_check(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    migrate(path)
    with contextlib.closing(sqlite3.connect(path)) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
    assert problem_of(path) is None


def test_restore_keeps_aside_a_journal_whose_backup_does_not_verify(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_journal(data_dir).close()
    service = BackupService(data_dir)
    good = service.backup_now()
    real = storage_backups.make_backup

    def failing(*args: object, **kwargs: object) -> object:
        if kwargs.get("tag") == "before-restore":  # damage the quick check did not see
            raise BackupError("The backup of the journal did not verify: damage.")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(storage_backups, "make_backup", failing)
    result = service.restore()
    assert result.restored.path == good.path
    assert result.previous_was_damaged and result.previous is not None
    assert result.previous.exists() and ".damaged-" in result.previous.name
    assert (data_dir / "journal.sqlite3").exists()


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_process_is_alive_until_it_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert leftovers.process_alive(os.getpid())
    assert not leftovers.process_alive(dead_pid())
    assert not leftovers.process_alive(0)


def fake_kernel32(exit_code: int | None) -> types.SimpleNamespace:
    """OpenProcess fails for ``None``; otherwise GetExitCodeProcess reports ``exit_code``."""
    closed: list[int] = []

    def get_exit_code(_handle: int, pointer: object) -> int:
        pointer._obj.value = exit_code  # type: ignore[attr-defined]
        return 1

    return types.SimpleNamespace(
        OpenProcess=lambda _access, _inherit, _pid: 0 if exit_code is None else 7,
        GetExitCodeProcess=get_exit_code,
        CloseHandle=closed.append,
        closed=closed,
    )


@pytest.mark.parametrize(("exit_code", "alive"), [(259, True), (0, False), (None, False)])
def test_on_windows_the_kernel_is_asked_and_no_signal_is_sent(
    monkeypatch: pytest.MonkeyPatch, exit_code: int | None, alive: bool
) -> None:
    import ctypes

    kernel32 = fake_kernel32(exit_code)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    monkeypatch.setattr(os, "kill", lambda *_: pytest.fail("os.kill would end it on Windows"))
    assert leftovers.process_alive(4242) is alive
    assert kernel32.closed == ([] if exit_code is None else [7])
