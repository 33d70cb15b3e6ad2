"""The window's actions and menus, made before its first paint.

Setting a shortcut makes PySide6 build the Qt namespace's enums (40 ms), so the shortcuts wait
until just after the first paint (``set_shortcuts``), with the pages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


class WindowActions:
    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self._shortcuts: list[tuple[QAction, QKeySequence | str]] = []
        self._ready = False
        self.go_menu: QMenu | None = None

    def action(
        self, text: str, shortcut: QKeySequence | str | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
            if self._ready:
                self.set_shortcuts()
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def set_shortcuts(self) -> None:
        """Give the actions their shortcuts (just after the first paint, and from then on)."""
        self._ready = True
        for action, shortcut in self._shortcuts:
            action.setShortcut(QKeySequence(shortcut))
        self._shortcuts.clear()

    def menu(self, title: str, *actions: QAction | None) -> QMenu:
        """A menu of ``actions``; ``None`` is a separator."""
        menu = self._window.menuBar().addMenu(title)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def go_action(self, title: str, slot: Callable[[], object]) -> None:
        """A page in the Go menu, by Ctrl+1, Ctrl+2, ... (the tabs carry no Alt letters: the
        pages need them)."""
        if self.go_menu is None:
            self.go_menu = self.menu("&Go")
        number = len(self.go_menu.actions()) + 1
        shortcut = f"Ctrl+{number}" if number <= 9 else None
        self.go_menu.addAction(self.action(title, shortcut, slot))
