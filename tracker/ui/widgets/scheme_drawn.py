"""A page drawn with matplotlib in the window's colours: the ESAS-r tab and the spine map.

It is drawn when shown, and again when the desktop turns light or dark (the theme's new
palette reaches it as a PaletteChange). That redraw waits for the event loop: the palette
changes while Qt restyles every widget for the app's new style sheet, and a drawing then
(reading the journal, showing and hiding labels) ran in the middle of that pass.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from tracker.ui import theme


class SchemeDrawn(QWidget):
    def redraw(self) -> None:
        """Draw what is to be shown, unless it is drawn already in these colours."""
        raise NotImplementedError

    def is_dark(self) -> bool:
        """Whether the window shows the dark scheme (``theme.shows_dark``)."""
        return theme.shows_dark()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.isVisible():
            QTimer.singleShot(0, self, self.redraw)  # once the restyling pass is over
