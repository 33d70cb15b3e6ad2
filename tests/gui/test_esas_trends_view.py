"""The ESAS-r tab of the Trends page, on the demo journal: reached by keyboard beside the chart,
it draws the weekly forms of the days the Chart tab shows, and follows them when a person
chooses other dates or a preset there (read back from the figure's axes and lines). A form
saved after the last check-in is one of the journal's days: the chart's first dates reach it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tests.gui.test_esas_page import open_page
from tests.gui.test_record_pages_window import NOW, chart, stored, window  # noqa: F401
from tests.gui.test_spine_view import DEMO_END, choose_tab, page  # noqa: F401
from tracker.charts.time_axis import day_span
from tracker.domain.timeutil import local_day
from tracker.domain.trends import FIRST_PRESET, Preset
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets.esas_trends_page import NONE_IN_DAYS, EsasTrendsView
from tracker.ui.widgets.trends_page import TrendsPage

WINTER = (date(2026, 1, 1), date(2026, 3, 31))
DEMO_START = date(2025, 11, 21)


def to_esas_tab(qtbot: QtBot, shown: TrendsPage) -> EsasTrendsView:
    """Right arrow on the tab bar to the last tab, ESAS-r."""
    assert shown.tabs is not None
    while shown.tabs.currentIndex() < shown.tabs.count() - 1:
        choose_tab(qtbot, shown, Qt.Key.Key_Right)
    esas = shown.esas
    assert esas is not None and shown.tabs.currentWidget() is esas
    qtbot.waitUntil(esas.isVisible)
    return esas


def to_chart_tab(qtbot: QtBot, shown: TrendsPage) -> None:
    """Left arrow on the tab bar to the first tab, the chart."""
    assert shown.tabs is not None and shown.view is not None
    while shown.tabs.currentIndex() > 0:
        choose_tab(qtbot, shown, Qt.Key.Key_Left)
    qtbot.waitUntil(shown.view.isVisible)


def drawn_days(esas: EsasTrendsView) -> tuple[float, float]:
    low, high = esas.canvas.figure.axes[0].get_xlim()
    return low, high


def form_days(esas: EsasTrendsView) -> list[date]:
    return [local_day(f.completed_at) for f in esas.forms]


def test_the_esas_tab_follows_the_dates_chosen_on_the_chart(
    qtbot: QtBot,
    page: TrendsPage,  # noqa: F811
) -> None:
    assert page.tabs is not None and page.view is not None
    assert page.tabs.tabText(page.tabs.count() - 1) == "ESAS-r"
    esas = to_esas_tab(qtbot, page)
    # The chart opens on the last 90 days: the forms of those days, drawn on them.
    qtbot.waitUntil(lambda: esas.forms != [])
    ninety = (date(2026, 8, 23), DEMO_END)
    assert drawn_days(esas) == pytest.approx(day_span(*ninety))
    assert all(ninety[0] <= d <= ninety[1] for d in form_days(esas))
    assert len(esas.forms) >= 12  # weekly
    assert "23 Aug 2026 to 20 Nov 2026" in esas.period.text()
    pain_line: Any = esas.canvas.figure.axes[0].lines[0]
    assert len(pain_line.get_xdata()) == len(esas.forms)

    # Back on the chart, a person types other dates and shows them.
    to_chart_tab(qtbot, page)
    view = page.view
    view.from_edit.setDate(QDate(2026, 1, 1))
    view.to_edit.setDate(QDate(2026, 3, 31))
    qtbot.mouseClick(view.dates_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    esas = to_esas_tab(qtbot, page)
    qtbot.waitUntil(lambda: drawn_days(esas) == pytest.approx(day_span(*WINTER)))
    assert form_days(esas) and all(WINTER[0] <= d <= WINTER[1] for d in form_days(esas))
    assert "1 Jan 2026 to 31 Mar 2026" in esas.period.text()
    assert not esas.message.isVisible()

    # A preset button too: the whole journal.
    to_chart_tab(qtbot, page)
    qtbot.mouseClick(view.preset_buttons[Preset.ALL], Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    esas = to_esas_tab(qtbot, page)
    qtbot.waitUntil(lambda: drawn_days(esas)[0] == pytest.approx(day_span(DEMO_START, DEMO_END)[0]))
    assert len(esas.forms) > 40


def test_days_without_a_form_say_so(
    qtbot: QtBot,
    page: TrendsPage,  # noqa: F811
) -> None:
    assert page.view is not None and page.esas is not None
    page.view.show_dates(DEMO_START, DEMO_START)  # the demo's first day: no form yet
    esas = to_esas_tab(qtbot, page)
    qtbot.waitUntil(lambda: esas.message.isVisible())
    assert esas.forms == [] and esas.message.text() == NONE_IN_DAYS


def test_a_form_saved_after_the_last_entry_is_drawn_in_the_first_dates(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
) -> None:
    # The chart's first 90 days end on the journal's last day: the fixture's entry, 2 days ago.
    assert chart(qtbot, window).end == local_day(NOW - timedelta(days=2))
    form_page = open_page(window)
    form_page.items.rows["pain"].setValue(6)
    form_page.who["patient"].setChecked(True)
    form_page.save_button.click()  # today: after the last entry
    (saved,) = stored(data_dir).esas.list()
    trends = window.panel("trends")
    assert isinstance(trends, TrendsPage)
    window.tabs.setCurrentWidget(trends)
    esas = to_esas_tab(qtbot, trends)
    qtbot.waitUntil(lambda: [f.pain for f in esas.forms] == [6])
    assert trends.view is not None and trends.view.data is not None
    assert trends.view.preset_buttons[FIRST_PRESET].isChecked()
    assert trends.view.data.end == local_day(saved.completed_at)
    assert not esas.message.isVisible()
    pain_line: Any = esas.canvas.figure.axes[0].lines[0]
    assert list(pain_line.get_ydata()) == [6.0]
