"""The window paints first, then opens the journal."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import EXAMPLE_JOURNAL, run_cli
from tracker.app import build_window


def test_the_window_paints_then_opens_the_journal(qtbot: QtBot, data_dir: Path) -> None:
    run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("Spine Journal")
    assert session.db is None  # nothing opened before the first paint
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: session.db is not None, timeout=5000)
    assert window.services is not None
    assert window.services.journal.counts()["entries"] == 23
    session.close()
