"""The window's status line: one sentence about the journal (open, a problem, what was just
done). No file path is shown in it: Help, About and the Backups dialog say where the journal is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

OPENING = "Opening your journal…"


class StatusLine(QLabel):
    def __init__(self) -> None:
        super().__init__(OPENING)
        self.setWordWrap(True)

    def say(self, sentence: str) -> None:
        """``sentence``, in the text format last set."""
        self.setText(sentence)

    def say_plainly(self, sentence: str) -> None:
        """``sentence`` as plain text (a name in it is never read as markup)."""
        from PySide6.QtCore import Qt  # the Qt namespace's enums cost 50 ms on first use

        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(sentence)

    def say_marked_up(self, html: str) -> None:
        """``html``: a sentence with a part in bold."""
        from PySide6.QtCore import Qt

        self.setText(html)
        self.setTextFormat(Qt.TextFormat.RichText)
