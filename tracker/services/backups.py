"""Backups for the window and the commands: the start-up check, automatic and manual backups,
restore, and deleting everything.

Unlike the other services this one works on the data folder, not on an open journal: it runs
before the journal is opened, and a restore needs every connection closed. Every method expects
the caller to hold the single-instance lock (``tracker.paths.JournalLock``); a window that has
the journal open calls ``JournalDatabase.close()`` before ``restore``, ``start_empty`` or
``delete_all_data`` and opens it again afterwards.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tracker.storage import backups, recovery
from tracker.storage.backups import BackupError, BackupInfo
from tracker.storage.database import BACKUP_DIR_NAME, EXAMPLE_DIR_NAME, open_journal
from tracker.storage.errors import JournalError
from tracker.storage.journal_file import JOURNAL_NAME, UNCHECKED, Unchecked
from tracker.storage.recovery import StartCheck, StartState

# One backup written (and the folder rotated, or read) at a time in this program: the window's
# start-up backup runs in a thread of its own, and "Back up now" may be pressed meanwhile
# (rotation removes the other's half-written ``.partial`` file). Re-entrant: listing happens
# inside a backup.
_WRITING = threading.RLock()

__all__ = [
    "BackupError",
    "BackupInfo",
    "BackupService",
    "RestoreResult",
    "StartCheck",
    "StartState",
    "StartUp",
    "UnknownBackupError",
    "describe_backup",
    "describe_damage",
]

Clock = Callable[[], datetime]
PROGRAM = "spine-journal"


class UnknownBackupError(JournalError):
    """No backup has the name asked for; ``available`` lists those there are."""

    def __init__(self, message: str, available: list[BackupInfo]) -> None:
        super().__init__(message)
        self.available = available


@dataclass(frozen=True)
class StartUp:
    """What the start-up check found, and the automatic backup it made (if the journal had
    changed) or why that backup failed (which does not stop the journal from opening)."""

    check: StartCheck
    backup: BackupInfo | None = None
    backup_problem: str = ""


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    journal: Path
    previous: Path | None  # the backup of the journal it replaced, or the damaged copy
    previous_was_damaged: bool = False


def describe_backup(info: BackupInfo) -> str:
    """``journal-20261122-231500.sqlite3 (22 November 2026, 23:15, 412 entries)``."""
    entries = "1 entry" if info.entries == 1 else f"{info.entries} entries"
    return f"{info.name} ({info.created.day} {info.created:%B %Y, %H:%M}, {entries})"


def describe_damage(check: StartCheck, program: str = PROGRAM) -> str:
    """One sentence for the command line: what is wrong, where the file went, what to run."""
    if check.damaged_copy is not None:
        where = f" and was moved aside to {check.damaged_copy}"
    else:  # found by a command while the window has the journal open
        where = " (close the Spine Journal window first)"
    if check.backup is not None:
        offer = (
            f"; the newest verified backup is {describe_backup(check.backup)}: "
            f"run `{program} restore` to use it"
        )
    else:
        offer = (
            f"; there is no backup to restore, so run `{program} restore --start-empty` "
            "to start a new, empty journal"
        )
    return f"The journal cannot be used: {check.reason}{where}{offer}."


class BackupService:
    def __init__(self, data_dir: Path, clock: Clock = datetime.now) -> None:
        self._folder = data_dir
        self._clock = clock

    @property
    def journal_path(self) -> Path:
        return self._folder / JOURNAL_NAME

    @property
    def backup_dir(self) -> Path:
        return self._folder / BACKUP_DIR_NAME

    # ---- start -------------------------------------------------------------------------------

    def check_on_start(
        self, *, sole_user: bool = True, checked: str | Unchecked | None = UNCHECKED
    ) -> StartCheck:
        """``PRAGMA quick_check`` and the rest (see ``storage.recovery.check_on_start``); a
        damaged journal is moved aside when ``sole_user``. ``checked``: the quick check's
        answer when it already ran (``tracker.opening.list_early``)."""
        return recovery.check_on_start(
            self.journal_path, self.backup_dir, self._clock(), sole_user=sole_user, checked=checked
        )

    def start_up(self) -> StartUp:
        """The window's start: the check, then a backup if the journal changed since the
        newest one. Open the journal only when ``check.state`` is not ``DAMAGED``."""
        check = self.check_on_start()
        if check.state is not StartState.OK:
            return StartUp(check)
        try:
            return StartUp(check, self.backup_if_changed())
        except JournalError as error:
            return StartUp(check, None, str(error))

    # ---- backups -----------------------------------------------------------------------------

    def backups(self) -> list[BackupInfo]:
        """Every backup, newest first, each checked now."""
        with _WRITING:
            return backups.list_backups(self.backup_dir)

    def newest_verified(self) -> BackupInfo | None:
        with _WRITING:
            return backups.newest_verified(self.backup_dir)

    def backup_now(self, tag: str = "manual") -> BackupInfo:
        """A verified backup, then rotation (which never removes the newest verified one)."""
        with _WRITING:
            now = self._clock()
            info = backups.make_backup(self.journal_path, self.backup_dir, now=now, tag=tag)
            backups.rotate(self.backup_dir, now)
            return info

    def backup_if_changed(self) -> BackupInfo | None:
        """An automatic backup when the journal differs from the newest verified backup."""
        if not self.journal_path.exists():
            return None
        if not backups.changed_since(self.journal_path, self.newest_verified()):
            return None
        return self.backup_now(tag="")

    def backup_before(self, operation: str) -> BackupInfo | None:
        """Always before an import or a delete (``operation``: ``import``, ``delete``); a
        restore makes its own."""
        if not self.journal_path.exists():
            return None
        return self.backup_now(tag=f"before-{operation}")

    def find(self, name_or_path: str) -> BackupInfo:
        """A backup by file name (with or without ``.sqlite3``) or path, checked thoroughly;
        ``UnknownBackupError`` lists the backups there are."""
        found = backups.find_backup(self.backup_dir, name_or_path)
        if found is None:
            raise UnknownBackupError(
                f"There is no backup called {name_or_path} in {self.backup_dir}.", self.backups()
            )
        return backups.inspect_backup(found, thorough=True)

    # ---- restore -----------------------------------------------------------------------------

    def restore(self, backup: BackupInfo | None = None) -> RestoreResult:
        """Save the current journal (a backup, or the damaged copy set aside), then put
        ``backup`` (default: the newest verified one) in its place."""
        if backup is not None:
            recovery.usable_backup(backup.path)  # refused before anything is written
        check = self.check_on_start()
        if backup is None:  # chosen after the check, which may have saved a recovered copy
            backup = self.newest_verified()
            if backup is None:
                raise BackupError(f"There is no verified backup in {self.backup_dir} to restore.")
        previous: Path | None = check.damaged_copy
        damaged = check.state is StartState.DAMAGED
        if check.state is StartState.OK:
            # no rotation here: it could remove the very backup about to be restored
            try:
                previous = backups.make_backup(
                    self.journal_path, self.backup_dir, now=self._clock(), tag="before-restore"
                ).path
            except BackupError:
                # damage the quick check missed: a restore never needs the journal it replaces
                # to verify; that journal is kept aside as it is, like any damaged one
                previous = recovery.quarantine_damaged(self.journal_path, self._clock())
                damaged = True
        restored = recovery.restore_backup(self.journal_path, backup.path)
        return RestoreResult(restored, self.journal_path, previous, damaged)

    def start_empty(self) -> Path:
        """A new, empty journal in place of a damaged one that was moved aside."""
        check = self.check_on_start()
        if check.state is StartState.OK:
            raise JournalError(
                f"The journal {self.journal_path} is not damaged, so it was left as it is."
            )
        open_journal(self._folder).close()
        return self.journal_path

    def delete_all_data(self) -> list[Path]:
        """Remove the journal, every backup, every damaged copy and the example journal's
        folder (the window asks first)."""
        removed = recovery.remove_all(self.journal_path, self.backup_dir)
        example = self._folder / EXAMPLE_DIR_NAME
        if example.is_dir():
            shutil.rmtree(example)
            removed.append(example)
        return removed
