"""Opening a journal file safely.

- A journal made by a newer version is refused without writing a byte (the stored revision is
  read with plain ``sqlite3``, read-only; Alembic is imported only when an upgrade is due).
- The file is backed up before any migration; a migration runs in one transaction that the code
  begins itself, with foreign keys off on the raw connection and ``PRAGMA foreign_key_check``
  before the commit, so a failure leaves the file exactly as it was.
- A new journal is built in a temporary file and renamed into place: a half-made journal is never
  left behind.
- Every connection: WAL, ``synchronous=FULL``, foreign keys on, a busy timeout.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from tracker.domain.timeutil import OutOfRangeError
from tracker.os_files import private_dir, private_file
from tracker.storage import cipher
from tracker.storage.engines import sqlite_engine
from tracker.storage.errors import (
    DamagedJournalError,
    JournalError,
    NewerJournalError,
    StorageWriteError,
)
from tracker.storage.journal_file import (
    BUSY_TIMEOUT_MS,
    JOURNAL_NAME,
    MIGRATIONS,
    known_revisions,
    read_mode,
)
from tracker.storage.migration import migrate as migrate

BACKUP_DIR_NAME = "backups"
# the example journal's own data folder, inside the person's (removed with all their data)
EXAMPLE_DIR_NAME = "example"


def secure_file(path: Path) -> None:
    if path.exists():
        private_file(path)


def stored_revision(path: Path) -> str | None:
    """The schema revision of an existing journal, read without writing anything.

    ``immutable=1`` when there is no ``-wal`` file, so SQLite creates no ``-shm`` either;
    with a ``-wal`` file (a crash before the last checkpoint) a plain read-only open sees it.
    """
    size = path.stat().st_size
    if size == 0:
        raise DamagedJournalError(f"The journal file {path} is empty (0 bytes).")
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        with contextlib.closing(cipher.connect(path, flags)) as con:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                raise DamagedJournalError(f"The file {path} is not a Spine Journal journal.")
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except cipher.DatabaseError as error:
        raise DamagedJournalError(
            f"The journal file {path} is damaged or is not a journal ({error})."
        ) from None
    return None if row is None else str(row[0])


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """Connections are kept open between units of work (one is enough for a window): opening
    one and setting its pragmas costs more than a whole save. ``close`` disposes of them."""
    engine = sqlite_engine(path, poolclass=QueuePool, pool_size=1, max_overflow=4)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def sqlite_backup(source: Path, destination: Path) -> None:
    """Copy a live journal with SQLite's online backup API into a 0600 file."""
    private_dir(destination.parent)
    partial = destination.with_name(destination.name + ".partial")
    with (
        contextlib.closing(cipher.connect(source, "mode=ro")) as src,
        contextlib.closing(cipher.connect(partial, key=cipher.file_key(source))) as dst,
    ):
        src.backup(dst)
    private_file(partial)
    os.replace(partial, destination)


class StoredOutOfRangeError(JournalError):
    """A stored date or time outside the journal's days (only an older version stored one)."""


@dataclass
class JournalDatabase:
    """An open journal: the file, its engine and a Session factory (one per unit of work)."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def backup_dir(self) -> Path:
        return self.path.parent / BACKUP_DIR_NAME

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One Session for one user action: committed whole, or rolled back whole."""
        with self.sessions() as session:
            try:
                with session.begin():
                    yield session
            except OperationalError as error:
                raise translate_operational_error(error, self.path) from error
            except OutOfRangeError as error:  # read back from a row an older version stored
                raise StoredOutOfRangeError(
                    f"The journal holds a record dated outside 1900-01-01 to 2199-12-31 "
                    f"({error}), which an earlier version let an import store: restore the "
                    "backup made before that import (`spine-journal restore --list` shows them)."
                ) from None

    def close(self) -> None:
        self.engine.dispose()


ChangeMark = tuple[object, int, int]


def change_mark(session: Session) -> ChangeMark:
    """A value that is different once anything in the journal has changed, for caches of what
    was read from it: a token of the connection in use, the rows that connection has changed
    since it opened (SQLite's ``total_changes``; rolled-back changes count too, which only costs
    a needless re-read), and SQLite's ``data_version``, which moves when another connection
    commits. A new connection (after ``close()``, say) has a new token."""
    proxied = session.connection().connection
    raw = proxied.dbapi_connection
    assert raw is not None
    token = proxied.info.setdefault("change_token", object())
    (data_version,) = raw.execute("PRAGMA data_version").fetchone()
    return token, raw.total_changes, int(data_version)


