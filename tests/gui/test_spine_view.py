"""The spine map on the Trends page, on the demo journal: its own tab, reached by keyboard,
following the days chosen on the chart (what it draws, read from the figure's texts and marks,
and the list in words beside it changes with them)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tracker.charts import mark_spans
from tracker.domain.demo import build_demo_journal
from tracker.domain.trends import Preset
from tracker.services.registry import build_services
from tracker.storage import list_rows
from tracker.ui.widgets.spine_view import SpineView
from tracker.ui.widgets.trends_page import TrendsPage

DEMO_END = date(2026, 11, 20)
FIELD = "T8: Radiotherapy, 14 Jan 2026"
CEMENT = "L2: Kyphoplasty, 29 Jun 2026"


@pytest.fixture
def page(qtbot: QtBot, db: Any) -> TrendsPage:
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, build_demo_journal(1, end=DEMO_END))
    widget = TrendsPage()
    qtbot.addWidget(widget)
    widget.set_services(build_services(db))
    widget.resize(1200, 860)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.view is not None and widget.view.data is not None)
    return widget


def choose_tab(qtbot: QtBot, page: TrendsPage, key: Qt.Key) -> None:
    """Choose the next tab (Right) or the one before (Left) by keyboard, the tab bar focused."""
    assert page.tabs is not None
    bar = page.tabs.tabBar()
    bar.setFocus()
    qtbot.keyClick(bar, key)


def to_spine_tab(qtbot: QtBot, page: TrendsPage) -> SpineView:
    choose_tab(qtbot, page, Qt.Key.Key_Right)
    spine = page.spine
    assert spine is not None
    qtbot.waitUntil(spine.isVisible)
    return spine


def to_chart_tab(qtbot: QtBot, page: TrendsPage) -> None:
    choose_tab(qtbot, page, Qt.Key.Key_Left)
    assert page.view is not None
    qtbot.waitUntil(page.view.isVisible)


def drawn_texts(spine: SpineView) -> str:
    assert spine.drawn is not None
    return " ".join(spine.drawn.texts)


def words(spine: SpineView) -> list[str]:
    return [spine.words.item(row).text() for row in range(spine.words.count())]


def test_the_map_follows_the_dates_chosen_on_the_chart(qtbot: QtBot, page: TrendsPage) -> None:
    assert page.tabs is not None and page.view is not None
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Chart",
        "Spine map",
        "ESAS-r",
    ]
    spine = to_spine_tab(qtbot, page)
    # The chart opens on the last 90 days: the map shows them, with both demo treatments.
    qtbot.waitUntil(lambda: spine.data is not None and spine.data.end == DEMO_END)
    assert spine.data is not None and spine.data.start == date(2026, 8, 23)
    assert FIELD in drawn_texts(spine) and CEMENT in drawn_texts(spine)
    assert "23 Aug 2026 to 20 Nov 2026" in spine.period.text()
    assert any(line.startswith("Kyphoplasty L2, 29 Jun 2026: L2") for line in words(spine))
    ninety_shading = {
        p.get_gid() for p in spine.figure.axes[0].patches if "region" in str(p.get_gid())
    }

    # Back on the chart, a person types other dates and shows them.
    to_chart_tab(qtbot, page)
    view = page.view
    view.from_edit.setFocus()
    view.from_edit.setDate(QDate(2026, 1, 1))
    view.to_edit.setDate(QDate(2026, 3, 31))
    qtbot.mouseClick(view.dates_button, Qt.MouseButton.LeftButton)
    spine = to_spine_tab(qtbot, page)
    qtbot.waitUntil(lambda: spine.data is not None and spine.data.end == date(2026, 3, 31))
    texts = drawn_texts(spine)
    assert FIELD in texts  # started in January
    assert CEMENT not in texts  # not yet done by the end of March
    assert list(mark_spans(spine.figure).values()) == [("T8",)]
    assert "1 Jan 2026 to 31 Mar 2026" in texts
    assert not any("Kyphoplasty" in line for line in words(spine))
    shading = {p.get_gid() for p in spine.figure.axes[0].patches if "region" in str(p.get_gid())}
    assert shading != ninety_shading  # the shares are the new days' own

    # A preset button too.
    to_chart_tab(qtbot, page)
    qtbot.mouseClick(view.preset_buttons[Preset.ALL], Qt.MouseButton.LeftButton)
    spine = to_spine_tab(qtbot, page)
    qtbot.waitUntil(lambda: spine.data is not None and spine.data.start == date(2025, 11, 21))


def test_the_map_and_its_words_are_reachable_and_named(qtbot: QtBot, page: TrendsPage) -> None:
    spine = to_spine_tab(qtbot, page)
    qtbot.waitUntil(lambda: spine.words.count() > 0)
    assert spine.canvas.accessibleName() == "Spine map"
    assert spine.words.accessibleName() == "Spine map in words"
    assert spine.canvas.focusPolicy() & Qt.FocusPolicy.TabFocus
    spine.canvas.setFocus()
    qtbot.waitUntil(spine.canvas.hasFocus)
    qtbot.keyClick(spine.canvas, Qt.Key.Key_Tab)
    qtbot.waitUntil(spine.words.hasFocus)
    # The words hold every mark and every region's share.
    lines = words(spine)
    assert any("Radiotherapy T8" in line for line in lines)
    assert sum(" pain: " in line for line in lines) == 4
