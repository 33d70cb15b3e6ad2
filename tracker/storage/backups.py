"""Verified backups, restore, and what happens to a damaged journal.

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

Damage found at start
    The journal is moved aside as ``journal.damaged-YYYYMMDD-HHMMSS.sqlite3`` (with its -wal and
    -shm), never overwritten or deleted. Until a backup is restored or an empty journal started,
    a missing journal beside a damaged copy stays "damaged": no new empty journal appears.

A deleted -wal file
    SQLite deletes -wal and -shm when the last connection closes. A -shm without its -wal, when
    no other process has the journal open, whose wal-index still counts frames that were never
    copied into the file (``mxFrame`` above ``nBackfill``), means the -wal was lost after a
    crash, and with it the commits it held: SQLite itself would carry on silently without them.
    That is handled like damage, and the main file (consistent as of its last checkpoint, and
    usually newer than the newest backup) is first saved as a verified ``recovered`` backup,
    which is then the one offered.
    Not detectable: -wal and -shm both deleted, a journal copied without them, or a lost -wal
    while another process has the journal open (the caller says so with ``sole_user``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path

from tracker.os_files import private_dir, private_file, sync_dir
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
from tracker.storage.journal_file import (
    UNCHECKED,
    Unchecked,
    journal_problem,
    known_revisions,
    sidecars,
)
from tracker.storage.journal_file import is_damage as _is_damage
from tracker.storage.journal_file import live_connection as _live
from tracker.storage.journal_file import wal_commits_lost as _wal_commits_lost
from tracker.storage.leftovers import remove_dead_leftovers
from tracker.storage.schema_check import journal_schema_problem

_TAG = re.compile(r"^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*)?$")
DAMAGED_INFIX = ".damaged-"


class StartState(Enum):
    NEW = "new"  # no journal yet: opening it creates one
    OK = "ok"
    DAMAGED = "damaged"  # not usable; moved aside when the caller was the sole user


@dataclass(frozen=True)
class StartCheck:
    state: StartState
    reason: str = ""
    damaged_copy: Path | None = None
    backup: BackupInfo | None = None  # the newest verified backup, offered when damaged

    @property
    def damaged(self) -> bool:
        return self.state is StartState.DAMAGED


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


def _copy(source: Path, destination: Path, *, immutable: bool) -> dict[str, int]:
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


def _write_error(folder: Path, error: Exception, failed: str) -> JournalError:
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
        raise _write_error(backup_dir, error, "The backup could not be written") from None
    try:
        source_counts = _copy(db_path, partial, immutable=immutable)
        info = inspect_backup(partial, thorough=True)
        if not info.verified or info.counts != source_counts:
            problem = info.problem or f"it holds {info.counts}, the journal {source_counts}"
            raise BackupError(f"The backup of {db_path} did not verify: {problem}.")
        os.replace(partial, final)
        sync_dir(backup_dir)
    except (OSError, *cipher.DatabaseError) as error:
        raise _write_error(backup_dir, error, "The backup could not be written") from None
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


# ---- restore ---------------------------------------------------------------------------------


def _checkpoint(db_path: Path) -> None:
    """Copy what the -wal holds into the file; the last connection's close removes -wal/-shm."""
    with contextlib.suppress(*cipher.Error), contextlib.closing(cipher.connect(db_path)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def usable_backup(backup: Path) -> BackupInfo:
    """``backup`` checked thoroughly; ``BackupError`` when it cannot be restored."""
    try:
        info = inspect_backup(backup, thorough=True)
    except OSError as error:
        raise BackupError(f"{backup} cannot be read ({error.strerror}).") from None
    if not info.verified:
        raise BackupError(f"{backup} cannot be restored: {info.problem}.")
    if info.revision is not None and info.revision not in known_revisions():
        raise BackupError(
            f"{backup} was made by a newer version of Spine Journal (schema {info.revision}): "
            "update Spine Journal to restore it."
        )
    return info


def restore_backup(db_path: Path, backup: Path) -> BackupInfo:
    """Replace the journal with a verified copy of ``backup``. No connection may be open on the
    journal, and the caller has already saved it (``BackupError`` when ``backup`` is unusable)."""
    info = usable_backup(backup)
    # a journal that is a link to a file elsewhere stays one: the file it names is replaced
    db_path = db_path.resolve() if db_path.is_symlink() else db_path
    temporary = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}")
    leftovers = (temporary, temporary.with_name(temporary.name + "-journal"))
    try:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        _private_empty_file(temporary)
        counts = _copy(backup, temporary, immutable=True)
        copied = inspect_backup(temporary, thorough=True)
        if not copied.verified or copied.counts != counts:
            raise BackupError(f"The copy of {backup} did not verify: {copied.problem}.")
        if db_path.exists():
            _checkpoint(db_path)
        # A -wal left beside the new file would be replayed into it: SQLite cannot tell that
        # the frames belong to another database.
        for stale in sidecars(db_path):
            stale.unlink(missing_ok=True)
        os.replace(temporary, db_path)
        private_file(db_path)
        sync_dir(db_path.parent)
    except (OSError, *cipher.DatabaseError) as error:
        raise _write_error(db_path.parent, error, "The backup could not be restored") from None
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    return info


