"""The journal file as SQLite sees it, with the standard library's ``sqlite3`` only: its
-wal and -shm, the start-up check (``PRAGMA quick_check``), and whether a crash lost commits.

Nothing here imports SQLAlchemy, so the window's start can run the check and list the latest
entries before SQLAlchemy is imported (``tracker.start_up``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from pathlib import Path
from typing import Final

from tracker.storage import cipher
from tracker.storage.cipher import SQLITE_HEADER as SQLITE_HEADER
from tracker.storage.errors import JournalError

JOURNAL_NAME = "journal.sqlite3"
BUSY_TIMEOUT_MS = 5000
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def known_revisions(script_location: Path = MIGRATIONS) -> list[str]:
    """Revision ids in order, read from the file names (``0001_initial.py`` is ``0001``)."""
    names = sorted(p.name for p in (script_location / "versions").glob("[0-9]*_*.py"))
    return [name.split("_", 1)[0] for name in names]


def head_revision(script_location: Path = MIGRATIONS) -> str:
    return known_revisions(script_location)[-1]


def sidecars(db_path: Path) -> tuple[Path, Path]:
    return db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")


def live_connection(path: Path) -> sqlite3.Connection:
    """For the journal, which others may be writing. Read-write but ``query_only``: a ``mode=ro``
    connection to a WAL database leaves its -wal and -shm behind, which would look like a crash,
    and one that may write also replays a -wal a crash left."""
    query = read_mode(path) or "mode=rw"  # never creates one
    con = cipher.connect(path, query, timeout=BUSY_TIMEOUT_MS / 1000)
    con.execute("PRAGMA query_only=1")
    return con


def read_mode(path: Path) -> str | None:
    """The URI parameters that read the journal in a folder that cannot be written to, where
    SQLite cannot make the -shm a WAL journal needs (``immutable``: nothing can be writing it
    without a -wal there), or ``None`` when the folder can be written to."""
    if os.access(path.resolve().parent, os.W_OK):
        return None
    return "mode=ro" if sidecars(path)[0].exists() else "mode=ro&immutable=1"


def is_damage(error: Exception) -> bool:
    """SQLITE_CORRUPT or SQLITE_NOTADB, or a page of an encrypted journal that fails its
    check; a locked file or a failing disk is not damage."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # raised by the module itself, not by SQLite
        return not isinstance(error, cipher.OperationalError)
    return (code & 0xFF) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or cipher.page_failed(
        error
    )


def wal_commits_lost(shm: Path) -> bool:
    """Whether the wal-index in ``shm`` records frames that were never copied into the file
    (``mxFrame`` in its header above ``nBackfill`` in its checkpoint information)."""
    with shm.open("rb") as stream:
        head = stream.read(136)
    if len(head) < 136 or head[12] == 0:  # never initialised: no commit went through it
        return False
    max_frame = struct.unpack_from("=I", head, 16)[0]
    backfilled = struct.unpack_from("=I", head, 96)[0]
    return bool(max_frame > backfilled)


def _passphrase_needed(db_path: Path) -> cipher.PassphraseError:
    return cipher.PassphraseError(
        f"The journal {db_path} is encrypted: its passphrase is needed to open it."
    )


def journal_problem(db_path: Path) -> str | None:
    """What makes the journal unusable, in plain words, or ``None`` (``PRAGMA quick_check``)."""
    if db_path.stat().st_size == 0:
        return "the file is empty (0 bytes)"
    with db_path.open("rb") as stream:
        if stream.read(16) != SQLITE_HEADER and cipher.held_key(db_path) is None:
            if cipher.salt_path(db_path.parent).exists():
                raise _passphrase_needed(db_path)
            return "the file is not a Spine Journal journal"
    try:
        with contextlib.closing(live_connection(db_path)) as con:
            found = [str(row[0]) for row in con.execute("PRAGMA quick_check")]
            if found != ["ok"]:
                return f"SQLite's check found damage in it ({found[0]})"
            names = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
    except cipher.DatabaseError as error:
        if not is_damage(error):
            raise JournalError(f"The journal {db_path} could not be checked ({error}).") from None
        if cipher.not_a_database(error) and cipher.is_encrypted(db_path):
            if cipher.held_key(db_path) is None:  # the key dropped meanwhile (the lock)
                raise _passphrase_needed(db_path) from None
            # the key opened this journal when it was unlocked: now it is something else
            return "the file is not a Spine Journal journal"
        return f"SQLite cannot read it ({cipher.reason(error)})"
    return None if "alembic_version" in names else "the file is not a Spine Journal journal"


class Unchecked:
    """The quick check not run yet (``tracker.opening.list_early`` leaves a missing journal,
    or a -shm without its -wal, to the full start-up check, which looks into these before
    anything opens the file)."""


UNCHECKED: Final = Unchecked()
