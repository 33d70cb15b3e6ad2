"""Composition root: arguments, paths, umask, the single-instance lock.

For the window: show it first, then (after its first paint) open and check the journal, migrate
if needed, build the services and fill the views. For a command: run it, with no window.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tracker import APP_NAME, collector, resource

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from tracker.services.backups import BackupInfo, BackupService, RestoreResult, StartCheck
    from tracker.services.registry import Services
    from tracker.storage.database import JournalDatabase
    from tracker.ui.main_window import MainWindow


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # Files SQLite and Qt create would otherwise be readable by every user of the laptop.
    os.umask(0o077)
    if sys.stdout is None or sys.stderr is None:  # the windowed bundle on Windows
        from tracker.console import ensure_streams

        ensure_streams()
    from tracker.cli import is_command, run

    if is_command(args):
        return run(args)
    return run_window(args)


def _window_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="spine-journal", add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--smoke-test", action="store_true")  # tracker/smoke.py
    known, _qt_arguments = parser.parse_known_args(list(argv))
    return known


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0]])
    app.setApplicationName("spine-journal")
    app.setApplicationDisplayName(APP_NAME)
    app.setStyleSheet(style_sheet())
    return app


def style_sheet() -> str:
    return resource("style.qss").read_text(encoding="utf-8")


class _Preparation(threading.Thread):
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


def _stop(timer: QTimer | None) -> None:
    """Stop a timer of the window's, unless it went with the window."""
    from shiboken6 import isValid

    if timer is not None and isValid(timer):
        timer.stop()


class _StartUpBackup(threading.Thread):
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


