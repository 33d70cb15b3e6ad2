"""Encrypting, re-keying and decrypting a journal file and its backups, crash-safely.

No connection may be open on the journal (the caller disposes its engine first): SQLCipher
must never rekey a file another connection is using. Each change follows the same steps
(``STEPS``):

1. ``checkpoint``: the -wal is copied into the file and truncated (``wal_checkpoint(TRUNCATE)``).
2. ``backup``: a verified backup of the journal as it is.
3. ``record``: the change is recorded beside the journal (``tracker.storage.conversion``).
4. ``salt``: when a journal is first protected, a new random salt is written beside it. A
   change keeps the salt (the new key comes from the new passphrase), so that the journal
   always opens with the salt on disk, whichever of the two files a crash left.
5. ``export``: ``sqlcipher_export`` writes a copy with the new key (or none) beside the
   journal, which is then checked: ``integrity_check`` and the count of every list.
6. ``backups``: each backup the old key opens is copied the same way, beside itself.
7. ``commit``: every copy synced to the disk, the record says ``commit``: from here on the
   change is finished, by this process or by the next open (``conversion.settle``).
8. ``replace-backups``, ``replace``: the copies renamed over the backups, then the journal
   (each one atomic rename; the stop for tests is after the first backup).
9. ``unsalt``: after a removal, the salt file goes; then the record.

A crash before 7 leaves the journal and its backups as they were, and the next open removes
the copies (and a new salt); after it, the next open renames what is left into place. So a
crash at any step leaves one journal that opens, nothing lost, and once the next open has
settled it, no mix: after a removal no encrypted backup nor salt, after a change every backup
opens with the new passphrase. ``SPINE_JOURNAL_TEST_STOP_AT=<step>`` (tests only) makes the
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
from typing import Any, NamedTuple, cast

import sqlcipher3

from tracker.os_files import private_file
from tracker.storage import cipher, conversion
from tracker.storage.backup_files import BackupError, list_counts, parse_name
from tracker.storage.backups import make_backup
from tracker.storage.conversion import Conversion, copy_of
from tracker.storage.errors import StorageWriteError
from tracker.storage.journal_file import sidecars

STOP_VARIABLE = "SPINE_JOURNAL_TEST_STOP_AT"
STEPS = (
    "checkpoint",
    "backup",
    "record",
    "salt",
    "export",
    "backups",
    "commit",
    "replace-backups",
    "replace",
    "unsalt",
)


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


def export_copy(source: Path, target: Path, old: bytes | None, new: bytes | None) -> None:
    """``source`` (opened with ``old``) written to ``target`` with ``new`` and checked."""
    for leftover in (target, *sidecars(target)):
        leftover.unlink(missing_ok=True)
    key_text = "" if new is None else f"x'{new.hex()}'"
    with contextlib.closing(_raw(source, old)) as con:
        counts = list_counts(con)
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        con.execute("ATTACH DATABASE ? AS target KEY ?", (str(target), key_text))
        con.execute("SELECT sqlcipher_export('target')").fetchall()
        con.execute("DETACH DATABASE target")
    with contextlib.closing(_raw(target, new)) as copy:
        copy.execute("PRAGMA journal_mode=WAL").fetchall()
        found = [str(row[0]) for row in copy.execute("PRAGMA integrity_check")]
        if found != ["ok"] or list_counts(copy) != counts:
            raise BackupError(f"The new copy of {source.name} did not verify; nothing was changed.")
        copy.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    private_file(target)


def _opens_with(path: Path, key: bytes | None) -> bool:
    try:
        with contextlib.closing(_raw(path, key, uri_query="mode=ro&immutable=1")) as con:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False


def copy_backups(
    backup_dir: Path, old: bytes | None, new: bytes | None
) -> tuple[list[Path], list[str]]:
    """A checked copy with ``new`` beside every backup that ``old`` opens. Returns the backups
    copied, and the names of those it does not open (damaged, or made with another key), which
    are left as they are."""
    copied: list[Path] = []
    left: list[str] = []
    if not backup_dir.is_dir():
        return copied, left
    for path in sorted(backup_dir.iterdir()):
        if parse_name(path.name) is None or not path.is_file():
            continue
        if not _opens_with(path, old):
            left.append(path.name)
            continue
        export_copy(path, copy_of(path), old, new)
        copied.append(path)
    return copied, left


def _commit(journal: Path, copied: list[Path], change: str) -> Conversion:
    """Every copy synced to the disk, then the record that says the change is to be finished."""
    folder = journal.parent
    pairs = [(copy_of(path), path) for path in copied]
    for copy, _target in pairs:
        conversion.fsync_file(copy)
    conversion.fsync_file(copy_of(journal))
    moves = tuple(
        (str(copy.relative_to(folder)), str(target.relative_to(folder)))
        for copy, target in [*pairs, (copy_of(journal), journal)]
    )
    done = Conversion(change, "commit", moves)
    conversion.write_record(folder, done)
    return done


def _finish(folder: Path, done: Conversion) -> None:
    """The copies renamed into place: the backups first, the journal last."""
    for index, (copy_name, target_name) in enumerate(done.moves[:-1]):
        if index == 1:
            _step("replace-backups")
        conversion.put_in_place(folder / copy_name, folder / target_name)
    _step("replace")
    copy_name, target_name = done.moves[-1]
    conversion.put_in_place(folder / copy_name, folder / target_name)
    _step("unsalt")
    conversion.finish(folder, done)


class KeyChanged(NamedTuple):
    key: bytes | None  # the journal's key now (``None``: plain)
    left: list[str]  # the backups the old key did not open, left as they were


def change_key(
    journal: Path,
    old: bytes | None,
    new: Callable[[bytes], bytes] | None,
    *,
    now: datetime,
    backup_dir: Path,
) -> KeyChanged:
    """Re-encrypt ``journal`` (opened with ``old``; ``None``: plain) and its backups with the
    key ``new`` derives from the salt (``None``: plain). Returns the new key and the backups
    left as they were. See the module's steps. A failure before the commit undoes the change
    (``StorageWriteError``: nothing was changed); one after it leaves the record, and the next
    open finishes the change."""
    folder = journal.parent
    change = "protect" if old is None else "remove" if new is None else "change"
    try:
        conversion.settle(folder, backup_dir)  # one a crash left: finished or undone first
        _step("checkpoint")
        checkpoint(journal, old)
    except (OSError, *cipher.Error) as error:
        raise StorageWriteError(describe_failure(error)) from None
    _step("backup")
    make_backup(journal, backup_dir, now=now, tag="before-passphrase")
    _step("record")
    started = Conversion(change)
    try:
        conversion.write_record(folder, started)
        key, left, done = _prepare(journal, old, new, backup_dir, change)
    except Exception as error:  # undone now; a process that dies here leaves it to the next open
        with contextlib.suppress(OSError):
            conversion.undo(folder, started, backup_dir)
        if isinstance(error, (OSError, *cipher.Error)):
            raise StorageWriteError(describe_failure(error)) from None
        raise
    try:
        _finish(folder, done)
    except OSError as error:
        raise StorageWriteError(
            f"The journal's new copies are ready but could not all be put in place "
            f"({error.strerror}); this is finished the next time the journal opens."
        ) from None
    return KeyChanged(key, left)


def _prepare(
    journal: Path,
    old: bytes | None,
    new: Callable[[bytes], bytes] | None,
    backup_dir: Path,
    change: str,
) -> tuple[bytes | None, list[str], Conversion]:
    """Steps 4 to 7: the salt, the checked copies, the commit. Returns the key, the backups
    left as they were and the record."""
    folder = journal.parent
    _step("salt")
    if new is None:
        key = None
    else:
        salt_file = cipher.salt_path(folder)
        salt = cipher.write_new_salt(salt_file) if old is None else cipher.read_salt(folder)
        key = new(salt)
    _step("export")
    export_copy(journal, copy_of(journal), old, key)
    _step("backups")
    copied, left = copy_backups(backup_dir, old, key)
    _step("commit")
    return key, left, _commit(journal, copied, change)


def describe_failure(error: Any) -> str:
    """One sentence for an error of SQLite or of the disk during a change of key."""
    detail = error.strerror if isinstance(error, OSError) else cipher.reason(error)
    return f"The journal could not be re-encrypted ({detail}); nothing was changed."
