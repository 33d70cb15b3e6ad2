"""Verified backups: made, listed, compared with the journal, and rotated. Restoring one, and
what happens to a damaged journal, are in ``storage.recovery``.

Backups
    ``<data dir>/backups/journal-YYYYMMDD-HHMMSS[-tag][.N].sqlite3``: local time, a tag saying
    why (``manual``, ``before-import``, ``before-restore``, ``recovered``; never symptom text),
    ``.N`` only when the same second is taken. Folder 0700, files 0600 from their first byte.
    Each is copied with SQLite's online backup API into a ``.partial`` file, verified
    (``PRAGMA integrity_check``, an ``alembic_version`` table, the count of every list equal to
    the source's, read in the same read transaction as the copy) and only then renamed to its
    name: a file with a backup's name passed verification when it was written. Listing runs
    ``PRAGMA quick_check`` on each again, so a backup damaged later shows as not verified.

Changed since the newest backup
    A digest of the database pages as the backup API copies them: the live journal through an
    in-memory copy, the newest backup from its bytes; page 1 without the header fields a copy
    rewrites (change counter, schema cookie, version numbers). Every commit changes a page, so
    an edit counts, which counts plus max rowids miss (as they miss a delete followed by an
    insert), and it does not depend on the clock or on when SQLite checkpoints, as modification
    times do. Measured: about 7 ms for both digests of a 10-year journal (1.7 MB).

Rotation
    Kept: per day, the newest backup of each tag for the last 7 days; the newest of each ISO
    week for the last 4 weeks; the newest of each month for the last 12 months (a verified
    backup wins over a newer one that no longer verifies); always the newest verified one.
    Each tag has its own daily slot because a ``before-import`` backup is the only way to undo
    an import, and the next start's automatic backup must not replace it the same day.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from tracker.os_files import private_dir, sync_dir
from tracker.storage import cipher
from tracker.storage.backup_files import LISTS as LISTS
from tracker.storage.backup_files import STAMP as STAMP
from tracker.storage.backup_files import BackupError as BackupError
from tracker.storage.backup_files import BackupInfo as BackupInfo
from tracker.storage.backup_files import content_digest
from tracker.storage.backup_files import immutable_connection as _immutable
from tracker.storage.backup_files import inspect_backup as inspect_backup
from tracker.storage.backup_files import list_counts as _counts
from tracker.storage.backup_files import parse_name as _parse_name
from tracker.storage.backup_files import private_empty_file as _private_empty_file
from tracker.storage.errors import JournalError, StorageWriteError, plain_reason
from tracker.storage.journal_file import is_damage as _is_damage
from tracker.storage.journal_file import live_connection as _live

_TAG = re.compile(r"^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*)?$")


def _order(info: BackupInfo) -> tuple[datetime, int, str]:
    return info.created, info.seq, info.name


def _backup_files(backup_dir: Path) -> list[tuple[tuple[datetime, int, str], Path]]:
    """Backups by name, newest first, without opening them."""
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.iterdir():
        parsed = _parse_name(path.name)
        if parsed is not None and path.is_file():
            found.append(((parsed[0], parsed[2], path.name), path))
    return sorted(found, reverse=True)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup in the folder, newest first, each checked now with ``quick_check``."""
    return [inspect_backup(path) for _key, path in _backup_files(backup_dir)]


def newest_verified(backup_dir: Path) -> BackupInfo | None:
    """The newest backup that verifies now; older ones are opened only while newer ones fail."""
    for _key, path in _backup_files(backup_dir):
        info = inspect_backup(path)
        if info.verified:
            return info
    return None


def find_backup(backup_dir: Path, text: str) -> Path | None:
    """A backup as ``restore`` accepts it: a file name in ``backup_dir`` (``.sqlite3`` may be
    left off) or the path of a file anywhere."""
    names = [] if os.sep in text else [backup_dir / text, backup_dir / f"{text}.sqlite3"]
    for candidate in (*names, Path(text).expanduser()):
        if candidate.is_file():
            return candidate
    return None


# ---- making backups --------------------------------------------------------------------------


def _free_name(backup_dir: Path, now: datetime, tag: str) -> Path:
    base = f"journal-{now.strftime(STAMP)}" + (f"-{tag}" if tag else "")
    candidate, seq = backup_dir / f"{base}.sqlite3", 1
    while candidate.exists() or candidate.with_name(candidate.name + ".partial").exists():
        seq += 1
        candidate = backup_dir / f"{base}.{seq}.sqlite3"
    return candidate


def copy_with_counts(source: Path, destination: Path, *, immutable: bool) -> dict[str, int]:
    """Copy with the online backup API; the counts come from the same read transaction."""
    with (
        contextlib.closing(_immutable(source) if immutable else _live(source)) as src,
        contextlib.closing(cipher.connect(destination, key=cipher.file_key(source))) as dst,
    ):
        src.execute("BEGIN")
        counts = _counts(src)
        src.backup(dst)
        src.execute("COMMIT")
    return counts