def translate_operational_error(error: OperationalError, path: Path) -> JournalError:
    text = str(error.orig).lower()
    if "full" in text:
        return StorageWriteError(
            "The disk is full, so nothing was saved. Free some space and try again."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageWriteError(
            f"The journal folder {path.parent} cannot be written to, so nothing was saved."
        )
    if "locked" in text or "busy" in text:
        return StorageWriteError(
            "The journal is busy in another program, so nothing was saved. Try again in a moment."
        )
    # RLIMIT_FSIZE (EFBIG) and, for a new -shm, a full disk come back as these I/O errors
    code = getattr(error.orig, "sqlite_errorcode", None)
    if code in (sqlite3.SQLITE_IOERR_WRITE, sqlite3.SQLITE_IOERR_SHMSIZE):
        return StorageWriteError(
            "The disk is full or cannot be written, so nothing was saved. "
            "Free some space and try again."
        )
    if "disk i/o" in text:
        return StorageWriteError("The disk reported an error, so nothing was saved.")
    return StorageWriteError(f"The journal could not be written ({error.orig}).")


def _create_new(path: Path, script_location: Path) -> None:
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}")
    for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
        leftover.unlink(missing_ok=True)
    try:
        migrate(temporary, script_location)
        with contextlib.closing(cipher.connect(temporary)) as con:
            con.execute("PRAGMA journal_mode=WAL")
        private_file(temporary)
        os.replace(temporary, path)
    except cipher.OperationalError as error:
        raise StorageWriteError(
            f"A new journal could not be created in {path.parent} ({error})."
        ) from None
    finally:
        temporary.unlink(missing_ok=True)


def open_journal(data_dir: Path, script_location: Path = MIGRATIONS) -> JournalDatabase:
    """Open (creating or upgrading as needed) the journal in ``data_dir``."""
    try:
        private_dir(data_dir)
    except OSError as error:
        raise StorageWriteError(
            f"The journal folder {data_dir} cannot be created ({error.strerror})."
        ) from None
    path = data_dir / JOURNAL_NAME
    if not path.exists():
        _create_new(path, script_location)
    upgrade_if_needed(path, script_location)
    secure_file(path)
    engine = make_engine(path)
    return JournalDatabase(path, engine, sessionmaker(engine, expire_on_commit=False))


def open_journal_read_only(data_dir: Path) -> JournalDatabase:
    """The journal in a folder that cannot be written to, for reading only: nothing is
    created, upgraded or changed; a write fails as "cannot be written to"."""
    path = data_dir / JOURNAL_NAME
    if not path.exists():
        raise StorageWriteError(
            f"There is no journal in {data_dir}, and the folder cannot be written to."
        )
    if stored_revision(path) != known_revisions(MIGRATIONS)[-1]:
        raise StorageWriteError(
            f"The journal in {data_dir} needs an upgrade, and its folder cannot be written to."
        )
    query = read_mode(path) or "mode=ro"
    engine = sqlite_engine(path, query, poolclass=QueuePool, pool_size=1)
    event.listen(engine, "connect", _read_pragmas)
    return JournalDatabase(path, engine, sessionmaker(engine, expire_on_commit=False))


def _read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    dbapi_connection.execute("PRAGMA query_only=1")


def upgrade_if_needed(path: Path, script_location: Path = MIGRATIONS) -> None:
    revisions = known_revisions(script_location)
    current = stored_revision(path)
    if current is not None and current not in revisions:
        raise NewerJournalError(
            f"This journal was made by a newer version of Spine Journal (schema {current}; "
            f"this version knows up to {revisions[-1]}). Nothing was changed: "
            "please update Spine Journal to open it."
        )
    if current == revisions[-1]:
        return
    # imported when an upgrade is due, as Alembic is (no cycle: backups never imports this)
    from tracker.storage.backups import make_backup

    # verified (integrity check, counts equal to the journal's) before the upgrade starts
    tag = f"before-upgrade-{current or 'empty'}"
    make_backup(path, path.parent / BACKUP_DIR_NAME, now=datetime.now(), tag=tag)
    migrate(path, script_location)
