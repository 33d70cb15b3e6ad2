"""The trend chart in the window, on the demo journal: it draws without a Qt warning (the pytest
settings fail a test on any), its range buttons change what is drawn, pointing at a dot shows
that entry, and "Save chart…" writes a private picture."""

from __future__ import annotations

import stat
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDateEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tracker.domain.demo import build_demo_journal
from tracker.domain.trends import Preset, TrendPoint
from tracker.domain.wording import day_text, time_text
from tracker.services.trends import TrendsService
from tracker.storage import list_rows
from tracker.ui.models.response_table_model import ResponseTableModel
from tracker.ui.widgets.chart_view import POINT_HINT, ChartView

DEMO_END = date(2026, 11, 20)


def shown_view(qtbot: QtBot, db: Any) -> ChartView:
    """A chart view on the stored journal, shown and drawn."""
    widget = ChartView()
    qtbot.addWidget(widget)
    widget.resize(1200, 860)
    widget.set_service(TrendsService(db))
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    widget.canvas.draw()
    return widget


@pytest.fixture
def view(qtbot: QtBot, db: Any) -> ChartView:
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, build_demo_journal(1, end=DEMO_END))
    widget = shown_view(qtbot, db)
    # The table under the chart is filled once the chart has painted.
    qtbot.waitUntil(lambda: widget.responses.rowCount() > 0)
    return widget


def x_range(widget: ChartView) -> tuple[date, date]:
    drawn = widget.drawn
    assert drawn is not None and drawn.pain_axes is not None
    low, high = drawn.pain_axes.get_xlim()
    first = mdates.num2date(low).date()
    return first, mdates.num2date(high).date() - timedelta(days=1)


def canvas_position(widget: ChartView, point: TrendPoint) -> QPoint:
    """Where a point is on the canvas, in Qt's coordinates (origin top left, logical pixels)."""
    assert widget.drawn is not None
    x, y = widget.drawn.display_position(point)
    ratio = widget.canvas.device_pixel_ratio
    return QPoint(round(x / ratio), round(widget.canvas.height() - y / ratio))


def test_the_demo_journal_draws_with_every_part(view: ChartView) -> None:
    data = view.data
    assert data is not None
    assert data.per_entry  # it opens on the last 90 days
    assert (data.start, data.end) == (DEMO_END - timedelta(days=89), DEMO_END)
    assert x_range(view) == (data.start, data.end)
    assert len(data.points) > 90
    assert data.doses
    assert view.responses.rowCount() == len(build_demo_journal(1, end=DEMO_END).treatments)
    assert view.point_label.text() == POINT_HINT
    assert view.preset_buttons[Preset.DAYS_90].isChecked()


def test_every_control_has_an_accessible_name(view: ChartView) -> None:
    controls: list[QWidget] = [
        *view.findChildren(QPushButton),
        *view.findChildren(QDateEdit),
        *view.findChildren(QTableView),
        view.canvas,
        view.point_label,
    ]
    assert len(controls) >= 10
    for control in controls:
        assert control.accessibleName(), control


def test_the_range_buttons_change_what_is_drawn(qtbot: QtBot, view: ChartView) -> None:
    shown: list[tuple[date, date]] = []
    view.range_shown.connect(lambda first, last: shown.append((first, last)))

    qtbot.mouseClick(view.preset_buttons[Preset.DAYS_30], Qt.MouseButton.LeftButton)
    assert view.data is not None and view.data.days == 30
    assert x_range(view) == (DEMO_END - timedelta(days=29), DEMO_END)

    qtbot.mouseClick(view.preset_buttons[Preset.YEAR], Qt.MouseButton.LeftButton)
    assert view.data.days == 365
    assert not view.data.per_entry  # a year is drawn as daily means
    assert all(p.entry_id is None for p in view.data.points)

    qtbot.mouseClick(view.preset_buttons[Preset.ALL], Qt.MouseButton.LeftButton)
    assert view.data.start == DEMO_END - timedelta(days=364)
    assert shown == [
        (DEMO_END - timedelta(days=29), DEMO_END),
        (DEMO_END - timedelta(days=364), DEMO_END),
        (DEMO_END - timedelta(days=364), DEMO_END),
    ]


def test_chosen_dates(qtbot: QtBot, view: ChartView) -> None:
    view.from_edit.setDate(view.from_edit.date().fromString("2026-03-01", "yyyy-MM-dd"))
    view.to_edit.setDate(view.to_edit.date().fromString("2026-03-14", "yyyy-MM-dd"))
    qtbot.mouseClick(view.dates_button, Qt.MouseButton.LeftButton)
    assert x_range(view) == (date(2026, 3, 1), date(2026, 3, 14))
    assert view.dates_button.isChecked()
    view.refresh()  # a change elsewhere keeps the chosen dates
    assert x_range(view) == (date(2026, 3, 1), date(2026, 3, 14))

    view.from_edit.setDate(view.from_edit.date().fromString("2026-04-01", "yyyy-MM-dd"))
    qtbot.mouseClick(view.dates_button, Qt.MouseButton.LeftButton)
    assert "after the last day" in view.message.text()
    assert x_range(view) == (date(2026, 3, 1), date(2026, 3, 14))  # unchanged


def _entry_with_note(view: ChartView) -> TrendPoint:
    assert view.data is not None
    return next(p for p in reversed(view.data.points) if p.note)