class Session:
    """One running window on one journal: the window, and the services made after it painted.

    It is also the window's ``JournalKeeper`` (``tracker.ui.data_safety``): a restore, a new
    empty journal and deleting all data need the journal closed and opened again, which only
    the composition root can do. The caller (``run_window``) holds the single-instance lock.
    """

    def __init__(self, window: MainWindow, folder: Path) -> None:
        self.window = window
        self.folder = folder
        self.db: object | None = None
        self._backups: BackupService | None = None
        self._preparation: _Preparation | None = None
        self._waiting: QTimer | None = None
        self._backup_due = False
        self._backup_thread: _StartUpBackup | None = None
        self._backup_poll: QTimer | None = None
        window.set_keeper(self)
        window.shell_painted.connect(self._prepare)
        window.first_painted.connect(self.open_journal)

    def _prepare(self) -> None:
        self._preparation = _Preparation(self.folder)
        self._preparation.start()

    @property
    def backups(self) -> BackupService:
        if self._backups is None:  # imported after the first paint, like the storage
            from tracker.services.backups import BackupService

            self._backups = BackupService(self.folder)
        return self._backups

    def open_journal(self) -> None:
        """The start-up check first: a damaged journal is moved aside (never deleted) and not
        opened, and the window offers the newest verified backup or a new, empty journal.
        Otherwise the journal is opened, and once the window is usable a backup is made when
        the journal changed since the last one (a failure is one sentence in the status line).

        While SQLAlchemy and the services are still being imported, a journal the quick check
        passed has its latest entries listed (read with ``sqlite3`` alone) and the form made
        usable; the opening is finished when the imports are done, or at once when the person
        saves before that (``finish_opening``)."""

        preparation = self._preparation
        if preparation is not None and preparation.is_alive() and self._list_early(preparation):
            preparation.listed.set()
            self._waiting = self._when_done(preparation, self.finish_opening)
            return
        self._finish_open()

    def _when_done(self, thread: threading.Thread, then: Callable[[], None]) -> QTimer:
        """Call ``then`` in the window's thread once ``thread`` has ended (a timer of the
        window's, so it goes with the window)."""
        from PySide6.QtCore import QTimer

        timer = QTimer(self.window)
        timer.setInterval(10)
        timer.timeout.connect(lambda: None if thread.is_alive() else then())
        timer.start()
        return timer

    def _list_early(self, preparation: _Preparation) -> bool:
        """The latest entries listed and the form usable; whether it could be done."""
        from tracker.storage.first_listing import read_listing

        try:
            if preparation.early.problem() is not None:  # damaged, missing, or a lost -wal
                return False
        except Exception:  # the start-up check says it again, in plain words
            return False
        listing = read_listing(preparation.early.db_path, *self.window.history.range())
        if listing is None:  # an upgrade comes first
            return False
        self.window.show_early_listing(*listing)
        return True

    def finish_opening(self) -> None:
        """Finish the opening put off by ``open_journal`` now (waiting for the imports), if it
        is still to do."""
        if self._waiting is not None:
            _stop(self._waiting)
            self._waiting = None
            self._finish_open()

    def _finish_open(self) -> None:
        try:
            self._finish_open_now()
        finally:  # the start's objects are made: collect cycles again (``tracker.collector``)
            collector.START.resume()

    def _finish_open_now(self) -> None:
        from PySide6.QtCore import QTimer

        from tracker.services.backups import StartState
        from tracker.storage.errors import JournalError

        try:
            opened = None
            if self._preparation is not None:
                preparation, self._preparation = self._preparation, None
                self._backups, check, opened = preparation.result()
            else:
                check = self.backups.check_on_start()
            if check.damaged:
                self.window.show_damaged_journal(check)
                return
            self._open(opened)
        except JournalError as error:
            self.window.show_journal_problem(str(error))
            return
        except Exception as error:  # a bug: said in the window rather than left "Opening…"
            self.window.show_journal_problem(
                f"Spine Journal met an unexpected problem ({type(error).__name__}). "
                "Nothing was changed; please close it and open it again."
            )
            raise
        if check.state is StartState.OK:  # a journal made just now needs no backup yet
            self._backup_due = True
            QTimer.singleShot(0, self.window, self._start_up_backup)
        else:
            self.window.mark_started_up()

    def _start_up_backup(self) -> None:
        """The backup of a journal changed since the last one, in a thread of its own: SQLite's
        copy and its check (C code) do not hold up the window, which stays usable (a save
        meanwhile is fine: the copy is one read transaction of its own). When it is done, the
        window hears of it; a journal operation (restore, delete) waits for it first."""
        if not self._backup_due:  # the journal was closed first
            return
        self._backup_due = False
        self._backup_thread = _StartUpBackup(self.backups)
        self._backup_thread.start()
        self._backup_poll = self._when_done(self._backup_thread, self._backup_done)

    def _backup_done(self) -> None:
        thread = self._backup_thread
        self._end_backup_wait()
        if thread is not None:
            thread.join()
            if thread.problem is not None:
                self.window.show_backup_problem(thread.problem)
            elif thread.error is not None:
                self.window.show_backup_problem(
                    f"The backup at start failed with an unexpected problem "
                    f"({type(thread.error).__name__}). Your journal is open and works."
                )
        self.window.mark_started_up()

    def _end_backup_wait(self) -> None:
        _stop(self._backup_poll)
        self._backup_poll = None
        self._backup_thread = None

    def _open(self, opened: tuple[JournalDatabase, Services] | None = None) -> None:
        """Open the journal (or take the one the start opened) and give the window its
        services."""
        from tracker.services.registry import build_services
        from tracker.storage.database import open_journal

        if opened is None:
            db = open_journal(self.folder)
            opened = db, build_services(db)
        self.db, services = opened
        self.window.attach(services)

    def chart_wanted(self) -> None:
        """The Trends tab waits for the journal: the start reads the chart's first series too,
        if it has not yet opened the journal."""
        if self._preparation is not None:
            self._preparation.chart_wanted.set()

    def _close_journal(self) -> bool:
        """Close the journal's connections; whether it was open. Once the journal opened again
        has replaced it in the window, what it left in reference cycles is freed."""
        from PySide6.QtCore import QTimer

        was_open = self.db is not None
        self.close()
        self.db = None
        QTimer.singleShot(0, self.window, collector.collect_frozen)
        return was_open

    def restore(self, backup: BackupInfo) -> RestoreResult:
        from tracker.storage.errors import JournalError

        was_open = self._close_journal()
        try:
            result = self.backups.restore(backup)
        except JournalError:
            # the journal is as it was: open again, unless it was the damaged one (opening
            # would put a new, empty journal beside the damaged copy)
            if was_open:
                self._open()
            raise
        self._open()
        return result

    def start_empty(self) -> None:
        self._close_journal()
        self.backups.start_empty()
        self._open()

    def delete_all_data(self) -> None:
        from tracker.storage.errors import JournalError

        self._close_journal()
        try:
            self.backups.delete_all_data()
        except OSError as error:
            self._open()
            raise JournalError(f"Not everything could be deleted ({error}).") from None
        self._open()  # a new, empty journal

    def close(self) -> None:
        _stop(self._waiting)  # closed before the opening finished: it never will
        self._waiting = None
        if self._preparation is not None:  # and what the start opened is closed with it
            preparation, self._preparation = self._preparation, None
            with contextlib.suppress(Exception):
                _backups, _check, opened = preparation.result()
                if opened is not None:
                    opened[0].close()
        self._backup_due = False  # nor does a start-up backup that has not begun
        if self._backup_thread is not None:  # the start-up backup finishes first
            from shiboken6 import isValid

            self._backup_thread.join()
            if isValid(self.window):
                self._backup_done()
            else:
                self._end_backup_wait()
        close = getattr(self.db, "close", None)
        if close is not None:
            close()


