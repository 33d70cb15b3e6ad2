"""Records that cannot be read: finding them, the newest backup without them, and setting
them aside (a verified backup first, always) so that the rest of the journal can be used.

Like ``BackupService`` this works on the data folder, with the journal closed in the window
and the single-instance lock held by the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tracker.services.backups import BackupService
from tracker.storage.backups import BackupInfo
from tracker.storage.errors import JournalError
from tracker.storage.journal_file import JOURNAL_NAME
from tracker.storage.row_check import UnreadableRow, describe, find_unreadable
from tracker.storage.set_aside import SET_ASIDE_DIR, remove_rows, write_set_aside

__all__ = ["SetAside", "UnreadableRow", "UnreadableService", "describe"]

BACKUP_TAG = "before-set-aside"


@dataclass(frozen=True)
class SetAside:
    rows: list[UnreadableRow]
    backup: BackupInfo  # made and verified before anything was changed
    files: list[Path]  # where the rows were written, in the set-aside folder


class UnreadableService:
    def __init__(self, data_dir: Path, clock: Callable[[], datetime] = datetime.now) -> None:
        self._folder = data_dir
        self._clock = clock

    @property
    def set_aside_dir(self) -> Path:
        return self._folder / SET_ASIDE_DIR

    def find(self, *, full: bool = True) -> list[UnreadableRow]:
        """The rows the app cannot read; not ``full``: the window's quick screen
        (``storage.row_check``)."""
        path = self._folder / JOURNAL_NAME
        if not path.exists():
            return []
        return find_unreadable(path, screened=not full)

    def newest_backup_without_them(self) -> BackupInfo | None:
        """The newest verified backup in which the quick screen finds no record that cannot
        be read (a full check of each would take a second per backup of a 10-year journal)."""
        for backup in BackupService(self._folder).backups():
            if backup.verified and not find_unreadable(backup.path, immutable=True, screened=True):
                return backup
        return None

    def set_aside(self, rows: Sequence[UnreadableRow] | None = None) -> SetAside:
        """A verified backup of the journal as it is, then ``rows`` (default: every row that
        cannot be read) written to the set-aside folder and removed from the journal.
        ``JournalError`` with nothing changed when the backup or the file cannot be made."""
        found = list(rows) if rows is not None else self.find()
        if not found:
            raise JournalError("Every record in the journal can be read: nothing was set aside.")
        backup = BackupService(self._folder, self._clock).backup_now(tag=BACKUP_TAG)
        files = write_set_aside(self._folder, found, self._clock())
        remove_rows(self._folder / JOURNAL_NAME, found)
        return SetAside(found, backup, files)
