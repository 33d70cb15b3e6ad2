"""Delete all my data: says what is removed (the journal and every backup), and the button
works only once the word DELETE is typed, in capital letters, as the dialog says.

The deleting is the window's (``delete``: it closes the journal, removes everything through the
composition root and opens a new, empty journal, or raises ``JournalError``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.alert_text import escape
from tracker.ui.common import MessageLine, buddy_label

CONFIRM_WORD = "DELETE"


class DeleteDataDialog(QDialog):
    def __init__(
        self,
        journal_path: Path,
        backup_dir: Path,
        delete: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delete all my data")
        self._delete = delete
        self.explanation = QLabel(
            "<h2>Delete all my data</h2>"
            "<p>This removes from this computer:</p><ul>"
            f"<li>your journal, {escape(str(journal_path))}, with every entry, treatment, "
            "painkiller, review, appointment and red flag, and your saved numbers;</li>"
            f"<li>every backup, in {escape(str(backup_dir))};</li>"
            "<li>any damaged copy of the journal that was set aside.</li></ul>"
            "<p><b>It cannot be undone.</b> Files you exported yourself are not touched. "
            "Spine Journal then starts a new, empty journal.</p>"
        )
        self.explanation.setWordWrap(True)
        self.word = QLineEdit()
        self.word.setMaxLength(20)
        self.delete_button = QPushButton("&Delete everything")
        self.delete_button.setEnabled(False)
        self.delete_button.setAutoDefault(False)
        self.message = MessageLine()
        cancel = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(
            buddy_label(
                f"&Type the word {CONFIRM_WORD} in capital letters to confirm:",
                self.word,
                f"Type {CONFIRM_WORD} in capital letters to confirm",
            )
        )
        layout.addWidget(self.word)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.setMinimumWidth(640)
        self.word.textChanged.connect(self._on_word_changed)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.word.setFocus()

    def _on_word_changed(self, text: str) -> None:
        self.delete_button.setEnabled(text.strip() == CONFIRM_WORD)

    def _on_delete_clicked(self) -> None:
        from tracker.services.errors import JournalError

        if self.word.text().strip() != CONFIRM_WORD:
            return
        try:
            self._delete()
        except (JournalError, OSError) as error:
            self.message.setText(f"<b>Not everything was deleted:</b> {escape(str(error))}")
            self.message.show()
            return
        self.accept()
