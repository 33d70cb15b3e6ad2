"""One running window on one journal (``AppRun``): the start's worker followed, what it posted
shown, the start-up backup after the chart the Trends tab waits for, and the journal closed.
Made by ``tracker.app.build_window``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tracker import resource
from tracker.journal_switching import JournalSwitching
from tracker.passphrase_keeping import PassphraseKeeping
from tracker.unreadable_keeping import UnreadableKeeping

if TYPE_CHECKING:
    from tracker.opening import StartResult
    from tracker.services.registry import Services
    from tracker.storage.database import JournalDatabase
    from tracker.ui.main_window import MainWindow


def _follow_desktop() -> None:
    """The scheme the desktop names, read once the window has painted (``tracker.ui.theme``)."""
    from tracker.ui import theme

    applied = theme.current()
    if applied is not None:
        applied.follow_desktop()


APP_ICON = "icons/spine-journal.svg"
CHART_WAIT_MS = 5000  # the longest the start-up backup waits for the chart's first paint


def set_app_icon() -> None:
    """The app's icon on each of its windows (title bar, task bar, Alt+Tab), drawn from its
    SVG. Set just after the window's first paint (``AppRun``), not when the application is
    made (``tracker.app._application``): Qt's SVG icon engine, loaded before it, made a bare
    window's first paint 6 to 15 ms later."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    QApplication.setWindowIcon(QIcon(str(resource(APP_ICON))))