def write_error(folder: Path, error: Exception, failed: str) -> JournalError:
    """``failed``: "The backup could not be written"; damage found while copying is no write
    error, so it becomes a ``BackupError``."""
    if isinstance(error, cipher.DatabaseError) and _is_damage(error):
        return BackupError(f"{failed}: SQLite cannot read what it copies ({cipher.reason(error)}).")
    detail = plain_reason(error) if isinstance(error, OSError) else str(error)
    return StorageWriteError(f"{failed} in {folder} ({detail}).")


def make_backup(
    db_path: Path, backup_dir: Path, *, now: datetime, tag: str = "", immutable: bool = False
) -> BackupInfo:
    """A verified copy of the journal in ``backup_dir``. ``StorageWriteError`` when it cannot be
    written, ``BackupError`` when the copy does not verify; either way nothing is left behind.
    ``immutable`` reads a file nothing else can have open (a damaged copy moved aside)."""
    if not _TAG.match(tag):
        raise ValueError(f"not a backup tag: {tag!r}")
    try:
        private_dir(backup_dir)
        final = _free_name(backup_dir, now, tag)
        partial = final.with_name(final.name + ".partial")
        _private_empty_file(partial)
    except OSError as error:
        raise write_error(backup_dir, error, "The backup could not be written") from None
    try:
        source_counts = copy_with_counts(db_path, partial, immutable=immutable)
        info = inspect_backup(partial, thorough=True)
        if not info.verified or info.counts != source_counts:
            problem = info.problem or f"it holds {info.counts}, the journal {source_counts}"
            raise BackupError(f"The backup of {db_path} did not verify: {problem}.")
        os.replace(partial, final)
        sync_dir(backup_dir)
    except (OSError, *cipher.DatabaseError) as error:
        raise write_error(backup_dir, error, "The backup could not be written") from None
    finally:
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
    created, tag, seq = _parse_name(final.name) or (now, tag, 0)
    return replace(info, path=final, created=created, tag=tag, seq=seq)


# ---- changed since the newest backup ---------------------------------------------------------


def _page_digest(data: bytes) -> str:
    """Pages as copied, without the page-1 header fields that a copy rewrites."""
    digest = hashlib.sha256()
    digest.update(data[44:72])
    digest.update(data[100:])
    return digest.hexdigest()


def journal_digest(db_path: Path) -> str:
    if cipher.is_encrypted(db_path):  # pages are stored encrypted, each with its own nonce
        with contextlib.closing(_live(db_path)) as con:
            return content_digest(con)
    with (
        contextlib.closing(_live(db_path)) as src,
        contextlib.closing(sqlite3.connect(":memory:")) as memory,
    ):
        page_size = int(src.execute("PRAGMA page_size").fetchone()[0])
        memory.execute(f"PRAGMA page_size={page_size}")
        src.backup(memory)
        return _page_digest(memory.serialize())


def backup_digest(path: Path) -> str:
    if cipher.is_encrypted(path):
        with contextlib.closing(_immutable(path)) as con:
            return content_digest(con)
    return _page_digest(path.read_bytes())


def changed_since(db_path: Path, backup: BackupInfo | None) -> bool:
    """Whether the journal differs from ``backup`` (``None``: there is none, so it does)."""
    return backup is None or journal_digest(db_path) != backup_digest(backup.path)


# ---- rotation --------------------------------------------------------------------------------


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def keep_set(backups: Sequence[BackupInfo], now: datetime) -> set[Path]:
    """Which backups rotation keeps (see the module's docstring)."""
    today = now.date()
    first_day, first_week = today - timedelta(days=6), _monday(today) - timedelta(weeks=3)
    first_month = _month(today) - 11
    best: dict[tuple[object, ...], BackupInfo] = {}
    for info in backups:
        day = info.created.date()
        slots: list[tuple[object, ...]] = []
        if day >= first_day:
            slots.append(("day", day, info.tag))
        if _monday(day) >= first_week:
            slots.append(("week", _monday(day)))
        if _month(day) >= first_month:
            slots.append(("month", _month(day)))
        for slot in slots:
            held = best.get(slot)
            if held is None or (info.verified, _order(info)) > (held.verified, _order(held)):
                best[slot] = info
    keep = {info.path for info in best.values()}
    verified = [info for info in backups if info.verified]
    if verified:
        keep.add(max(verified, key=_order).path)
    return keep


def rotate(backup_dir: Path, now: datetime) -> list[Path]:
    """Delete the backups ``keep_set`` does not keep, and partial copies a crash left."""
    backups = list_backups(backup_dir)
    keep = keep_set(backups, now)
    removed = [info.path for info in backups if info.path not in keep]
    removed += sorted(backup_dir.glob("*.partial")) + sorted(backup_dir.glob("*.partial-journal"))
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
