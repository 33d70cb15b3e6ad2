"""Backup files on their own: their names, what they hold, and whether they verify now.

``journal-YYYYMMDD-HHMMSS[-tag][.N].sqlite3`` (see ``storage.backups``); a file is checked with
``PRAGMA quick_check`` (``integrity_check`` when thorough), then its tables and columns against
those of the revision it names (``schema_check``), and its lists are counted.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tracker.storage import cipher
from tracker.storage.errors import JournalError
from tracker.storage.journal_file import SQLITE_HEADER
from tracker.storage.repository import TABLES
from tracker.storage.schema_check import actual_schema, schema_problem

LISTS = tuple(TABLES)
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^journal-(?P<stamp>\d{8}-\d{6})(?:-(?P<tag>[a-z][a-z0-9]*(?:-[a-z0-9]+)*))?"
    r"(?:\.(?P<seq>\d+))?\.sqlite3$"
)
# made by database.upgrade_if_needed before this module existed
_LEGACY = re.compile(r"^before-upgrade-(?P<rev>\w+)-(?P<stamp>\d{8}-\d{6})\.sqlite3$")


class BackupError(JournalError):
    """A backup that cannot be used (damaged, not a journal, from a newer version)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    tag: str
    size: int
    verified: bool
    counts: dict[str, int] = field(default_factory=dict)
    problem: str = ""
    revision: str | None = None
    seq: int = 0

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def entries(self) -> int:
        return self.counts.get("entries", 0)


# ---- small helpers ---------------------------------------------------------------------------


def immutable_connection(path: Path) -> sqlite3.Connection:
    """For a file nothing writes to (a backup, a copy set aside): no locks, no -wal or -shm."""
    return cipher.connect(path, "mode=ro&immutable=1")


def private_empty_file(path: Path) -> None:
    """An empty file that is 0600 from the start (SQLite treats it as an empty database)."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def list_counts(con: sqlite3.Connection) -> dict[str, int]:
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {
        name: int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        for name in LISTS
        if name in tables
    }


def content_digest(con: sqlite3.Connection) -> str:
    """A digest of every row of every table, for an encrypted file, whose bytes differ from
    those of a copy with the same rows (each page is encrypted with a fresh nonce)."""
    digest = hashlib.sha256()
    names = con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
    for (name,) in names.fetchall():
        digest.update(name.encode())
        for row in con.execute(f'SELECT * FROM "{name}" ORDER BY rowid'):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def parse_name(name: str) -> tuple[datetime, str, int] | None:
    found = _NAME.match(name)
    if found is not None:
        seq = int(found["seq"]) if found["seq"] else 0
        return datetime.strptime(found["stamp"], STAMP), found["tag"] or "", seq
    legacy = _LEGACY.match(name)
    if legacy is not None:
        return datetime.strptime(legacy["stamp"], STAMP), f"before-upgrade-{legacy['rev']}", 0
    return None


# ---- inspecting and listing ------------------------------------------------------------------


def inspect_backup(path: Path, *, thorough: bool = False) -> BackupInfo:
    """What a backup holds and whether it verifies now (``integrity_check`` when ``thorough``,
    else ``quick_check``). A file not named like a backup is dated by its modification time."""
    stat = path.stat()
    parsed = parse_name(path.name)
    created, tag, seq = parsed or (datetime.fromtimestamp(stat.st_mtime), "", 0)
    problem, counts, revision = _check_file(path, thorough=thorough)
    return BackupInfo(path, created, tag, stat.st_size, not problem, counts, problem, revision, seq)


def _check_file(path: Path, *, thorough: bool) -> tuple[str, dict[str, int], str | None]:
    with path.open("rb") as stream:
        if stream.read(16) != SQLITE_HEADER and cipher.held_key(path) is None:
            return "it is not a Spine Journal journal", {}, None
    try:
        with contextlib.closing(immutable_connection(path)) as con:
            pragma = "integrity_check" if thorough else "quick_check"
            found = [str(row[0]) for row in con.execute(f"PRAGMA {pragma}")]
            if found != ["ok"]:
                return f"SQLite found damage in it ({found[0]})", {}, None
            wrong = schema_problem(con)
            if wrong is not None:
                return wrong, {}, None
            if "entries" not in actual_schema(con):  # only an upgrade from nothing lacks it
                return "it is an empty file that was never a journal", {}, None
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return "", list_counts(con), None if row is None else str(row[0])
    except cipher.DatabaseError as error:
        if cipher.not_a_database(error) and cipher.is_encrypted(path):
            return "it is not a Spine Journal journal, or not one this passphrase opens", {}, None
        return f"SQLite cannot read it ({cipher.reason(error)})", {}, None
