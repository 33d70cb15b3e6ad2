"""After a save the history changes only the rows it must, and shows what reading the whole
list again would show: the same rows, texts, red flags, order and column widths."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tracker.app import build_window
from tracker.domain.model import Entry, Pain, Weakness
from tracker.domain.wording import time_text
from tracker.services.registry import build_services
from tracker.storage import repository
from tracker.storage.database import open_journal
from tracker.ui import theme
from tracker.ui.common import to_qdatetime
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets.history_panel import HistoryPanel

NOW = datetime.now().astimezone().replace(second=0, microsecond=0)


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    db = open_journal(data_dir)
    with db.unit_of_work() as session:
        for days_ago in range(1, 12):
            repository.insert_entry(
                session,
                Entry(
                    recorded_at=NOW - timedelta(days=days_ago),
                    pain=Pain(score=days_ago % 4, regions=("lumbar",)),
                    note=f"day {days_ago}",
                ),
            )
        # the latest entry, stored without its red-flag check (as an older version would
        # have): constipation, a watch flag (W2), is logged by the next save's check
        repository.insert_entry(
            session,
            Entry(recorded_at=NOW - timedelta(hours=1), pain=Pain(score=2), bowel="constipated"),
        )
    db.close()
    session = build_window(data_dir)
    qtbot.addWidget(session.window)
    with qtbot.waitSignal(session.window.first_painted, timeout=5000):
        session.window.show()
    qtbot.waitUntil(lambda: session.window.services is not None, timeout=5000)
    yield session.window
    dialog = session.window.alerts.dialog
    if dialog is not None and dialog.isVisible():
        dialog.buttons["discussed_with_team"].click()
    session.close()


def shown(history: HistoryPanel) -> list[list[str]]:
    """The table as the person sees it: rows in the view's order, every cell's text."""
    proxy = history.proxy
    return [
        [proxy.index(row, column).data() for column in range(proxy.columnCount())]
        for row in range(proxy.rowCount())
    ]


def widths(history: HistoryPanel) -> list[int]:
    """Every column's width but the last, which stretches to the table's edge."""
    return [history.table.columnWidth(c) for c in range(history.model.columnCount() - 1)]


def save_by_form(qtbot: QtBot, window: MainWindow, when: datetime, score: int) -> None:
    form = window.entry_form
    form.when.setDateTime(to_qdatetime(when))
    form.pain_score.setValue(score)
    form.weakness["right_leg"].setCurrentIndex(1)  # "slight: right leg", a longer text
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "saved" in form.message.text()


def test_a_save_shows_its_row_and_the_new_flags_of_the_latest_entry(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    history = window.history
    before = shown(history)
    assert len(before) == 12
    red_flags = list(history.model.columns).index("Red flags")
    assert [row[red_flags] for row in before] == [""] * 12
    save_by_form(qtbot, window, NOW - timedelta(hours=2), 3)
    (saved,) = [
        e for e in build_services(open_journal(data_dir)).journal.entries() if e.weakness.right_leg
    ]
    after = shown(history)
    assert len(after) == 13 and history.count_label.text() == "13 entries"
    # newest first: the unchecked latest entry, now with its W2 logged, then the new one
    assert after[0][red_flags] == "W2" and after[0][7] == "constipated"
    assert after[1][0] == time_text(saved.recorded_at)
    assert "slight: right leg" in after[1]
    # the column fits the new, longer weakness text
    weakness = list(history.model.columns).index("Weakness")
    cell = history.proxy.index(1, weakness)
    assert history.table.columnWidth(weakness) >= history.table.sizeHintForIndex(cell).width()
    # reading the whole list again gives the same table
    kept_widths = widths(history)
    history.show_last_30_days()
    assert shown(history) == after
    assert widths(history) == kept_widths


def test_column_widths_are_those_qt_would_measure(qtbot: QtBot, window: MainWindow) -> None:
    """The history sizes its columns from the texts' widths, not by asking Qt for every
    cell; the result is Qt's own."""
    save_by_form(qtbot, window, NOW - timedelta(hours=3), 10)
    history = window.history
    history.show_last_30_days()
    ours = widths(history)
    history.table.resizeColumnsToContents()
    assert widths(history) == ours


def test_an_edit_moving_an_entry_out_of_the_dates_shown_takes_its_row_out(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    history = window.history
    history.date_from.setDate(history.date_to.date().addDays(-5))
    rows = len(shown(history))
    recent = history.model.entry_at(0)
    window.entry_form.edit(recent)
    window.entry_form.when.setDateTime(to_qdatetime(recent.recorded_at - timedelta(days=20)))
    qtbot.mouseClick(window.entry_form.save_button, Qt.MouseButton.LeftButton)
    stored = build_services(open_journal(data_dir)).journal.get_entry(str(recent.id))
    assert stored is not None and stored.recorded_at == recent.recorded_at - timedelta(days=20)
    assert len(shown(history)) == rows - 1
    assert history.model.row_of(str(recent.id)) == -1
    assert history.count_label.text() == f"{rows - 1} entries"
    # and back in: Ctrl+Z restores the earlier version, which the dates shown include
    history.table.setFocus()
    qtbot.keyClick(history.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(shown(history)) == rows and history.model.row_of(str(recent.id)) >= 0
    listed = shown(history)
    history.date_from.setDate(history.date_to.date().addDays(-6))
    history.date_from.setDate(history.date_to.date().addDays(-5))
    assert shown(history) == listed


def test_weakness_shown_in_the_history_after_a_save_is_the_stored_one(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    save_by_form(qtbot, window, NOW - timedelta(minutes=30), 4)
    latest = build_services(open_journal(data_dir)).journal.latest_entry()
    # one nerve answer given: the others shown are answered "no" (issue 17)
    answered = Weakness(left_arm=0, right_arm=0, left_leg=0, right_leg=1)
    assert latest is not None and latest.weakness == answered
    row = window.history.model.row_of(str(latest.id))
    assert window.history.model.entry_at(row) == latest


def test_columns_fit_the_larger_text(qtbot: QtBot, window: MainWindow) -> None:
    history = window.history
    normal = widths(history)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # Larger text
    assert window.larger_text_action.isChecked()
    qtbot.waitUntil(lambda: widths(history)[0] > normal[0])
    larger = widths(history)
    history.table.resizeColumnsToContents()
    assert widths(history) == larger


def test_columns_fit_the_larger_text_under_the_style_sheet(
    qtbot: QtBot, qapp: QApplication, window: MainWindow
) -> None:
    """As the app runs: the theme's style sheet (bold, padded headings) and larger text; the
    headings are never cut."""
    theme.install(qapp)
    history = window.history
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    try:
        header = history.table.horizontalHeader()
        qtbot.waitUntil(lambda: widths(history)[1] >= header.sectionSizeHint(1))
        larger = widths(history)
        history.table.resizeColumnsToContents()
        assert widths(history) == larger
    finally:
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
