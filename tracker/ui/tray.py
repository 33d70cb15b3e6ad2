"""The system tray's icon, where the system has a tray: reminders as its messages, and, if the
person chose so, the app kept running there when the window is closed (so that reminders can
fire). Its menu: Open and Quit; Quit quits.

The tooltip and the messages say only the app's name and a reminder's neutral words.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSystemTrayIcon

from tracker import APP_NAME
from tracker.ui.reminder_clock import app_settings

KEEP_RUNNING = "reminders/keep_running"


def keep_running() -> bool:
    """ "Keep running in the tray when the window is closed" (off unless chosen)."""
    return str(app_settings().value(KEEP_RUNNING, "0")) == "1"


def set_keep_running(on: bool) -> None:
    stored = app_settings()
    stored.setValue(KEEP_RUNNING, "1" if on else "0")
    stored.sync()


class Tray(QObject):
    def __init__(
        self, window: QMainWindow, icon: QIcon, window_quit: QAction | None = None
    ) -> None:
        """``window_quit``: the window's own Quit action, which quits too (with a tray and
        the setting on, closing the window would only hide it)."""
        super().__init__(window)
        self._window = window
        self._quitting = False
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(icon, self)
            self.icon.setToolTip(APP_NAME)
            self.menu = QMenu(window)
            self.open_action = QAction("&Open", self.menu)
            self.open_action.triggered.connect(self.open_window)
            self.quit_action = QAction("&Quit", self.menu)
            self.quit_action.triggered.connect(self.quit)
            self.menu.addAction(self.open_action)
            self.menu.addAction(self.quit_action)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.show()
            if window_quit is not None:
                window_quit.triggered.disconnect(window.close)
                window_quit.triggered.connect(self.quit)
        window.installEventFilter(self)
        self.follow_setting()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def follow_setting(self) -> None:
        """With a tray and the setting on, closing the last window does not quit the app."""
        QApplication.setQuitOnLastWindowClosed(not (self.available and keep_running()))

    def notify(self, lines: list[str]) -> None:
        if self.icon is not None and lines:
            self.icon.showMessage(APP_NAME, "\n".join(lines))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_window()

    def open_window(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def quit(self) -> None:
        """Quit the app (the window closes as it does without a tray: its place is kept)."""
        self._quitting = True
        self._window.close()
        if self.icon is not None:
            self.icon.hide()
        QApplication.quit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._window
            and event.type() == QEvent.Type.Close
            and not self._quitting
            and self.available
            and keep_running()
        ):
            event.ignore()
            self._window.hide()
            return True
        return super().eventFilter(watched, event)
