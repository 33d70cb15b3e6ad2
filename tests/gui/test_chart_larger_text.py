"""The trend chart follows View > Larger text: drawn again at once with its words a quarter
larger, and given the height those words, its legend and its lanes need (the page scrolls when
the window is short), so that no panel's labels run into each other; and back again."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.test_chart_view import DEMO_END
from tracker.app import build_window
from tracker.domain.demo import build_demo_journal
from tracker.domain.trends import Preset
from tracker.storage import repository
from tracker.storage.database import open_journal
from tracker.ui import theme
from tracker.ui.larger_text import LARGER_TEXT_FACTOR
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets.chart_view import ChartView
from tracker.ui.widgets.trends_page import TrendsPage


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, data_dir: Path) -> Iterator[MainWindow]:
    """The app's window on a year of the demo journal, 1280x720 as a small laptop's screen,
    the Trends tab chosen and its chart painted."""
    theme.install(qapp)
    db = open_journal(data_dir)
    with db.unit_of_work() as session:
        repository.insert_journal(session, build_demo_journal(1, end=DEMO_END))
    db.close()
    run = build_window(data_dir)
    window = run.window
    qtbot.addWidget(window)
    window.resize(1280, 720)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: window.started_up, timeout=15000)
    page = window.panel("trends")
    assert isinstance(page, TrendsPage)
    with qtbot.waitSignal(window.chart_painted, timeout=15000):
        window.tabs.setCurrentWidget(page)
    yield window
    if window.larger_text_action.isChecked():
        window.larger_text_action.trigger()
    run.close()


def _view(window: MainWindow) -> ChartView:
    page = window.panel("trends")
    assert isinstance(page, TrendsPage) and page.view is not None
    return page.view


def _title_size(view: ChartView) -> float:
    title = view.figure.texts[0]
    assert title.get_text().startswith("Pain, nerve signs and treatments")
    return float(title.get_fontsize())


def _overlapping(figure: Figure) -> list[tuple[str, str]]:
    """The pairs of tick labels, on any panel's left or right side, that run into each other
    as drawn now."""
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    pairs = []
    for axes in figure.axes:
        labels = [t for t in axes.yaxis.get_ticklabels() if t.get_visible() and t.get_text()]
        boxes = [(label.get_window_extent(renderer), label.get_text()) for label in labels]
        placed = sorted(boxes, key=lambda box_text: box_text[0].y0)
        for (low, low_text), (high, high_text) in pairwise(placed):
            if low.y1 > high.y0 + 0.5:
                pairs.append((low_text, high_text))
    return pairs


def _cut_buttons(view: ChartView) -> list[str]:
    """The range buttons whose words, in bold as when chosen, have less room around them than
    the plain words are given (Qt's size for the button)."""
    cut = []
    for button in (*view.preset_buttons.values(), view.dates_button):
        words = button.text().replace("&", "")
        room = button.sizeHint().width() - QFontMetrics(button.font()).horizontalAdvance(words)
        bold = QFont(button.font())
        bold.setBold(True)
        if button.width() - QFontMetrics(bold).horizontalAdvance(words) < room:
            cut.append(words)
    return cut


def _drawn_again(qtbot: QtBot, view: ChartView) -> None:
    draws: list[object] = []
    view.canvas.mpl_connect("draw_event", draws.append)
    qtbot.waitUntil(lambda: len(draws) > 0, timeout=5000)


def test_larger_text_redraws_the_chart_larger_with_room_for_its_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = _view(window)
    usual_size, usual_height = _title_size(view), view.canvas.minimumHeight()
    assert view.canvas.height() >= usual_height
    assert _overlapping(view.figure) == []
    assert _cut_buttons(view) == []

    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.larger_text_action.isChecked()
    _drawn_again(qtbot, view)
    assert _title_size(view) == pytest.approx(usual_size * LARGER_TEXT_FACTOR, rel=0.02)
    assert view.canvas.minimumHeight() > usual_height
    assert view.canvas.height() >= view.canvas.minimumHeight()
    assert _overlapping(view.figure) == []
    assert _cut_buttons(view) == []
    for button in view.preset_buttons.values():  # a year and all of it: more lanes
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        _drawn_again(qtbot, view)
        assert view.canvas.height() >= view.canvas.minimumHeight()
        assert _overlapping(view.figure) == [], button.text()
    qtbot.mouseClick(view.preset_buttons[Preset.DAYS_90], Qt.MouseButton.LeftButton)
    _drawn_again(qtbot, view)

    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert not window.larger_text_action.isChecked()
    _drawn_again(qtbot, view)
    assert _title_size(view) == pytest.approx(usual_size, rel=0.02)
    # no higher than at first (whose measure, taken before the page was laid out, may be
    # a little high: a narrower figure, more rows of legend)
    assert view.canvas.minimumHeight() <= usual_height
    assert _overlapping(view.figure) == []
