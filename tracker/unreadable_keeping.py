"""The composition root's part for records that cannot be read (issue 15): the window names
them and offers the newest verified backup or to set them aside, the rest of the journal then
opened. ``tracker.app_run.AppRun`` inherits it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from tracker.opening import Unreadable
    from tracker.services.unreadable import UnreadableRow
    from tracker.ui.main_window import MainWindow


class UnreadableKeeping:
    folder: Path
    window: MainWindow
    _unreadable: list[UnreadableRow]

    def _open(self) -> None:
        raise NotImplementedError

    def _show_unreadable(self, found: Unreadable) -> None:
        from tracker.services.unreadable import describe

        self._unreadable = found.rows
        sentences = describe(found.rows)
        self.window.damaged_panel.show_unreadable(sentences, found.backup)
        keys = ", Alt+F restores the backup" if found.backup is not None else ""
        one = "it" if len(found.rows) == 1 else "them"
        self.window.show_journal_problem(
            f"{sentences[0]} Choose above what to do (Alt+I sets {one} aside{keys})."
            if len(sentences) == 1
            else f"{len(sentences)} records cannot be read. Choose above what to do "
            f"(Alt+I sets {one} aside{keys})."
        )

    def _set_aside(self) -> None:
        """A verified backup, the records written to the set-aside folder and removed, then
        the rest of the journal opened."""
        from tracker.services.unreadable import UnreadableService
        from tracker.storage.errors import JournalError

        panel = self.window.damaged_panel
        try:
            done = UnreadableService(self.folder).set_aside(self._unreadable)
            self._open()
        except JournalError as error:
            panel.show_problem(str(error))
            return
        self._unreadable = []
        panel.hide()
        from PySide6.QtCore import Qt

        names = ", ".join(path.name for path in done.files)
        records = "; ".join(row.words() for row in done.rows)
        self.window.status.setTextFormat(Qt.TextFormat.PlainText)
        self.window.status.setText(
            f"Set aside, after a verified backup: {records}. It is kept in {names} in the "
            "journal folder's set-aside folder, and the rest of your journal is open."
        )
        self.window.mark_started_up()
