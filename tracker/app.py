"""Composition root: arguments, paths, umask, the single-instance lock.

For the window: show it first, then (after its first paint) open and check the journal, migrate
if needed, build the services and fill the views. For a command: run it, with no window.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tracker import APP_NAME, collector, resource
from tracker.start_up import Preparation as _Preparation
from tracker.start_up import StartUpBackup as _StartUpBackup
from tracker.start_up import stop_timer as _stop

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tracker.example_journal import ExampleJournal
    from tracker.services.backups import BackupInfo, BackupService, RestoreResult
    from tracker.services.registry import Services
    from tracker.storage.database import JournalDatabase
    from tracker.ui.main_window import MainWindow
    from tracker.ui.pages import Page


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from tracker.os_files import restrict_new_files

    restrict_new_files()  # files SQLite and Qt create would be readable by every user otherwise
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
    # the launcher (resources/linux/spine-journal.desktop) whose icon and name the desktop
    # shows for the window: Wayland's app id (X11's WM_CLASS is the application name)
    app.setDesktopFileName("spine-journal")
    from tracker.ui.theme import install

    install(app)  # palette and style sheet, light or dark as the desktop is (docs/design.md)
    return app


APP_ICON = "icons/spine-journal.svg"


def set_app_icon() -> None:
    """The app's icon on each of its windows (title bar, task bar, Alt+Tab), drawn from its
    SVG. Set just after the window's first paint (``Session``), not in ``_application``: Qt's
    SVG icon engine, loaded before it, made a bare window's first paint 6 to 15 ms later."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    QApplication.setWindowIcon(QIcon(str(resource(APP_ICON))))


class Session:
    """One running window on one journal: the window, and the services made after it painted.

    It is also the window's ``JournalKeeper`` (``tracker.ui.data_safety``): a restore, a new
    empty journal and deleting all data need the journal closed and opened again, and the
    example journal is opened in place of the person's and theirs again after it, which only
    the composition root can do. The caller (``run_window``) holds the single-instance lock of
    the person's data folder (``home``); the example journal, in its ``example/`` folder, has a
    lock of its own, taken while it is open. It is made afresh each time it is opened and
    removed when it is left or the window closes, so nothing of it outlives the visit.
    """

    def __init__(self, window: MainWindow, folder: Path) -> None:
        self.window = window
        self.home = folder  # the person's own data folder
        self.folder = folder  # the data folder of the journal open now
        self._example: ExampleJournal | None = None
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
        window.first_painted.connect(self._after_first_paint)

    def _after_first_paint(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.window, set_app_icon)  # once the journal's opening has begun

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
        self._close_open()
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
        self._drop_example()  # the person's data, and the example's folder with it
        try:
            self.backups.delete_all_data()
        except OSError as error:
            self._open()
            raise JournalError(f"Not everything could be deleted ({error}).") from None
        self._open()  # a new, empty journal

    @property
    def in_example(self) -> bool:
        return self._example is not None and self._example.is_open

    def open_example(self) -> None:
        """The person's journal closed, and a fresh example journal opened in its place
        (``tracker.example_journal``); ``JournalError`` with the person's journal open again
        when it could not be made."""
        from tracker.example_journal import ExampleJournal

        if self.in_example:
            return
        self._close_journal()
        self._example = example = ExampleJournal(self.home)
        try:
            opened = example.make()
        except BaseException:
            self._open()
            raise
        self.folder, self._backups = example.folder, None
        self._open(opened)

    def leave_example(self) -> None:
        """The example journal closed and removed, and the person's own opened again."""
        if self.in_example:
            self._close_journal()
            self._drop_example()
            self._open()

    def _drop_example(self) -> None:
        """The example journal (closed first) removed: the person's folder is the one open."""
        if self._example is not None and self._example.is_open:
            self._example.drop()
            self.folder, self._backups = self.home, None

    def close(self) -> None:
        """Close the journal open now; the example journal, if it is the one, is removed."""
        self._close_open()
        self._drop_example()

    def _close_open(self) -> None:
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


def _panel(module: str, name: str) -> Callable[[], Page]:
    """A factory for a panel whose module is imported only when the window builds its pages
    (just after its first paint)."""

    def make() -> Page:
        from importlib import import_module

        panel: Page = getattr(import_module(f"tracker.ui.widgets.{module}"), name)()
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

        set_app_icon()
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
