"""Backups: the list (when, why, entries, size, whether it still checks out), "Back up now", and
"Restore the chosen backup" after a question that says the current journal is backed up first.

The restore itself is the window's (``restore``: it closes the journal, restores through the
composition root and attaches the services again, or raises ``JournalError``); this dialog only
chooses and asks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.alert_text import escape
from tracker.ui.common import Confirm, MessageLine, buddy_label, list_table
from tracker.ui.data_safety import backup_words, plain_size, when_made, why_made
from tracker.ui.widgets.journal_place import JournalPlace

if TYPE_CHECKING:
    from tracker.services.backups import BackupInfo, BackupService, RestoreResult

COLUMNS = ("Made on", "Why", "Entries", "Size", "Checked")


class BackupsDialog(QDialog):
    def __init__(
        self,
        backups: BackupService,
        restore: Callable[[BackupInfo], RestoreResult],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self._service = backups
        self._restore = restore
        self.infos: list[BackupInfo] = []
        self.table = list_table(COLUMNS)
        self.backup_button = QPushButton("Back up &now")
        self.restore_button = QPushButton("&Restore the chosen backup…")
        self.message = MessageLine()
        self._lay_out()
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def _lay_out(self) -> None:
        intro = QLabel(
            "Spine Journal backs up your journal each time it starts, when something changed "
            "since the last backup, and checks every backup after writing it. Backups are kept "
            f"in its {self._service.backup_dir.name} folder: a few from each of the last days, "
            "weeks and months."
        )
        intro.setWordWrap(True)
        self.place = JournalPlace(self._service.journal_path.parent)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.place)
        layout.addWidget(intro)
        layout.addWidget(buddy_label("&Backups, newest first:", self.table, "Backups"))
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.setMinimumSize(760, 480)
        # the list first, as before the folder was shown above it; "Open folder" after the actions
        QWidget.setTabOrder(self.restore_button, self.place.open_button)
        self.table.setFocus()

    # ---- the list ----------------------------------------------------------------------------

    def refresh(self, choose: BackupInfo | None = None) -> None:
        """Read the backups again (each is checked now); ``choose`` one of them, else the
        newest."""
        from tracker.services.errors import JournalError

        try:
            self.infos = self._service.backups()
        except (OSError, JournalError) as error:
            self.infos = []
            self.message.setText(f"<b>The backups could not be listed:</b> {escape(str(error))}")
            self.message.show()
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            checked = "Checks out" if info.verified else f"Cannot be used: {info.problem}"
            cells = (
                when_made(info.created),
                why_made(info.tag),
                str(info.entries) if info.verified else "–",
                plain_size(info.size),
                checked,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        names = [info.name for info in self.infos]
        if self.infos:
            wanted = choose.name if choose is not None and choose.name in names else names[0]
            self.table.selectRow(names.index(wanted))
        self._update_buttons()

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def choose(self, name: str) -> None:
        """Choose the backup with this file name (as the arrow keys would)."""
        self.table.selectRow([info.name for info in self.infos].index(name))

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    # ---- back up and restore -----------------------------------------------------------------

    def back_up_now(self) -> None:
        from tracker.services.errors import JournalError

        self.message.clear_message()
        try:
            info = self._service.backup_now()
        except JournalError as error:
            self.message.setText(f"<b>No backup was made:</b> {escape(str(error))}")
            self.message.show()
            return
        self.refresh(choose=info)
        self.message.show_done(f"Backed up and checked: {backup_words(info)}.")

    def restore_chosen(self) -> None:
        self.message.clear_message()
        info = self.chosen()
        if info is None:
            return
        if not info.verified:
            self.message.setText(
                f"<b>Not restored:</b> this backup cannot be used ({escape(info.problem)})."
            )
            self.message.show()
            return
        question = (
            f"Put back the backup of {backup_words(info)} in place of your journal?\n\n"
            "Your current journal is backed up first, so you can go back to it from this list."
        )
        if not Confirm.ask(self, "Restore a backup", question):
            return
        from tracker.services.errors import JournalError

        try:
            result = self._restore(info)
        except JournalError as error:
            self.refresh(choose=info)
            self.message.setText(f"<b>Not restored:</b> {escape(str(error))}")
            self.message.show()
            return
        self.refresh(choose=info)
        saved = (
            f" The journal you had is kept as the backup {result.previous.name}."
            if result.previous is not None
            else ""
        )
        self.message.show_done(f"Restored the backup of {backup_words(info)}.{saved}")
