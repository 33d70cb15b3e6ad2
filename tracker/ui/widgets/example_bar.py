"""The bar across the window while the example journal is open: it says that this is made-up
example data, kept apart from the person's journal, and takes them back to theirs (Alt+Y:
every other letter of "Back to my journal" is taken on the entry form)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from tracker.ui.common import MessageLine


class ExampleBar(QFrame):
    """``back_requested`` when "Back to my journal" is pressed."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exampleBar")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAccessibleName("Example journal")
        self.text = QLabel(
            "<b>Example journal: made-up data.</b> Look around and try things; nothing you do "
            "here reaches your own journal, its backups or its exports."
        )
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.back_button = QPushButton("Back to m&y journal")
        self.back_button.setObjectName("primary")
        self.back_button.setAccessibleName("Back to my journal")
        self.back_button.setAutoDefault(True)
        self.back_button.clicked.connect(self.back_requested)
        self.message = MessageLine()
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.back_button)
        self.hide()

    def show_problem(self, sentence: str) -> None:
        self.message.show_important(sentence)