class AppRun(PassphraseKeeping, UnreadableKeeping, JournalSwitching):
    """One running window on one journal: the window, and the services made after it painted.

    It is also the window's ``JournalKeeper`` (``tracker.ui.data_safety``): a restore, a new
    empty journal and deleting all data need the journal closed and opened again, and the
    example journal is opened in place of the person's and theirs again after it, which only
    the composition root can do (``tracker.journal_switching``). The caller (``run_window``)
    holds the single-instance lock of the person's data folder (``home``); the example journal,
    in its ``example/`` folder, has a lock of its own, taken while it is open. It is made afresh
    each time it is opened and removed when it is left or the window closes, so nothing of it
    outlives the visit.
    """

    def __init__(self, window: MainWindow, folder: Path) -> None:
        self.window = window
        self.home = folder  # the person's own data folder
        self.folder = folder  # the data folder of the journal open now
        self._example = None
        self.db: object | None = None
        self._backups = None
        self._unreadable = []
        self._backup_due = False
        self._closed = False  # ``close``: the window is going; the start says nothing more
        from tracker.start_up import StartWorker  # Qt's, as the window is

        self._start = StartWorker(folder, window)
        self._start.passed.connect(self._passed)
        self._start.opened.connect(self._started)
        self._start.backed_up.connect(self._backed_up)
        window.set_keeper(self)  # the lock's unlocker is given by ``_begin``
        window.shell_painted.connect(_follow_desktop)  # before the pages are made
        window.shell_painted.connect(self._begin)
        window.first_painted.connect(self._after_first_paint)

    def _after_first_paint(self) -> None:
        from PySide6.QtCore import QTimer

        self.window.damaged_panel.set_aside_requested.connect(self._set_aside)
        QTimer.singleShot(0, self.window, set_app_icon)  # once the journal's opening has begun

    def _passed(self) -> None:
        """The quick check passed: the latest entries listed and the form usable (a save
        before the journal has opened finishes the opening first: ``finish_opening``); then
        the rest of the opening (``tracker.start_up``)."""
        from tracker.opening import list_early

        listing = list_early(self.folder, *self.window.history.range())
        if listing is not None:
            self.window.show_early_listing(*listing)
        self._start.open()

    def _started(self, result: StartResult) -> None:
        """What the start's worker posted (``tracker.start_up``), in the window's thread: the
        journal shown, or why not and the way on. A damaged journal was moved aside (never
        deleted) and the window offers the newest verified backup or a new, empty journal;
        records that cannot be read are named, with the newest backup without them or setting
        them aside. Once a journal that changed since the last backup is open, the backup is
        made (a failure is one sentence in the status line)."""
        if not self._start.take(result):  # closed before it came
            return
        # the lock watches input once the start is over: after the chart the Trends tab waits
        # for (``WindowLock.watch_input``)
        self._after_chart(self.window.lock.watch_input)
        self._show_start(result)

    def _show_start(self, result: StartResult) -> None:
        from tracker.opening import Damaged, Failed, Problem, Unreadable
        from tracker.services.backups import StartState

        if isinstance(result, Failed):
            self._say_unexpected(result.error)
            raise result.error
        if isinstance(result, Problem):
            self.window.show_journal_problem(result.sentence)
            return
        self._backups = result.backups
        if isinstance(result, Damaged):
            self.window.show_damaged_journal(result.check)
            return
        if isinstance(result, Unreadable):
            self._show_unreadable(result)
            return
        if not self._attach((result.db, result.services)):
            return
        if result.check.state is StartState.OK:  # a journal made just now needs no backup yet
            self._backup_due = True  # once the window has shown the journal
            self._after_chart(self._start_up_backup)
        else:
            self.window.mark_started_up()

    def _after_chart(self, then: Callable[[], None]) -> None:
        """``then`` once the window has shown the journal; when the Trends tab is waiting for
        it, once its chart has painted instead (the backup and the reminders it lets start
        would slow that first paint: ``chart_visible_ms`` in ``benchmarks/README.md``), or
        after ``CHART_WAIT_MS`` if the chart does not paint (the tab left, the window
        minimised): the start always ends. ``then`` may be called by both; it acts once
        (``_backup_due``, ``WindowLock.watch_input``)."""
        from PySide6.QtCore import QTimer

        if self._start.chart_wanted.is_set():
            self.window.chart_painted.connect(then)
            QTimer.singleShot(CHART_WAIT_MS, self.window, then)
        else:
            QTimer.singleShot(0, self.window, then)

    def _start_up_backup(self) -> None:
        if self._backup_due:  # else the journal was closed first
            self._backup_due = False
            self._start.back_up(self.backups)

    def _say_unexpected(self, error: BaseException) -> None:
        """A bug: said in the window rather than left "Opening…"."""
        self.window.show_journal_problem(
            f"Spine Journal met an unexpected problem ({type(error).__name__}). "
            "Nothing was changed; please close it and open it again."
        )

    def _backed_up(self, problem: str | None) -> None:
        if problem is not None:
            self.window.show_backup_problem(problem)
        if not self._closed:  # else what the end of the start makes would read a closed journal
            self.window.mark_started_up()

    # ---- opening and closing ------------------------------------------------------------------

    def finish_opening(self) -> None:
        """A save (or "same as last", or a delete) while the journal is still opening: the
        start's worker is waited for and what it posted is taken now."""
        if self.db is None:
            left = self._start.finish()
            if left is not None:
                self._started(left)

    def chart_wanted(self) -> None:
        """The Trends tab waits for the journal: the start reads the chart's first series too,
        if it has not yet opened the journal."""
        self._start.chart_wanted.set()

    def _open(self, opened: tuple[JournalDatabase, Services] | None = None) -> None:
        """Open the journal (or take the one given) and give the window its services;
        ``JournalError`` when it could not be done."""
        from tracker.services.registry import build_services
        from tracker.storage.database import open_journal

        if opened is None:
            db = open_journal(self.folder)
            opened = db, build_services(db)
        self._attach(opened, raising=True)

    def _attach(self, opened: tuple[JournalDatabase, Services], *, raising: bool = False) -> bool:
        """The window given the services; whether it could read what it shows. A record it
        cannot read is named, as at the start (its journal left closed)."""
        from tracker.opening import Failed, unreadable_or
        from tracker.storage.errors import JournalError

        self.db, services = opened
        try:
            self.window.attach(services)
        except JournalError as error:
            if raising:
                raise
            self.window.show_journal_problem(str(error))
            return False
        except Exception as error:
            self._close_open()
            self.db = None
            found = unreadable_or(self.folder, Failed(error))
            if isinstance(found, Failed):
                self._say_unexpected(error)
                raise
            self._show_unreadable(found)
            return False
        return True

    def _close_journal(self) -> bool:
        """Close the journal's connections; whether it was open."""
        was_open = self.db is not None
        self._close_open()
        self.db = None
        return was_open

    def close(self) -> None:
        """Close the journal open now; the example journal, if it is the one, is removed."""
        self._closed = True
        self._close_open()
        self._drop_example()

    def _close_open(self) -> None:
        """The open journal closed; the start's threads are waited for first, and a journal
        the start opened that the window never took is closed too (a start-up backup that
        finished meanwhile is still said: its signal is on its way)."""
        from tracker.opening import Opened

        self._backup_due = False  # nor does a start-up backup that has not begun
        left = self._start.stop()
        if isinstance(left, Opened):  # closed before it was shown
            left.db.close()
        close = getattr(self.db, "close", None)
        if close is not None:
            close()
