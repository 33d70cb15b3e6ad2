"""An encrypted journal: SQLCipher through ``sqlcipher3``, a key derived with Argon2id.

The key is derived from the passphrase and a random salt kept beside the journal
(``journal.salt``, user-only) and given to SQLCipher as a raw key, so that opening does not
also pay SQLCipher's own key stretching. The key is held in this process only, for the
journal's folder (``remember``), until ``forget`` drops it: never written anywhere. Python
cannot promise to wipe it from memory.

Every connection of ``tracker.storage`` goes through ``connect``: a file that starts with
SQLite's header is plain and opened with the standard library; any other (or a new file in a
folder whose key is held) with SQLCipher and the key. So a plain journal works as before, and
the errors of both modules are caught through ``Error``, ``DatabaseError`` and
``OperationalError`` here.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from pathlib import Path
from typing import Any, Final, cast

import sqlcipher3

from tracker.os_files import private_file, sync_dir
from tracker.storage.errors import JournalError

SQLITE_HEADER = b"SQLite format 3\x00"
SALT_NAME = "journal.salt"
SALT_BYTES = 16
PAGE_BYTES = 4096  # SQLCipher 4's page size
KEY_BYTES = 32
# Argon2id, at least the floor: 3 passes over 64 MiB with 4 lanes
TIME_COST, MEMORY_KIB, PARALLELISM = 3, 64 * 1024, 4

Error: Final = (sqlite3.Error, sqlcipher3.Error)
DatabaseError: Final = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
OperationalError: Final = (sqlite3.OperationalError, sqlcipher3.OperationalError)
MODULE: Final[Any] = sqlcipher3.dbapi2

_keys: dict[Path, bytes] = {}


class PassphraseError(JournalError):
    """A passphrase that is wrong, empty, missing or not wanted: nothing was changed."""


def derive_key(passphrase: str, salt: bytes) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    if not passphrase:
        raise PassphraseError("The passphrase is empty; nothing was changed.")
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=TIME_COST,
        memory_cost=MEMORY_KIB,
        parallelism=PARALLELISM,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def salt_path(folder: Path) -> Path:
    return folder / SALT_NAME


def read_salt(folder: Path) -> bytes:
    try:
        salt = salt_path(folder).read_bytes()
    except FileNotFoundError:
        raise PassphraseError(
            f"The journal in {folder} is encrypted but its salt file {SALT_NAME} is missing, "
            "so it cannot be opened; nothing was changed."
        ) from None
    if len(salt) != SALT_BYTES:
        raise PassphraseError(f"The salt file {salt_path(folder)} is damaged; nothing was changed.")
    return salt


def write_new_salt(path: Path) -> bytes:
    """A new random salt in ``path``, user-only from its first byte, written atomically."""
    salt = secrets.token_bytes(SALT_BYTES)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    descriptor = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(salt)
        stream.flush()
        os.fsync(stream.fileno())
    private_file(partial)
    os.replace(partial, path)
    sync_dir(path.parent)
    return salt


def is_encrypted(path: Path) -> bool:
    """A journal file that exists, is not empty and does not start with SQLite's header."""
    try:
        with path.open("rb") as stream:
            head = stream.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != SQLITE_HEADER


def looks_protected(path: Path) -> bool:
    """Whether the journal at ``path`` is to be opened with a passphrase: not plain, and either
    its salt is there or its size is whole SQLCipher pages (a missing salt is then said as
    such); any other file without SQLite's header is damage, handled as such."""
    if not is_encrypted(path):
        return False
    return salt_path(path.parent).exists() or path.stat().st_size % PAGE_BYTES == 0


def remember(folder: Path, key: bytes) -> None:
    _keys[folder.resolve()] = key


def forget(folder: Path) -> None:
    _keys.pop(folder.resolve(), None)


def held_key(path: Path) -> bytes | None:
    """The key held for ``path`` or for a folder it is in (a backup is in the journal's)."""
    resolved = path.resolve()
    for candidate in (resolved, *resolved.parents):
        if candidate in _keys:
            return _keys[candidate]
    return None


def file_key(path: Path) -> bytes | None:
    """The key ``connect`` uses for ``path`` unless told: the held one for an encrypted file
    or a new (missing or empty) one, so that a journal started in a folder whose key is held
    is encrypted too; none for a plain file. A copy is given its source's key by its maker."""
    try:
        if path.stat().st_size > 0 and not is_encrypted(path):
            return None
    except FileNotFoundError:
        pass
    return held_key(path)


class _Auto:
    pass


AUTO: Final = _Auto()


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(
    path: Path, query: str = "", *, key: bytes | _Auto | None = AUTO, **kwargs: Any
) -> sqlite3.Connection:
    """A connection to ``path`` (``query``: URI parameters such as ``mode=ro``). With a key,
    SQLCipher's; it has the same methods as ``sqlite3.Connection``."""
    chosen = file_key(path) if isinstance(key, _Auto) else key
    target: str | Path = f"{path.resolve().as_uri()}?{query}" if query else path
    if query:
        kwargs["uri"] = True
    if chosen is None:
        return cast(sqlite3.Connection, sqlite3.connect(target, **kwargs))
    con = sqlcipher3.connect(str(target), **kwargs)
    con.execute("PRAGMA cipher_log_level = NONE")
    con.execute(key_pragma(chosen))
    return cast(sqlite3.Connection, con)


def not_a_database(error: Exception) -> bool:
    """SQLITE_NOTADB: what SQLCipher says of a file its key does not open."""
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) == sqlite3.SQLITE_NOTADB


def page_failed(error: Exception) -> bool:
    """A page whose authentication code does not match (changed on disk): SQLCipher reports it
    as SQLITE_ERROR with SQLite's bare text for that code, which a mistake in a statement
    never has (it names what is wrong)."""
    return (
        isinstance(error, sqlcipher3.DatabaseError)
        and getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_ERROR
        and str(error) == "SQL logic error"
    )


def reason(error: Exception) -> str:
    """SQLite's words for ``error``; a page that fails its check is said as damage."""
    return "database disk image is malformed" if page_failed(error) else str(error)


def row_class(con: sqlite3.Connection) -> Any:
    """The ``Row`` class of the module ``con`` comes from (each accepts only its own)."""
    return sqlcipher3.Row if isinstance(con, sqlcipher3.Connection) else sqlite3.Row


def check_key(path: Path, key: bytes) -> None:
    """``PassphraseError`` unless ``key`` opens the journal at ``path``; nothing is written."""
    query = "mode=ro" if path.with_name(path.name + "-wal").exists() else "mode=ro&immutable=1"
    try:
        con = connect(path, query, key=key)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except DatabaseError:
        raise PassphraseError(
            "The passphrase does not open this journal; nothing was changed."
        ) from None


def unlock(folder: Path, journal: Path, passphrase: str) -> bytes:
    """Derive the key of the encrypted ``journal``, check that it opens it, and hold it."""
    key = derive_key(passphrase, read_salt(folder))
    check_key(journal, key)
    remember(folder, key)
    return key
