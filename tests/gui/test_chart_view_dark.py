"""The trend chart follows the window's scheme: the desktop switching to dark redraws the chart
on the Trends page in the dark palette, and back to light; a saved chart stays light."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from matplotlib.colors import to_hex
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.test_chart_view import DEMO_END, shown_view
from tests.gui.test_design import _switch
from tracker.charts import SCREEN, SCREEN_DARK
from tracker.charts.palette import Palette
from tracker.domain.demo import build_demo_journal
from tracker.storage import list_rows
from tracker.ui import theme
from tracker.ui.widgets.chart_view import ChartView


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[theme.Theme]:
    """The app's theme, back to the light scheme afterwards for the other tests."""
    applied = theme.install(qapp)
    _switch(qapp, Qt.ColorScheme.Light)
    yield applied
    _switch(qapp, Qt.ColorScheme.Light)


@pytest.fixture
def view(qtbot: QtBot, db: Any, themed: theme.Theme) -> ChartView:
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, build_demo_journal(1, end=DEMO_END))
    return shown_view(qtbot, db)


def worn(widget: ChartView) -> tuple[str, str, str, str]:
    """The chart's background, a date's and a pain score's tick label colour, its title's."""
    figure = widget.figure
    drawn = widget.drawn
    assert drawn is not None and drawn.pain_axes is not None
    date_label = figure.axes[2].get_xticklabels()[0]
    score_label = drawn.pain_axes.get_yticklabels()[0]
    assert date_label.get_text() and score_label.get_text() == "0"
    return (
        to_hex(figure.get_facecolor()),
        to_hex(date_label.get_color()),
        to_hex(score_label.get_color()),
        to_hex(figure.texts[0].get_color()),
    )


def wearing(palette: Palette) -> tuple[str, str, str, str]:
    ink = palette.ink.lower()
    return (palette.background.lower(), ink, ink, ink)


def test_the_chart_follows_the_scheme_switch(
    qtbot: QtBot, qapp: QApplication, view: ChartView
) -> None:
    assert worn(view) == wearing(SCREEN)
    draws: list[object] = []
    view.canvas.mpl_connect("draw_event", draws.append)

    _switch(qapp, Qt.ColorScheme.Dark)
    assert worn(view) == wearing(SCREEN_DARK)
    qtbot.waitUntil(lambda: len(draws) > 0)  # the canvas shows it (drawn when Qt is idle)

    drawn = len(draws)
    _switch(qapp, Qt.ColorScheme.Light)
    assert worn(view) == wearing(SCREEN)
    qtbot.waitUntil(lambda: len(draws) > drawn)


def test_a_view_made_in_the_dark_scheme_draws_dark_from_the_start(
    qtbot: QtBot, qapp: QApplication, db: Any, themed: theme.Theme
) -> None:
    _switch(qapp, Qt.ColorScheme.Dark)
    widget = shown_view(qtbot, db)
    assert worn(widget) == wearing(SCREEN_DARK)


def test_a_chart_saved_in_the_dark_scheme_is_light(
    qtbot: QtBot, qapp: QApplication, view: ChartView, tmp_path: Path
) -> None:
    _switch(qapp, Qt.ColorScheme.Dark)
    out = tmp_path / "chart.png"
    view.ask_save_path = lambda: str(out)  # type: ignore[method-assign]
    with qtbot.waitSignal(view.chart_saved):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    image = QImage(str(out))
    assert image.pixelColor(2, 2).name() == SCREEN.background.lower()
    assert worn(view) == wearing(SCREEN_DARK)  # the window's chart stays dark
