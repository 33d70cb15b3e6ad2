"""A change of passphrase cut off part-way (tracker.storage.conversion): the next open finishes
one that was committed and undoes one that was not, with no key. The process is stopped at a
step by an exception no code catches before the test (the SIGKILL test of each step is
tests/cli/test_passphrase_cli.py); then the window start's ``settle_on_start`` runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tracker.services.journal import JournalService
from tracker.services.passphrase import PassphraseService
from tracker.storage import cipher, conversion, encryption
from tracker.storage.backup_files import BackupError, list_counts
from tracker.storage.cipher import SALT_NAME, SQLITE_HEADER
from tracker.storage.database import open_journal
from tracker.storage.journal_file import JOURNAL_NAME

PASSPHRASE = "a passphrase"


class Killed(BaseException):
    """Where the process would have died."""


def stop_at(monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    def step_or_die(name: str) -> None:
        if name == step:
            raise Killed(name)

    monkeypatch.setattr(encryption, "_step", step_or_die)


def files(folder: Path) -> list[Path]:
    return [folder / JOURNAL_NAME, *sorted((folder / "backups").iterdir())]


def entries(folder: Path) -> int:
    db = open_journal(folder)
    try:
        return len(JournalService(db).entries())
    finally:
        db.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    from datetime import UTC, datetime

    from tracker.domain.model import Entry, Pain

    data = tmp_path / "data"
    db = open_journal(data)
    try:
        JournalService(db).save_entry(
            Entry(recorded_at=datetime(2026, 5, 1, tzinfo=UTC), pain=Pain(score=3))
        )
    finally:
        db.close()
    return data


def test_a_removal_cut_off_after_its_commit_is_finished(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = PassphraseService(folder)
    service.protect(PASSPHRASE)
    stop_at(monkeypatch, "replace")  # backups plain already, the journal not yet
    with pytest.raises(Killed):
        service.remove(PASSPHRASE)
    cipher.forget(folder)  # a new process holds no key
    assert cipher.is_encrypted(folder / JOURNAL_NAME) and (folder / SALT_NAME).exists()
    assert conversion.interrupted(folder)
    conversion.settle_on_start(folder)
    assert not conversion.interrupted(folder) and not (folder / SALT_NAME).exists()
    assert all(path.read_bytes().startswith(SQLITE_HEADER) for path in files(folder))
    assert not [p for p in folder.rglob("*") if conversion.COPY_SUFFIX in p.name]
    assert entries(folder) == 1


def test_a_protection_cut_off_before_its_commit_is_undone(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (folder / JOURNAL_NAME).read_bytes()
    stop_at(monkeypatch, "commit")  # every copy written, none in place
    with pytest.raises(Killed):
        PassphraseService(folder).protect(PASSPHRASE)
    cipher.forget(folder)
    assert (folder / SALT_NAME).exists()
    assert [p for p in folder.rglob("*") if conversion.COPY_SUFFIX in p.name]
    conversion.settle_on_start(folder)
    assert not conversion.interrupted(folder) and not (folder / SALT_NAME).exists()
    assert not [p for p in folder.rglob("*") if conversion.COPY_SUFFIX in p.name]
    assert (folder / JOURNAL_NAME).read_bytes() == before
    assert all(path.read_bytes().startswith(SQLITE_HEADER) for path in files(folder))
    assert entries(folder) == 1


def test_a_change_that_fails_before_its_commit_changes_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a crash: a copy that does not verify. The change is undone at once."""
    service = PassphraseService(folder)
    service.protect(PASSPHRASE)
    journal = (folder / JOURNAL_NAME).read_bytes()
    calls: list[sqlite3.Connection] = []

    def miscounted(con: sqlite3.Connection) -> dict[str, int]:
        calls.append(con)
        counts = list_counts(con)
        return {**counts, "entries": counts["entries"] + 1} if len(calls) == 2 else counts

    monkeypatch.setattr(encryption, "list_counts", miscounted)
    with pytest.raises(BackupError, match="did not verify"):
        service.change(PASSPHRASE, "another passphrase")
    assert not conversion.interrupted(folder)
    assert not [p for p in folder.rglob("*") if conversion.COPY_SUFFIX in p.name]
    assert (folder / JOURNAL_NAME).read_bytes() == journal
    cipher.forget(folder)
    service.unlock(PASSPHRASE)
    assert entries(folder) == 1
    cipher.forget(folder)


def test_the_windows_start_finishes_a_removal_before_it_asks_anything(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window as a person starts it (``--smoke-test`` closes it once the journal is ready):
    a removal cut off after its commit is finished first, so the plain journal opens without
    a passphrase being asked (an encrypted one would wait for it, and the start fail)."""
    from tests.conftest import run_cli

    service = PassphraseService(folder)
    service.protect(PASSPHRASE)
    stop_at(monkeypatch, "replace-backups")  # one backup plain, the others and the journal not
    with pytest.raises(Killed):
        service.remove(PASSPHRASE)
    cipher.forget(folder)
    assert cipher.is_encrypted(folder / JOURNAL_NAME)
    result = run_cli("--smoke-test", data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert not conversion.interrupted(folder) and not (folder / SALT_NAME).exists()
    assert all(path.read_bytes().startswith(SQLITE_HEADER) for path in files(folder))
    assert entries(folder) == 1
