"""Encrypting, re-keying and decrypting a journal file and its backups, crash-safely.

No connection may be open on the journal (the caller disposes its engine first): SQLCipher
must never rekey a file another connection is using. Each change follows the same steps:

1. ``checkpoint``: the -wal is copied into the file and truncated (``wal_checkpoint(TRUNCATE)``).
2. ``backup``: a verified backup of the journal as it is.
3. ``salt``: when a journal is first protected, a new random salt is written beside it. A
   change keeps the salt (the new key comes from the new passphrase), so that the journal
   always opens with the salt on disk, whichever of the two files a crash left.
4. ``export``: ``sqlcipher_export`` writes a copy with the new key (or none) to a temporary
   file, which is then checked: ``integrity_check`` and the count of every list.
5. ``replace``: the copy is renamed over the journal (one atomic rename; the old -wal and -shm,
   empty after the checkpoint, are removed first so that SQLite cannot replay them).
6. ``backups``: each backup is exported the same way, checked and renamed over itself.
7. ``unsalt``: after a removal, the salt file goes.

A crash before 5 leaves the old journal and its backups; after 5, the new journal. A crash
during 6 leaves some backups with the old key (or plain): ``restore`` asks for the passphrase
of a backup, so nothing is lost. ``SPINE_JOURNAL_TEST_STOP_AT=<step>`` (tests only) makes the
process print the step's name and wait to be killed there.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import sqlcipher3

from tracker.os_files import private_file, sync_dir
from tracker.storage import cipher
from tracker.storage.backup_files import BackupError, list_counts, parse_name
from tracker.storage.backups import make_backup
from tracker.storage.journal_file import sidecars

STOP_VARIABLE = "SPINE_JOURNAL_TEST_STOP_AT"
STEPS = ("checkpoint", "backup", "salt", "export", "replace", "backups", "unsalt")


def _step(name: str) -> None:
    """Where a test may stop the process (``STOP_VARIABLE``): it prints the step and waits."""
    if os.environ.get(STOP_VARIABLE) == name:
        print(f"step {name}", flush=True)
        while True:
            time.sleep(1)


def _raw(path: Path, key: bytes | None, *, uri_query: str = "") -> sqlite3.Connection:
    """A SQLCipher connection (which has ``sqlcipher_export``) with ``key`` or none."""
    target = f"{path.resolve().as_uri()}?{uri_query}" if uri_query else str(path)
    con = sqlcipher3.connect(target, uri=bool(uri_query))
    con.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        con.execute(cipher.key_pragma(key))
    return cast(sqlite3.Connection, con)


def checkpoint(path: Path, key: bytes | None) -> None:
    with contextlib.closing(_raw(path, key)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def _counts(con: sqlite3.Connection) -> dict[str, int]:
    return list_counts(con)


def export_copy(source: Path, target: Path, old: bytes | None, new: bytes | None) -> None:
    """``source`` (opened with ``old``) written to ``target`` with ``new`` and checked."""
    for leftover in (target, *sidecars(target)):
        leftover.unlink(missing_ok=True)
    key_text = "" if new is None else f"x'{new.hex()}'"
    with contextlib.closing(_raw(source, old)) as con:
        counts = _counts(con)
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        con.execute("ATTACH DATABASE ? AS target KEY ?", (str(target), key_text))
        con.execute("SELECT sqlcipher_export('target')").fetchall()
        con.execute("DETACH DATABASE target")
    with contextlib.closing(_raw(target, new)) as copy:
        copy.execute("PRAGMA journal_mode=WAL").fetchall()
        found = [str(row[0]) for row in copy.execute("PRAGMA integrity_check")]
        if found != ["ok"] or _counts(copy) != counts:
            raise BackupError(f"The new copy of {source.name} did not verify; nothing was changed.")
        copy.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    private_file(target)


def _put_in_place(copy: Path, path: Path) -> None:
    for stale in sidecars(path):
        stale.unlink(missing_ok=True)
    os.replace(copy, path)
    sync_dir(path.parent)


def _opens_with(path: Path, key: bytes | None) -> bool:
    try:
        with contextlib.closing(_raw(path, key, uri_query="mode=ro&immutable=1")) as con:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False


def convert_backups(backup_dir: Path, old: bytes | None, new: bytes | None) -> list[Path]:
    """Every backup exported with ``new``; one that does not open with ``old`` (damaged, or
    already converted) is left as it is. Returns the backups converted."""
    converted: list[Path] = []
    if not backup_dir.is_dir():
        return converted
    for path in sorted(backup_dir.iterdir()):
        if parse_name(path.name) is None or not path.is_file():
            continue
        if not _opens_with(path, old):
            continue
        copy = path.with_name(path.name + ".partial")
        try:
            export_copy(path, copy, old, new)
            _put_in_place(copy, path)
        finally:
            copy.unlink(missing_ok=True)
        converted.append(path)
    return converted


def change_key(
    journal: Path,
    old: bytes | None,
    new: Callable[[bytes], bytes] | None,
    *,
    now: datetime,
    backup_dir: Path,
) -> bytes | None:
    """Re-encrypt ``journal`` (opened with ``old``; ``None``: plain) with the key ``new``
    derives from the salt (``None``: plain). Returns the new key. See the module's steps."""
    folder = journal.parent
    _step("checkpoint")
    checkpoint(journal, old)
    _step("backup")
    make_backup(journal, backup_dir, now=now, tag="before-passphrase")
    _step("salt")
    salt_file = cipher.salt_path(folder)
    if new is None:
        key = None
    else:
        salt = cipher.write_new_salt(salt_file) if old is None else cipher.read_salt(folder)
        key = new(salt)
    _step("export")
    copy = journal.with_name(f".{journal.name}.passphrase-{os.getpid()}")
    try:
        export_copy(journal, copy, old, key)
        _step("replace")
        _put_in_place(copy, journal)
    finally:
        for leftover in (copy, *sidecars(copy)):
            leftover.unlink(missing_ok=True)
    _step("backups")
    convert_backups(backup_dir, old, key)
    _step("unsalt")
    if key is None:
        salt_file.unlink(missing_ok=True)
        sync_dir(folder)
    return key


def describe_failure(error: Any) -> str:
    """One sentence for an error of SQLite or of the disk during a change of key."""
    detail = error.strerror if isinstance(error, OSError) else str(error)
    return f"The journal could not be re-encrypted ({detail}); nothing was changed."
