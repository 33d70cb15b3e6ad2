"""The journal could not be read at start: what happened, where the file went, and the two ways
on (restore the newest backup that checks out, or start a new, empty journal). Or some of its
records cannot be read (``show_unreadable``): they are named, and the ways on are the newest
backup without them, or setting them aside so that the rest opens.

Shown inside the main window, never as a modal dialog. It does not take the keyboard focus
(someone may be typing into the entry form when it appears): Alt+F and Alt+Y reach its
buttons, and the status line says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tracker.ui.alert_text import escape
from tracker.ui.common import MessageLine
from tracker.ui.data_safety import backup_words

if TYPE_CHECKING:
    from tracker.services.backups import BackupInfo, StartCheck


class DamagedJournalPanel(QFrame):
    """``restore_requested`` carries the BackupInfo offered; ``start_empty_requested``;
    ``set_aside_requested`` (records that cannot be read)."""

    restore_requested = Signal(object)
    start_empty_requested = Signal()
    set_aside_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemPanel")  # a strong frame, not a red-flag tier's colour
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(3)
        self.setAccessibleName("The journal could not be read")
        self._backup: BackupInfo | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton("Restore the newest backup")  # named in show_check
        self.restore_button.setObjectName("primary")
        self.empty_button = QPushButton("Start a new, empt&y journal")
        self.empty_button.setAccessibleName("Start a new, empty journal")
        self.set_aside_button = QPushButton("Set th&is record aside")
        self.set_aside_button.setAccessibleName("Set this record aside")
        self.set_aside_button.hide()
        self.message = MessageLine()
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.empty_button.clicked.connect(self.start_empty_requested)
        self.set_aside_button.clicked.connect(self.set_aside_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_aside_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.hide()

    @property
    def backup(self) -> BackupInfo | None:
        """The backup offered (the newest one that checks out), if there is one."""
        return self._backup

    def show_check(self, check: StartCheck) -> None:
        self._backup = check.backup
        self.setAccessibleName("The journal could not be read")
        self.set_aside_button.hide()
        self.empty_button.show()
        if check.damaged_copy is not None:
            where = (
                f"It was moved aside to <b>{escape(check.damaged_copy.name)}</b> in "
                f"{escape(str(check.damaged_copy.parent))}. That copy is kept: Spine Journal "
                "never deletes it."
            )
        else:
            where = "It was left where it is."
        if check.backup is not None:
            offer = (
                f"The newest backup that checks out is from {escape(backup_words(check.backup))}"
                ". Anything written after it is not in it."
            )
            self._offer(check.backup)
        else:
            offer = "There is no backup to restore, so you can start a new, empty journal."
            self.restore_button.hide()
        self.text.setText(
            "<h2>Your journal could not be read</h2>"
            f"<p>The reason: {escape(check.reason)}. {where}</p><p>{offer}</p>"
        )
        self.message.clear_message()
        self.show()

    def show_unreadable(self, sentences: list[str], backup: BackupInfo | None) -> None:
        """``sentences``: one a record that cannot be read (its list and when, never what it
        says); ``backup``: the newest verified backup in which every record can be read."""
        self._backup = backup
        self.setAccessibleName("A record in the journal cannot be read")
        one = len(sentences) == 1
        self.set_aside_button.setText("Set th&is record aside" if one else "Set th&ese aside")
        self.set_aside_button.setAccessibleName(self.set_aside_button.text().replace("&", ""))
        self.set_aside_button.show()
        self.empty_button.hide()
        named = "".join(f"<li>{escape(sentence)}</li>" for sentence in sentences)
        aside = (
            "<p>Setting it aside makes a verified backup of the journal first, then keeps the "
            "record as it is stored in a private file in the journal folder (its "
            "<b>set-aside</b> folder) and opens the rest of your journal without it.</p>"
        )
        if backup is not None:
            self._offer(backup)
            offer = (
                f"<p>Or restore the newest backup without the problem, from "
                f"{escape(backup_words(backup))}. Anything written after it is not in it.</p>"
            )
        else:
            self.restore_button.hide()
            offer = "<p>No backup without the problem was found.</p>"
        heading = "A record in your journal" if one else "Some records in your journal"
        self.text.setText(
            f"<h2>{heading} cannot be read</h2><ul>{named}</ul>"
            f"<p>Everything else in the journal is as it was.</p>{aside}{offer}"
        )
        self.message.clear_message()
        self.show()

    def _offer(self, backup: BackupInfo) -> None:
        self.restore_button.setText(f"Restore the backup o&f {backup_words(backup)}")
        self.restore_button.setAccessibleName(f"Restore the backup of {backup_words(backup)}")
        self.restore_button.show()

    def show_problem(self, sentence: str) -> None:
        self.message.setText(f"<b>That did not work:</b> {escape(sentence)}")
        self.message.show()

    def _on_restore_clicked(self) -> None:
        if self._backup is not None:
            self.restore_requested.emit(self._backup)
