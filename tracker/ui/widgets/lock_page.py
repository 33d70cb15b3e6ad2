"""The lock page: all the window shows while it is locked, the app's name and "Unlock".

It lies over the whole window (the menus are hidden under it too). Enter, Space or a click on
"Unlock" asks to unlock. Without a passphrase it says plainly what it is: a privacy screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tracker import APP_NAME

PRIVACY_SCREEN = (
    "Your journal is hidden. This is a privacy screen, not a lock with a key: anyone at this "
    "laptop can unlock it. It keeps the journal from a glance."
)
PROTECTED = "Your journal is locked. Unlocking asks for your passphrase."


class LockPage(QWidget):
    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockPage")
        self.setAutoFillBackground(True)  # the palette's window colour: nothing shows through
        self.setAccessibleName(f"{APP_NAME} is locked")
        self.title = QLabel(APP_NAME)
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setAccessibleName(APP_NAME)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words.setAccessibleName("What the lock does")
        self.unlock_button = QPushButton("&Unlock")
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setAccessibleName("Unlock")
        self.unlock_button.setAutoDefault(True)  # Enter on the focused button presses it
        self.unlock_button.setMinimumSize(220, 56)
        self.unlock_button.clicked.connect(self.unlock_requested)
        column = QWidget()  # a narrow column: the words wrap to the height they need
        column.setMaximumWidth(560)
        inner = QVBoxLayout(column)
        inner.addWidget(self.title)
        inner.addSpacing(16)
        inner.addWidget(self.words)
        inner.addSpacing(24)
        inner.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.set_protected(False)
        self.hide()

    def set_protected(self, protected: bool) -> None:
        """With a passphrase the lock is a real one; without, the page says it is a screen."""
        self.words.setText(PROTECTED if protected else PRIVACY_SCREEN)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter anywhere on the page unlocks: the button is the page's default.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.unlock_requested.emit()
            return
        super().keyPressEvent(event)