def test_clicking_a_dot_shows_that_entry(qtbot: QtBot, view: ChartView) -> None:
    point = _entry_with_note(view)
    with qtbot.waitSignal(view.point_shown) as signal:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=canvas_position(view, point))
    text = view.point_label.text()
    assert signal.args == [text]
    assert text.startswith(f"{time_text(point.at)}: pain {point.pain:.0f}")
    assert point.note[:20] in text
    if point.worst is not None:
        assert f"worst in 24 hours {point.worst:.0f}" in text


def test_pointing_at_a_dot_shows_that_entry(qtbot: QtBot, view: ChartView) -> None:
    assert view.data is not None
    point = view.data.points[len(view.data.points) // 2]
    qtbot.mouseMove(view.canvas, canvas_position(view, point))
    qtbot.waitUntil(lambda: view.point_label.text() != POINT_HINT, timeout=3000)
    assert view.point_label.text().startswith(time_text(point.at))
    assert view.canvas.toolTip() == view.point_label.text()


def test_a_daily_mean_says_how_many_entries_it_holds(qtbot: QtBot, view: ChartView) -> None:
    qtbot.mouseClick(view.preset_buttons[Preset.YEAR], Qt.MouseButton.LeftButton)
    view.canvas.draw()
    assert view.data is not None
    point = view.data.points[100]
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=canvas_position(view, point))
    assert f"from {point.entries} entr" in view.point_label.text()
    assert view.point_label.text().startswith(f"{day_text(point.at.date())}: mean pain")


@pytest.mark.parametrize(("chosen", "written"), [("a.svg", "a.svg"), ("b", "b.png")])
def test_save_chart_writes_a_private_picture(
    view: ChartView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chosen: str, written: str
) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    monkeypatch.setattr(view, "ask_save_path", lambda: str(folder / chosen))
    view.save_button.click()
    out = folder / written
    assert out.exists()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    head = out.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if written.endswith(".png") else b"<svg" in head
    assert [p.name for p in folder.iterdir()] == [written]  # no temporary file left
    assert "Chart saved" in view.message.text()


def test_save_chart_cancelled_writes_nothing(
    view: ChartView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(view, "ask_save_path", lambda: None)
    view.save_button.click()
    assert not view.message.isVisible()


def test_save_chart_to_a_missing_folder_says_so(
    view: ChartView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(view, "ask_save_path", lambda: str(tmp_path / "gone" / "c.png"))
    view.save_button.click()
    assert "could not be saved" in view.message.text()


def test_the_response_table_model(qtmodeltester: Any, view: ChartView) -> None:
    model = view.responses
    qtmodeltester.check(model)
    rows = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert "Radiotherapy T8" in rows
    radiotherapy = rows.index("Radiotherapy T8")
    later = model.data(model.index(radiotherapy, 5))
    assert "entries" in later or "too few entries" in later
    assert model.data(model.index(rows.index("Steroids"), 5)) == "not radiotherapy"
    tip = model.data(model.index(radiotherapy, 2), Qt.ItemDataRole.ToolTipRole)
    assert "14 days before" in tip and "Here:" in tip


def test_an_empty_model_is_valid(qtmodeltester: Any) -> None:
    qtmodeltester.check(ResponseTableModel())


def test_an_empty_journal_draws_a_sentence(qtbot: QtBot, db: Any) -> None:
    widget = ChartView()
    qtbot.addWidget(widget)
    widget.set_service(TrendsService(db, today=lambda: date(2026, 11, 3)))
    widget.refresh()
    widget.canvas.draw()
    texts = [t.get_text() for ax in widget.figure.axes for t in ax.texts]
    assert any("Nothing recorded" in t for t in texts)
    assert widget.responses.rowCount() == 0


def drawn_before_shown(qtbot: QtBot, db: Any) -> ChartView:
    """A chart view on the demo journal, drawn before it is shown (as the window's is)."""
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, build_demo_journal(1, end=DEMO_END))
    widget = ChartView()
    qtbot.addWidget(widget)
    widget.set_service(TrendsService(db))
    widget.refresh()
    return widget


def test_the_chart_paints_before_its_table_is_filled(qtbot: QtBot, db: Any) -> None:
    widget = drawn_before_shown(qtbot, db)
    assert widget.data is not None  # drawn, not painted yet: the table waits
    assert widget.responses.rowCount() == 0
    widget.resize(1200, 860)
    widget.show()
    qtbot.waitUntil(lambda: widget.responses.rowCount() > 0)
    widget.responses.set_responses([])
    widget.refresh()  # after the first paint, at once
    assert widget.responses.rowCount() > 0


def _legend_height(widget: ChartView) -> float:
    legend = widget.figure.legends[0]
    return float(legend.get_window_extent(widget.canvas.get_renderer()).height)


def test_widened_after_its_drawing_the_chart_has_the_legend_of_its_width(
    qtbot: QtBot, db: Any
) -> None:
    """Drawn before the window's layout settled (a canvas not yet at its size), then shown
    wide: the legend takes the columns the width holds, as a chart drawn at that width does,
    rather than staying tall and squeezing the panels."""
    widened = drawn_before_shown(qtbot, db)
    widened.canvas.draw()  # at the canvas's size before it is laid out
    narrow = _legend_height(widened)
    widened.resize(1200, 860)
    widened.show()
    qtbot.waitExposed(widened)
    widened.canvas.draw()
    fresh = shown_view(qtbot, db)
    assert fresh.canvas.width() == widened.canvas.width()
    assert _legend_height(fresh) < narrow
    assert _legend_height(widened) == _legend_height(fresh)
