"""The window's date and time fields keep to the days a journal holds, 1900-01-01 to
2199-12-31: a year typed outside them is not taken, and what is saved lies within them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit
from pytestqt.qtbot import QtBot

from tests.gui.test_entry_stories import (  # noqa: F401
    new_window,
    press,
    stored,
    type_keys,
    window,
)
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets.chart_view import ChartView

FIRST, LAST = QDate(1900, 1, 1), QDate(2199, 12, 31)


def test_every_date_field_of_the_window_keeps_to_the_journals_days(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
) -> None:
    chart = ChartView()
    qtbot.addWidget(chart)
    fields = [*window.findChildren(QDateTimeEdit), *chart.findChildren(QDateTimeEdit)]
    # the entry's time, the history's period and the chart's (the other panels' fields are all
    # the same DateTimeField as the entry's time)
    assert window.entry_form.when in fields and chart.from_edit in fields
    assert window.history.date_from in fields
    for field in fields:
        assert (field.minimumDate(), field.maximumDate()) == (FIRST, LAST), field.accessibleName()


def test_a_typed_year_9999_is_not_taken(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
) -> None:
    window.contacts_panel.later_button.click()
    form = window.entry_form
    form.when.setFocus()
    form.when.setSelectedSection(QDateTimeEdit.Section.YearSection)  # as a double-click does
    year = form.when.date().year()
    type_keys(qtbot, "9999")
    assert form.when.date().year() == year  # Qt's own range would have taken 9999
    form.pain_score.setFocus()
    assert form.when.date().year() <= 2199
    form.pain_score.selectAll()
    type_keys(qtbot, "4")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (entry,) = stored(data_dir).journal.entries()
    assert date(1900, 1, 1) <= entry.recorded_at.date() <= date(2199, 12, 31)
    assert QApplication.focusWidget() is not None
