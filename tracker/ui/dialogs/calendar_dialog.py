"""Add to my calendar: write the .ics file a phone calendar imports (appointments, sessions to
come, reminders with alarms), with neutral words unless the person chooses the details after
being told why they are left out: phone calendars are copied to cloud services."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.alert_text import escape
from tracker.ui.common import Confirm, MessageLine, buddy_label
from tracker.ui.dialogs.export_dialog import default_folder

FILE_NAME = "spine-journal-calendar.ics"
DETAILS_WARNING = (
    "Phone calendars are usually copied to cloud services (Google, Apple, Microsoft), where "
    "the words of each event can be read outside this computer. With details, the calendar "
    "names who each appointment is with and each medicine."
)


class CalendarDialog(QDialog):
    """``write(path, details)`` writes the file (the window passes the service's)."""

    written = Signal(object)

    def __init__(self, write: Callable[[Path, bool], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add to my calendar")
        self._write = write
        intro = QLabel(
            "Save a calendar file for your phone or computer calendar: your appointments, the "
            "radiotherapy sessions to come and your reminders, each with an alarm. Open the "
            "file on the phone to add them; nothing is sent anywhere."
        )
        intro.setWordWrap(True)
        self.path = QLineEdit(str(default_folder() / FILE_NAME))
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setAccessibleName("Choose the folder and file name")
        self.browse_button.clicked.connect(self._browse)
        self.details = QCheckBox("&Include details (who each appointment is with, medicine names)")
        self.details.setAccessibleName("Include details")
        self.details.setAccessibleDescription(DETAILS_WARNING)
        self.save_button = QPushButton("&Save calendar")
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.message = MessageLine()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(buddy_label("&File name:", self.path, "Calendar file name"))
        layout.addLayout(row)
        layout.addWidget(self.details)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.setMinimumWidth(600)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "Save the calendar as",
            self.path.text(),
            "Calendar (*.ics)",
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if chosen:
            self.path.setText(chosen)

    def save(self) -> None:
        self.message.clear_message()
        text = self.path.text().strip()
        path = Path(text).expanduser()
        if not text or path.is_dir():
            self._problem("Type a file name ending in .ics, or press Browse.")
            return
        if not path.parent.is_dir():
            self._problem(f"The folder {path.parent} does not exist.")
            return
        details = self.details.isChecked()
        if details and not Confirm.ask(
            self, "Include details?", f"{DETAILS_WARNING}\n\nInclude the details?"
        ):
            return
        if path.exists() and not Confirm.ask(
            self, "Replace the file?", f"{path.name} already exists. Replace it?"
        ):
            return
        try:
            self._write(path, details)
        except OSError as error:
            self._problem(f"The file could not be written ({error.strerror or error}).")
            return
        self.message.show_done(f"Saved the calendar to {path}.")
        self.written.emit(path)

    def _problem(self, sentence: str) -> None:
        self.message.setText(f"<b>Not saved:</b> {escape(sentence)}")
        self.message.show()
