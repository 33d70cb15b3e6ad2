"""The Trends tab chosen while the journal opens: its chart is drawn first, the start-up backup
(and what waits for the start's end, the reminders) after the chart's first paint; the start
still ends when the chart never paints."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import tracker.app_run
from tests.gui.test_window_start import _journal_with_two_entries, _slow_start, trends_asking
from tracker.app import AppRun
from tracker.services.backups import BackupService


def _backups_noted(monkeypatch: pytest.MonkeyPatch, events: list[str]) -> None:
    """``events`` gets "backup" when the start-up backup begins (in its own thread)."""
    original = BackupService.backup_if_changed

    def noted(self: BackupService) -> object:
        events.append("backup")
        return original(self)

    monkeypatch.setattr(BackupService, "backup_if_changed", noted)


def _trends_asked_while_opening(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[AppRun, threading.Event]:
    """A journal of two entries, no backup yet, its opening held back until the returned event
    is set; the window shown and its Trends tab chosen, which has asked for the journal."""
    _journal_with_two_entries(data_dir)
    imports_done = _slow_start(monkeypatch)
    return trends_asking(qtbot, data_dir), imports_done


def test_the_start_up_backup_waits_for_the_chart_the_person_asked_for(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    _backups_noted(monkeypatch, events)
    session, imports_done = _trends_asked_while_opening(qtbot, data_dir, monkeypatch)
    window = session.window
    window.chart_painted.connect(lambda: events.append("chart painted"))
    imports_done.set()
    qtbot.waitUntil(lambda: window.started_up, timeout=15000)
    assert events == ["chart painted", "backup"]
    (made,) = BackupService(data_dir).backups()
    assert made.verified and made.entries == 2
    session.close()


def test_the_start_ends_when_the_chart_it_waits_for_never_paints(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Trends tab left before the journal opened: its chart is not painted, and the
    start-up backup is made all the same, a little later."""
    monkeypatch.setattr(tracker.app_run, "CHART_WAIT_MS", 50)
    events: list[str] = []
    _backups_noted(monkeypatch, events)
    session, imports_done = _trends_asked_while_opening(qtbot, data_dir, monkeypatch)
    window = session.window
    window.chart_painted.connect(lambda: events.append("chart painted"))
    bar = window.tabs.tabBar()
    left = bar.tabRect(0).center()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=left)  # type: ignore[no-untyped-call]
    assert window.tabs.currentIndex() == 0
    imports_done.set()
    qtbot.waitUntil(lambda: window.started_up, timeout=15000)
    assert events == ["backup"]
    assert window.services is not None
    (made,) = BackupService(data_dir).backups()
    assert made.verified and made.entries == 2
    session.close()
