"""The key of an encrypted journal: Argon2id from the passphrase and the salt beside it."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from tracker.storage import cipher


def test_the_key_depends_on_the_passphrase_and_the_salt(tmp_path: Path) -> None:
    salt = cipher.write_new_salt(tmp_path / cipher.SALT_NAME)
    assert len(salt) == cipher.SALT_BYTES and cipher.read_salt(tmp_path) == salt
    key = cipher.derive_key("correct horse", salt)
    assert len(key) == cipher.KEY_BYTES
    assert cipher.derive_key("correct horse", salt) == key
    assert cipher.derive_key("correct horsE", salt) != key
    assert cipher.derive_key("correct horse", bytes(cipher.SALT_BYTES)) != key
    assert (cipher.TIME_COST, cipher.MEMORY_KIB, cipher.PARALLELISM) >= (3, 65536, 4)


def test_an_empty_passphrase_and_a_missing_salt_are_refused(tmp_path: Path) -> None:
    with pytest.raises(cipher.PassphraseError, match="empty"):
        cipher.derive_key("", bytes(cipher.SALT_BYTES))
    with pytest.raises(cipher.PassphraseError, match="salt file"):
        cipher.read_salt(tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no file modes")
def test_the_salt_file_is_the_users_alone(tmp_path: Path) -> None:
    cipher.write_new_salt(tmp_path / cipher.SALT_NAME)
    mode = stat.S_IMODE(os.stat(tmp_path / cipher.SALT_NAME).st_mode)
    assert mode == 0o600


def test_once_the_key_is_dropped_no_connection_opens(tmp_path: Path) -> None:
    """The lock's promise: after ``forget`` even an engine that was kept opens nothing."""
    from tracker.services.passphrase import PassphraseService
    from tracker.storage.database import open_journal

    folder = tmp_path / "data"
    open_journal(folder).close()
    service = PassphraseService(folder)
    service.protect("a passphrase")
    db = open_journal(folder)
    try:
        db.engine.dispose()
        service.lock()
        with pytest.raises(cipher.PassphraseError, match="locked"), db.unit_of_work() as session:
            session.connection()
        service.unlock("a passphrase")
        with db.unit_of_work() as session:
            session.connection()
    finally:
        db.close()
        service.lock()


def test_a_key_dropped_during_the_start_up_check_is_never_taken_for_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock may drop the key between the check's look at the file (with the key) and its
    connection: the journal is then said to need its passphrase, never moved aside."""
    from tracker.services.backups import BackupService
    from tracker.services.passphrase import PassphraseService
    from tracker.storage import journal_file
    from tracker.storage.database import open_journal

    folder = tmp_path / "data"
    open_journal(folder).close()
    service = PassphraseService(folder)
    service.protect("a passphrase")
    connect = journal_file.live_connection

    def locked_meanwhile(path: Path) -> object:
        service.lock()
        return connect(path)

    monkeypatch.setattr(journal_file, "live_connection", locked_meanwhile)
    try:
        with pytest.raises(cipher.PassphraseError, match="passphrase is needed"):
            BackupService(folder).check_on_start()
        assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [
            "journal.salt",
            "journal.sqlite3",
        ]
        assert cipher.looks_protected(folder / "journal.sqlite3")
    finally:
        service.lock()
