"""Restoring a backup, what happens to a damaged journal, and deleting all data: what replaces,
moves aside or removes the journal file itself. The backups are made, listed and rotated by
``storage.backups``.

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
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from tracker.os_files import private_file, sync_dir
from tracker.storage import cipher
from tracker.storage.backup_files import STAMP, BackupError, BackupInfo, inspect_backup
from tracker.storage.backup_files import private_empty_file as _private_empty_file
from tracker.storage.backups import copy_with_counts as _copy
from tracker.storage.backups import make_backup, newest_verified
from tracker.storage.backups import write_error as _write_error
from tracker.storage.errors import JournalError
from tracker.storage.journal_file import (
    UNCHECKED,
    Unchecked,
    journal_problem,
    known_revisions,
    sidecars,
)
from tracker.storage.journal_file import wal_commits_lost as _wal_commits_lost
from tracker.storage.leftovers import remove_dead_leftovers
from tracker.storage.schema_check import journal_schema_problem

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
