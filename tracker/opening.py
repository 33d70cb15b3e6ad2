"""What each step of the window's start does, off the window's thread, and every way it can
end (``StartResult``). The worker that runs them and posts what came of them to the window is
``tracker.start_up``; this module is imported only inside its threads (and by the window once a
result is in), so that nothing of it holds up the window's first paint.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from tracker.services.backups import BackupService, StartCheck
    from tracker.services.registry import Services
    from tracker.services.unreadable import UnreadableRow
    from tracker.storage.backups import BackupInfo
    from tracker.storage.database import JournalDatabase
    from tracker.storage.first_listing import Listing
    from tracker.storage.journal_file import Unchecked


@dataclass
class Opened:
    backups: BackupService
    check: StartCheck
    db: JournalDatabase
    services: Services


@dataclass(frozen=True)
class Damaged:
    backups: BackupService
    check: StartCheck


@dataclass(frozen=True)
class Unreadable:
    backups: BackupService
    rows: list[UnreadableRow]
    backup: BackupInfo | None  # the newest verified backup in which every record reads


@dataclass(frozen=True)
class Problem:
    sentence: str  # a JournalError's: the disk, a newer version, a locked file


@dataclass(frozen=True)
class Failed:
    error: BaseException  # a bug: raised again in the window's thread


StartResult = Opened | Damaged | Unreadable | Problem | Failed


def unreadable_or(folder: Path, failed: Failed) -> Unreadable | Failed:
    """After an unexpected failure: the records that cannot be read, looked for one by one
    (all of them, not only the quick screen's), if that is what it was."""
    from tracker.services.backups import BackupService
    from tracker.services.unreadable import UnreadableService

    with contextlib.suppress(Exception):
        service = UnreadableService(folder)
        rows = service.find(full=True)
        if rows:
            return Unreadable(BackupService(folder), rows, service.newest_backup_without_them())
    return failed


def quick_check(folder: Path) -> str | Unchecked | None:
    """``PRAGMA quick_check`` on the journal in ``folder``, with ``sqlite3`` alone: what is
    wrong, ``None``, or ``UNCHECKED`` for what the start-up check looks into itself (a missing
    journal, a -shm without its -wal, a journal that could not be checked)."""
    from tracker.storage.journal_file import JOURNAL_NAME, UNCHECKED, journal_problem, sidecars

    db_path = folder / JOURNAL_NAME
    wal, shm = sidecars(db_path)
    if not db_path.exists() or (shm.exists() and not wal.exists()):
        return UNCHECKED
    try:
        return journal_problem(db_path)
    except Exception:  # said again by the start-up check, in plain words
        return UNCHECKED


def list_early(folder: Path, since: datetime, until: datetime) -> Listing | None:
    """The entries from ``since`` to ``until`` of a journal the quick check passed, or
    ``None``: an upgrade is due, or a row cannot be read (the opening then names it)."""
    from tracker.storage.first_listing import read_listing
    from tracker.storage.journal_file import JOURNAL_NAME

    try:
        return read_listing(folder / JOURNAL_NAME, since, until)
    except Exception:  # a row it cannot read: the opening finds and names it
        return None


def open_folder(
    folder: Path,
    *,
    checked: str | Unchecked | None = None,
    chart_wanted: threading.Event | None = None,
) -> StartResult:
    """Check, import, look for unreadable records and open the journal in ``folder``.
    ``checked``: the quick check's answer (``list_early``)."""
    try:
        import sqlalchemy.orm  # noqa: F401 - the import is the work

        from tracker.services.backups import BackupService
        from tracker.services.registry import build_services
        from tracker.services.unreadable import UnreadableService
        from tracker.storage.database import open_journal
        from tracker.storage.errors import JournalError
    except BaseException as error:
        return Failed(error)
    try:
        backups = BackupService(folder)
        check = backups.check_on_start(checked=checked)
        if check.damaged:
            return Damaged(backups, check)
        unreadable = UnreadableService(folder)
        rows = unreadable.find(full=False)
        if rows:
            return Unreadable(backups, rows, unreadable.newest_backup_without_them())
        db = open_journal(folder)
        services = build_services(db)
    except JournalError as error:
        return Problem(str(error))
    except Exception as error:
        return unreadable_or(folder, Failed(error))
    if chart_wanted is not None and chart_wanted.is_set():
        # only a head start: if it fails, the chart reads again, and says what fails
        with contextlib.suppress(Exception):
            services.trends.prepare_first_chart()
    return Opened(backups, check, db, services)