# ---- damage found at start -------------------------------------------------------------------


def _move_without_overwriting(source: Path, target: Path) -> None:
    try:
        os.link(source, target)  # fails when the target exists: never overwrites
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)


def damaged_copies(db_path: Path) -> list[Path]:
    """Every file set aside as damaged (journals, -wal and -shm files), by name."""
    return sorted(db_path.parent.glob(f"{db_path.stem}{DAMAGED_INFIX}*"))


def quarantine_damaged(db_path: Path, now: datetime) -> Path:
    """Move the journal and its -wal/-shm aside under a dated name that is not yet taken;
    return the journal's new path (which does not exist when only a -wal/-shm was left)."""
    base = f"{db_path.stem}{DAMAGED_INFIX}{now.strftime(STAMP)}"
    target, seq = db_path.with_name(f"{base}{db_path.suffix}"), 1
    while any(p.exists() for p in (target, *sidecars(target))):
        seq += 1
        target = db_path.with_name(f"{base}.{seq}{db_path.suffix}")
    try:
        # the journal first: a crash half-way leaves "journal missing, damaged copy present",
        # which the next start reports the same way (and moves the orphan -wal/-shm then)
        for source, destination in zip(
            (db_path, *sidecars(db_path)), (target, *sidecars(target)), strict=True
        ):
            if source.exists():
                _move_without_overwriting(source, destination)
        sync_dir(db_path.parent)
    except OSError as error:
        raise _write_error(
            db_path.parent, error, "The damaged journal could not be moved aside"
        ) from None
    return target


LOST_WAL = (
    "its recent-changes file ({wal}) is missing after Spine Journal last stopped "
    "unexpectedly, so the last changes saved before then are lost"
)
MISSING_WITH_WAL = "the journal file is missing, but its recent-changes file was left behind"
MISSING_AFTER_DAMAGE = "the journal file is missing, and a damaged copy was set aside earlier"


def _damaged(reason: str, copy: Path | None, backup_dir: Path) -> StartCheck:
    return StartCheck(StartState.DAMAGED, reason, copy, newest_verified(backup_dir))


def check_on_start(
    db_path: Path,
    backup_dir: Path,
    now: datetime,
    *,
    sole_user: bool = True,
    checked: str | Unchecked | None = UNCHECKED,
) -> StartCheck:
    """Run at every start before the journal is opened. ``sole_user``: the caller holds the
    single-instance lock, so nothing else has the journal open; only then is a damaged journal
    moved aside (and a lost -wal detected); otherwise damage is reported and left in place.
    ``checked``: what ``journal_problem`` already found (``tracker.opening.list_early``)."""
    wal, shm = sidecars(db_path)
    if sole_user:  # what a killed restore (or new journal) left: a full copy of a journal
        remove_dead_leftovers(db_path)
    if not db_path.exists():
        if sole_user and (wal.exists() or shm.exists()):
            moved = [p for p in sidecars(quarantine_damaged(db_path, now)) if p.exists()]
            return _damaged(MISSING_WITH_WAL, moved[0] if moved else None, backup_dir)
        earlier = damaged_copies(db_path)
        if earlier:
            journals = [p for p in earlier if p.suffix == db_path.suffix]
            return _damaged(MISSING_AFTER_DAMAGE, (journals or earlier)[-1], backup_dir)
        return StartCheck(StartState.NEW)
    lost_wal = sole_user and shm.exists() and not wal.exists() and _wal_commits_lost(shm)
    if lost_wal:
        problem: str | None = LOST_WAL.format(wal=wal.name)
    elif isinstance(checked, Unchecked):
        problem = journal_problem(db_path)
    else:
        problem = checked
    if problem is None:  # the pages are sound: are the tables those of its revision?
        problem = journal_schema_problem(db_path)
    if problem is None:
        return StartCheck(StartState.OK)
    if not sole_user:
        return StartCheck(StartState.DAMAGED, problem, None, newest_verified(backup_dir))
    moved_to = quarantine_damaged(db_path, now)
    if lost_wal:
        # the file without its -wal is consistent as of its last checkpoint: newer than any
        # backup, so it becomes the backup that is offered
        with contextlib.suppress(JournalError):
            make_backup(moved_to, backup_dir, now=now, tag="recovered", immutable=True)
    return _damaged(problem, moved_to, backup_dir)


# ---- delete all my data ----------------------------------------------------------------------


def remove_all(db_path: Path, backup_dir: Path) -> list[Path]:
    """Delete the journal, its -wal/-shm, every damaged copy, leftovers and the backups folder.
    No connection may be open. (Deleting does not overwrite: on SSDs that would not help.)"""
    folder = db_path.parent
    doomed = [db_path, *sidecars(db_path), *damaged_copies(db_path)]
    doomed += [*sorted(folder.glob(f".{db_path.name}.*")), cipher.salt_path(folder)]
    cipher.forget(folder)
    removed = [path for path in doomed if path.exists()]
    for path in removed:
        path.unlink()
    if backup_dir.is_dir():
        removed += sorted(backup_dir.iterdir())
        shutil.rmtree(backup_dir)
        removed.append(backup_dir)
    return removed
