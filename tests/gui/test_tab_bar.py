"""Every page's name in the main window's tab bar is seen at once on a 1280 px wide screen,
without scroll arrows (docs/design.md: the tabs)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tracker.app import build_window


def test_every_tab_is_seen_whole_in_a_1280_px_window(qtbot: QtBot, data_dir: Path) -> None:
    run = build_window(data_dir)
    window = run.window
    qtbot.addWidget(window)
    try:
        window.resize(1280, 800)
        with qtbot.waitSignal(window.first_painted, timeout=10000):
            window.show()
        qtbot.waitUntil(lambda: window.width() == 1280, timeout=3000)
        bar = window.tabs.tabBar()
        assert bar.count() == 10
        assert bar.sizeHint().width() <= bar.width()
        for index in range(bar.count()):
            shown = bar.tabRect(index)
            assert shown.left() >= 0 and shown.right() < bar.width(), bar.tabText(index)
            assert shown.width() >= bar.tabSizeHint(index).width(), bar.tabText(index)
    finally:
        run.close()
