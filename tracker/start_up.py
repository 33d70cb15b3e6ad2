"""The window's start, in one worker (``tracker.app_run.AppRun`` runs it), whose steps each run in
a thread and post what came of them as a Qt signal, which reaches the window's thread through
its event queue (the ``StartWorker`` lives there):

1. ``passed``: the quick check (``PRAGMA quick_check``, SQLite's C code, beside the window's
   pages). On a journal it passed, the window lists the latest entries read with ``sqlite3``
   alone (``list_early``), so that they are listed and the form is usable before SQLAlchemy
   is imported. Measured: without that listing, ``journal_ready_ms`` was 1.7x its floor
   (budget 1.3x), with it 0.7x. A row the listing cannot read is left to step 2, which
   names it: it never ends the start. Otherwise step 2 follows at once, in the same thread.
2. ``opened``: the start-up check, the imports of the storage and services (SQLAlchemy above
   all), a quick look for records that cannot be read, and the opening. The window starts it
   once the listing is shown: both at once would slow each other (the history's sorting calls
   Python code from Qt a thousand times, each call waiting for this thread to let the GIL go).
   Every way it ends is one of ``Opened``, ``Damaged``, ``Unreadable``, ``Problem`` or
   ``Failed`` (a bug): what each step does is ``tracker.opening``.
3. ``backed_up``: for a journal that opened, the start-up backup; when the Trends tab waits
   for the journal, only once its chart has painted (``AppRun._after_chart``), so that the
   chart the person asked for is drawn first. The tab asks for the journal before importing
   matplotlib, so that step 2 reads the chart's first series beside that import.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from tracker.opening import StartResult
    from tracker.services.backups import BackupService
    from tracker.storage.journal_file import Unchecked


class StartWorker(QObject):
    """Made in the window's thread, so that its signals are delivered there.

    ``passed``: the quick check passed (the window lists the latest entries, then calls
    ``open``); ``opened`` carries a ``StartResult``; ``backed_up`` the plain sentence of a
    failed start-up backup, or ``None``."""

    passed = Signal()
    opened = Signal(object)
    backed_up = Signal(object)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        # the Trends tab waits for the journal: the worker reads the chart's first series
        # too, if it has not yet opened the journal (read once, never waited on)
        self.chart_wanted = threading.Event()
        self._threads: list[threading.Thread] = []
        self._result: StartResult | None = None  # until the window's thread takes it
        self._stopped = False

    def start(self) -> None:
        """Step 1, beside the window's pages: the quick check; unless it passed, step 2 at
        once (there is nothing to list)."""

        def work() -> None:
            from tracker import opening

            checked = opening.quick_check(self.folder)
            if checked is None:
                self.passed.emit()
            else:
                self._open(checked)

        self._spawn("spine-journal-check", work)

    def open(self) -> None:
        """Step 2 for a journal the quick check passed: check, import, open (not once the
        window has closed the journal: ``stop``)."""
        if self._stopped:
            return
        self._spawn("spine-journal-start", lambda: self._open(None))

    def _spawn(self, name: str, work: Callable[[], None]) -> None:
        thread = threading.Thread(target=work, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _open(self, checked: str | Unchecked | None) -> None:
        from tracker import opening

        result = opening.open_folder(self.folder, checked=checked, chart_wanted=self.chart_wanted)
        self._result = result
        self.opened.emit(result)

    def take(self, result: StartResult) -> bool:
        """Whether ``result`` is still to be handled (and is now the window's)."""
        if self._result is not result:
            return False
        self._result = None
        return True

    def back_up(self, backups: BackupService) -> None:
        """``backups.backup_if_changed`` off the window's thread: SQLite's copy and its check
        (C code) do not hold up the window, which stays usable (a save meanwhile is fine:
        the copy is one read transaction of its own)."""

        def work() -> None:
            from tracker.storage.errors import JournalError

            try:
                backups.backup_if_changed()
            except JournalError as error:
                self.backed_up.emit(str(error))
                return
            except Exception as error:
                self.backed_up.emit(
                    f"The backup at start failed with an unexpected problem "
                    f"({type(error).__name__}). Your journal is open and works."
                )
                return
            self.backed_up.emit(None)

        self._spawn("spine-journal-backup", work)

    @property
    def busy(self) -> bool:
        return any(thread.is_alive() for thread in self._threads)

    def stop(self) -> StartResult | None:
        """No further step; the threads waited for; what the window never took, now its."""
        self._stopped = True
        left = self.finish()
        return left if left is not None and self.take(left) else None

    def finish(self) -> StartResult | None:
        """Wait for the threads; what the start posted that the window has not yet taken."""
        for thread in self._threads:
            thread.join()
        self._threads.clear()
        return self._result