def _panel(module: str, name: str) -> Callable[[], QWidget]:
    """A factory for a panel whose module is imported only when the window builds its pages
    (just after its first paint)."""

    def make() -> QWidget:
        from importlib import import_module

        panel: QWidget = getattr(import_module(f"tracker.ui.widgets.{module}"), name)()
        return panel

    return make


def build_window(folder: Path) -> Session:
    """The main window on the journal in ``folder``, not yet shown (tests call this too)."""
    from tracker.ui.main_window import MainWindow

    window = MainWindow(folder / "journal.sqlite3")
    window.add_panel(
        "treatments", "Treatments", _panel("treatments_panel", "TreatmentsPanel"), on_demand=True
    )
    window.add_panel(
        "medications",
        "Painkillers",
        _panel("painkillers_panel", "PainkillersPanel"),
        on_demand=True,
    )
    window.add_panel(
        "reviews", "Care-team reviews", _panel("reviews_panel", "ReviewsPanel"), on_demand=True
    )
    window.add_panel(
        "appointments",
        "Appointments",
        _panel("appointments_panel", "AppointmentsPanel"),
        on_demand=True,
    )
    window.add_panel(
        "alerts",
        "Red flags",
        _panel("alert_log_panel", "AlertLogPanel"),
        frozenset({"alerts", "entries"}),
        lazy=True,
        on_demand=True,
    )
    window.add_panel(
        "trends",
        "Trends",
        _panel("trends_page", "TrendsPage"),
        frozenset({"entries", "treatments", "medications", "alerts"}),
        lazy=True,
    )
    return Session(window, folder)


def run_window(argv: Sequence[str]) -> int:
    collector.START.pause()  # until the journal has opened (``Session._finish_open``)
    try:
        return _run_window(argv)
    finally:  # if it never did (``resume`` does nothing the second time)
        collector.START.resume()


def _run_window(argv: Sequence[str]) -> int:
    from tracker.paths import AlreadyOpenError, JournalLock, data_dir

    args = _window_arguments(argv)
    app = _application()
    folder = data_dir(args.data_dir)
    lock = JournalLock(folder)
    try:
        lock.acquire()
    except AlreadyOpenError as error:
        print(f"spine-journal: {error}", file=sys.stderr, flush=True)
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, APP_NAME, str(error))
        return 1
    try:
        session = build_window(folder)
        if args.smoke_test:
            from tracker.smoke import watch

            watch(session, app)
        session.window.show()
        code = app.exec()
        session.close()
        return code
    finally:
        lock.release()
