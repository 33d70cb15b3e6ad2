"""The threads of the window's start (``tracker.app.Session`` runs them): the preparation,
which checks the journal and imports the storage and services while the window paints its
pages, and the start-up backup; and stopping a timer of the window's."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from tracker.services.backups import BackupService, StartCheck
    from tracker.services.registry import Services
    from tracker.storage.database import JournalDatabase


class Preparation(threading.Thread):
    """Started just after the window's first paint: runs the quick check (``PRAGMA
    quick_check``, SQLite's own C code, in a thread of its own, beside the window's pages) and,
    once the latest entries are listed, imports the storage and service layers (SQLAlchemy
    above all) and runs the start-up check, then opens a journal the check passed, so that
    opening the journal waits for none of it. ``result`` hands the check and the opened
    journal, or the error, to the window's thread."""

    def __init__(self, folder: Path) -> None:
        from tracker.storage.journal_file import JOURNAL_NAME, EarlyCheck

        super().__init__(name="spine-journal-start", daemon=True)
        self.folder = folder
        # the quick check (C code, which lets the GIL go) runs beside the window's pages
        self.early = EarlyCheck(folder / JOURNAL_NAME)
        self.backups: BackupService | None = None
        self.check: StartCheck | None = None
        self.error: BaseException | None = None
        # a journal the check passed, opened here too (engine, services; an upgrade if due)
        self._opened: tuple[JournalDatabase, Services] | None = None
        # set by the window's thread when the Trends tab waits for the journal: the chart's
        # first series are then read here as well (the trends service keeps them)
        self.chart_wanted = threading.Event()
        # set by the window's thread once the latest entries are listed (or could not be): for a
        # journal the quick check passed, the imports wait for it. Listing them resets the
        # history's table, whose sorting calls the model's Python code from Qt a thousand
        # times, and each call would first wait for this thread to let the GIL go: 150 to 250
        # ms, against 40 ms of work.
        self.listed = threading.Event()

    def start(self) -> None:
        self.early.start()
        super().start()

    def run(self) -> None:
        with contextlib.suppress(Exception):  # said again by the start-up check, in plain words
            if self.early.problem() is None:  # then the window lists the latest entries first
                self.listed.wait()
        try:
            import sqlalchemy.orm  # noqa: F401 - the import is the work

            from tracker.services.backups import BackupService
            from tracker.services.registry import build_services
            from tracker.storage.database import open_journal

            self.backups = BackupService(self.folder)
            self.check = self.backups.check_on_start(checked=self.early.problem())
            if self.check.damaged:
                return
            db = open_journal(self.folder)
            self._opened = db, build_services(db)
        except BaseException as error:  # handed to the window's thread by ``result``
            self.error = error
            return
        if self.chart_wanted.is_set():
            # only a head start: if it fails, the chart reads again, and says what fails
            with contextlib.suppress(Exception):
                self._opened[1].trends.prepare_first_chart()

    def result(self) -> tuple[BackupService, StartCheck, tuple[JournalDatabase, Services] | None]:
        """The check, and the journal opened here (``None`` when it was damaged), handed over:
        this thread keeps no hold on it (its timer outlives it); or the error either raised."""
        self.listed.set()  # nothing is listed now, if it was not yet
        self.join()
        if self.error is not None:
            raise self.error
        assert self.backups is not None and self.check is not None
        opened, self._opened = self._opened, None
        return self.backups, self.check, opened


def stop_timer(timer: QTimer | None) -> None:
    """Stop a timer of the window's, unless it went with the window."""
    from shiboken6 import isValid

    if timer is not None and isValid(timer):
        timer.stop()


class StartUpBackup(threading.Thread):
    """``BackupService.backup_if_changed`` off the window's thread; ``problem`` is the plain
    sentence of a failure, ``error`` anything else (raised again in the window's thread)."""

    def __init__(self, backups: BackupService) -> None:
        super().__init__(name="spine-journal-backup", daemon=True)
        self.backups = backups
        self.problem: str | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        from tracker.storage.errors import JournalError

        try:
            self.backups.backup_if_changed()
        except JournalError as error:
            self.problem = str(error)
        except BaseException as error:  # raised again in the window's thread
            self.error = error
