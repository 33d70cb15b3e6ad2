"""The window's example journal: a fresh year of the demo history, ending yesterday, in the
``example/`` folder inside the person's data folder, under a lock of its own while it is open,
and removed when it is left. The composition root (``tracker.app_run.AppRun``) closes the person's
journal before ``make`` and after ``drop`` opens theirs again, so the two are never open at once
and nothing of the example reaches the person's journal, backups or exports."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.paths import JournalLock
    from tracker.services.registry import Services
    from tracker.storage.database import JournalDatabase


class ExampleJournal:
    def __init__(self, home: Path) -> None:
        from tracker.services.demo import example_folder

        self.home = home
        self.folder = example_folder(home)
        self._lock: JournalLock | None = None

    @property
    def is_open(self) -> bool:
        return self._lock is not None

    def make(self) -> tuple[JournalDatabase, Services]:
        """Made afresh (one left by a crash is removed first), locked and opened;
        ``JournalError`` (nothing left behind) when it could not be."""
        from tracker.paths import AlreadyOpenError, JournalLock
        from tracker.services.demo import make_example, remove_example
        from tracker.services.registry import build_services
        from tracker.storage.errors import JournalError

        try:
            remove_example(self.home)
            lock = JournalLock(self.folder)
            lock.acquire()
        except (OSError, AlreadyOpenError) as error:
            raise JournalError(f"The example journal could not be made ({error}).") from None
        try:
            db = make_example(self.folder)
        except (JournalError, OSError) as error:
            self._remove(lock)
            raise JournalError(f"The example journal could not be made ({error}).") from None
        except BaseException:
            self._remove(lock)
            raise
        self._lock = lock
        return db, build_services(db)

    def drop(self) -> None:
        """Its lock released and its folder removed (its journal closed first)."""
        lock, self._lock = self._lock, None
        if lock is not None:
            self._remove(lock)

    def _remove(self, lock: JournalLock) -> None:
        from tracker.services.demo import remove_example

        lock.release()
        with contextlib.suppress(OSError):  # made afresh next time anyway
            remove_example(self.home)
