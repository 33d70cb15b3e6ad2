"""The whole window as the app builds it (every tab, the journal open), for the tests that
walk all of its pages (tests/gui/test_accessible_names.py, test_larger_text_pages.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tracker.app import build_window
from tracker.ui.main_window import MainWindow

PAGES = ("treatments", "medications", "reviews", "appointments", "alerts", "trends")


def whole_window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    """The window on a new journal, started up; afterwards its dialogs and it closed."""
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: window.started_up, timeout=10000)
    yield window
    for dialog in QApplication.topLevelWidgets():
        if dialog is not window and dialog.isVisible():
            dialog.close()
    session.close()
