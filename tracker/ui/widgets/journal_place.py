"""Where the journal lives: its folder on this computer, as text a person can select and copy,
and "Open folder", which shows it in the system's file manager (a local file URL: no network).

The About dialog and the Backups dialog show it; the status line never names a file path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tracker.ui.alert_text import escape

NOT_OPENED = (
    "<b>The folder could not be opened here.</b> Its place is written above; your file "
    "manager can go there."
)


class JournalPlace(QWidget):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.intro = QLabel("Your journal and its backups are kept in this folder:")
        self.intro.setWordWrap(True)
        self.path = QLabel(f"<b>{escape(str(folder))}</b>")
        self.path.setObjectName("journalFolder")
        self.path.setWordWrap(True)
        # by mouse only: selectable by keyboard, it would take the focus before the buttons
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path.setAccessibleName(f"Journal folder: {folder}")
        self.open_button = QPushButton("&Open folder")
        self.open_button.setAutoDefault(False)
        self.open_button.setToolTip("Shows the folder in your file manager")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.open_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def open_folder(self) -> None:
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
        self.message.setText("" if opened else NOT_OPENED)
        self.message.setVisible(not opened)
