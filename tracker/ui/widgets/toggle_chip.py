"""A toggle that reads as a chip: a large checkable button whose words start with a tick when it
is on, so that "on" never depends on colour alone. Up and Down (or Left and Right) move to the
chip before or after it, as in a list of check boxes; Tab leaves as usual.

Styled by the style sheet as ``QPushButton#chip`` (``:checked`` for on).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

TICK = "\N{CHECK MARK} "


class ToggleChip(QPushButton):
    def __init__(self, text: str, accessible_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._words = text
        self.setObjectName("chip")
        self.setCheckable(True)
        self.setAccessibleName(accessible_name or text.replace("&", ""))
        self.toggled.connect(self._show_tick)

    def words(self) -> str:
        """The chip's words without the tick."""
        return self._words

    def _show_tick(self, on: bool) -> None:
        self.setText(TICK + self._words if on else self._words)

    def event(self, event: QEvent) -> bool:
        # Its Alt+letter turns it at once (Qt's own is a click 100 ms later, after which a quick
        # Ctrl+S would already have saved without it) and shows where it is.
        if event.type() == QEvent.Type.Shortcut and self.isEnabled():
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.click()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right) and not event.modifiers():
            self.focusNextChild()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left) and not event.modifiers():
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)
