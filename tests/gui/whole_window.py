"""The whole window as the app builds it (every tab, the journal open), for the tests that
walk all of its pages (tests/gui/test_accessible_names.py, test_larger_text_pages.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tracker.app import build_window
from tracker.domain.demo import build_demo_journal
from tracker.storage import list_rows
from tracker.storage.database import open_journal
from tracker.ui import theme
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


def demo_window(
    qtbot: QtBot, qapp: QApplication, data_dir: Path, end: date
) -> Iterator[MainWindow]:
    """The app's window, themed, on a year of the demo journal ending on ``end``, 1280x720 as
    a small laptop's screen, started up on its Check-in tab; afterwards Larger text turned off
    again and the window closed."""
    theme.install(qapp)
    db = open_journal(data_dir)
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, build_demo_journal(1, end=end))
    db.close()
    run = build_window(data_dir)
    window = run.window
    qtbot.addWidget(window)
    window.resize(1280, 720)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: window.started_up, timeout=15000)
    yield window
    if window.larger_text_action.isChecked():
        window.larger_text_action.trigger()
    run.close()
