"""The composition root's part for another journal taking the open one's place: a verified
backup restored, a new empty journal, all data deleted, the example journal visited and left.
Each closes the open journal first and opens the one in its place (``_open``), which only the
composition root can do. ``tracker.app_run.AppRun`` inherits it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from tracker.example_journal import ExampleJournal
    from tracker.services.backups import BackupInfo, BackupService, RestoreResult
    from tracker.services.registry import Services
    from tracker.storage.database import JournalDatabase


class JournalSwitching:
    home: Path  # the person's own data folder
    folder: Path  # the data folder of the journal open now
    _example: ExampleJournal | None = None
    _backups: BackupService | None = None

    def _close_journal(self) -> bool:
        raise NotImplementedError

    def _open(self, opened: tuple[JournalDatabase, Services] | None = None) -> None:
        raise NotImplementedError

    @property
    def backups(self) -> BackupService:
        if self._backups is None:  # imported after the first paint, like the storage
            from tracker.services.backups import BackupService

            self._backups = BackupService(self.folder)
        return self._backups

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
