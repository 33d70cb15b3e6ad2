"""On a small laptop's screen (1280x720), each record page's list shows every column without
scrolling sideways, and every column's heading whole: a person with numb fingers should not
have to drag a scroll bar to see when a medicine stops, nor guess a clipped heading. With
View > Larger text the headings stay whole too (a list may then scroll sideways)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.whole_window import demo_window
from tracker.ui.main_window import MainWindow

RECORD_PAGES = ("treatments", "medications", "medicines", "reviews", "appointments", "esas_forms")
FORM_PAGES = RECORD_PAGES[1:]  # a form beside (or over) the list: all but treatments


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, data_dir: Path) -> Iterator[MainWindow]:
    """The app's window on a year of the demo journal, ending yesterday as a person's would
    (its medicines, painkillers, appointments, reviews and treatments filled in), 1280x720."""
    yield from demo_window(qtbot, qapp, data_dir, date.today() - timedelta(days=1))


def _shown_table(qtbot: QtBot, window: MainWindow, name: str) -> QTableView:
    page = window.panel(name)
    assert page is not None
    window.tabs.setCurrentWidget(page)
    holder = getattr(page, "history", page)  # the weekly form's list is under the form
    table = getattr(holder, "table", None)
    assert isinstance(table, QTableView)
    qtbot.waitUntil(table.isVisible)
    if name == "medications":  # it lists one day's doses: the demo's last day is yesterday
        qtbot.mouseClick(page.day_before_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    QApplication.processEvents()  # the columns' widths follow the rows, a layout pass later
    return table


def _clipped_headings(table: QTableView) -> dict[str, tuple[int, int]]:
    header = table.horizontalHeader()
    model = table.model()
    return {
        str(model.headerData(column, header.orientation())): (
            header.sectionSize(column),
            header.sectionSizeHint(column),
        )
        for column in range(header.count())
        if not header.isSectionHidden(column)
        and header.sectionSize(column) < header.sectionSizeHint(column)
    }


@pytest.mark.parametrize("name", RECORD_PAGES)
def test_every_column_is_seen_with_its_heading_whole(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    table = _shown_table(qtbot, window, name)
    header = table.horizontalHeader()
    # the columns end inside the list: nothing to scroll sideways to
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    bar = table.horizontalScrollBar()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2000)
    assert _clipped_headings(table) == {}


@pytest.mark.parametrize("name", RECORD_PAGES)
def test_with_larger_text_every_heading_is_whole(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    table = _shown_table(qtbot, window, name)
    usual = table.horizontalHeader().font().pointSizeF()
    window.larger_text_action.trigger()
    qtbot.waitUntil(lambda: table.horizontalHeader().font().pointSizeF() > usual)
    qtbot.waitUntil(lambda: _clipped_headings(table) == {})
    # the columns still meet the list's right edge: none narrower, no gap after the last
    header = table.horizontalHeader()
    assert header.length() >= table.viewport().width()


def test_a_medicine_s_name_is_whole_in_its_tooltip(qtbot: QtBot, window: MainWindow) -> None:
    """The name's column gives way first on a narrow window: a long name then ends in "…",
    and pointing at it shows it whole."""
    table = _shown_table(qtbot, window, "medicines")
    model = table.model()
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    tips = [model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) for row in range(len(names))]
    assert "Morphine sulfate modified-release" in names
    assert tips == names


def _cut_forms(page: QWidget) -> dict[str, tuple[int, int]]:
    """The page's forms (in scroll areas that do not scroll sideways) shown narrower than they
    need: their fields and words cut at the right edge."""
    cut = {}
    for scroll in page.findChildren(QScrollArea):
        form = scroll.widget()
        if (
            form is None
            or scroll.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        ):
            continue
        shown, needed = scroll.viewport().width(), form.minimumSizeHint().width()
        if shown < needed:
            cut[form.objectName() or type(form).__name__] = (shown, needed)
    return cut


@pytest.mark.parametrize("name", FORM_PAGES)
def test_with_larger_text_no_form_is_cut(qtbot: QtBot, window: MainWindow, name: str) -> None:
    _shown_table(qtbot, window, name)
    page = window.panel(name)
    assert page is not None
    forms = [s.widget() for s in page.findChildren(QScrollArea) if s.widget() is not None]
    assert forms  # the page's form is in a scroll area
    usual = {form: form.minimumSizeHint().width() for form in forms}
    window.larger_text_action.trigger()
    # the larger words have reached the forms: they need more room than before
    qtbot.waitUntil(lambda: all(f.minimumSizeHint().width() > usual[f] for f in forms))
    for _ in range(3):  # the window's layouts, a pass a level
        QApplication.processEvents()
    assert _cut_forms(page) == {}
