"""The spine map in the window: a tab of the Trends page beside the chart, following the days the
chart shows, with the map in words beside it (for a screen reader, and to copy).

Drawn only when shown: a change of dates while the chart's tab is in front only notes the days,
and the map is drawn for them when its tab is chosen. Imports matplotlib (the Trends page makes
it with the chart, never at start-up).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tracker.charts import SPINE_DARK, SPINE_LIGHT, DrawnSpine, GlyphCacheCanvas, draw_spine
from tracker.domain.spine_map import SpineMapData
from tracker.domain.wording import short_day
from tracker.ui.theme import window_points
from tracker.ui.widgets.scheme_drawn import SchemeDrawn

if TYPE_CHECKING:
    from tracker.charts import SpinePalette
    from tracker.services.spine import SpineService

FONT_FACTOR = 1.0  # the map's words at the window's text size


class _Canvas(GlyphCacheCanvas, FigureCanvasQTAgg):
    """The Qt canvas, drawing text with the glyphs it drew before."""


class SpineView(SchemeDrawn):
    map_drawn = Signal(object)  # the SpineMapData drawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: SpineService | None = None
        self._days: tuple[date, date] | None = None
        self._drawn_for: tuple[tuple[date, date], str] | None = None
        self.data: SpineMapData | None = None
        self.drawn: DrawnSpine | None = None

        self.period = QLabel("The spine map follows the days shown on the Chart tab.")
        self.period.setWordWrap(True)
        self.figure = Figure()
        self.canvas = _Canvas(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setMinimumSize(360, 480)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab
        self.canvas.mpl_connect("resize_event", lambda _event: self._draw())
        self.canvas.setAccessibleName("Spine map")
        self.canvas.setAccessibleDescription(
            "The spine from C1 to the coccyx with each treatment at its levels and the pain "
            "regions shaded by how often pain was recorded there. The list beside it says the "
            "same in words."
        )
        self.words = QListWidget()
        self.words.setAccessibleName("Spine map in words")
        self.words.setWordWrap(True)
        self.words.setMinimumWidth(240)
        self.words.setMaximumWidth(480)
        words_label = QLabel("In &words:")
        words_label.setBuddy(self.words)

        layout = QVBoxLayout(self)
        layout.addWidget(self.period)
        row = QHBoxLayout()
        layout.addLayout(row, 1)
        row.addWidget(self.canvas, 3)
        side = QVBoxLayout()
        side.addWidget(words_label)
        side.addWidget(self.words, 1)
        row.addLayout(side, 2)

    def set_service(self, service: SpineService) -> None:
        self._service = service

    def show_days(self, start: date, end: date) -> None:
        """The days to map (the chart's); drawn now when shown, else when next shown."""
        self._days = (start, end)
        self.period.setText(
            f"{short_day(start)} to {short_day(end)}: the days shown on the Chart tab. "
            "Treatments are those started by the last of these days."
        )
        if self.isVisible():
            self.redraw()

    def refresh(self) -> None:
        """Read the journal again for the same days (after a change elsewhere)."""
        self._drawn_for = None
        if self.isVisible():
            self.redraw()

    def redraw(self) -> None:
        if self._service is None or self._days is None:
            return
        scheme = "dark" if self.is_dark() else "light"
        if self._drawn_for == (self._days, scheme):
            return
        self._drawn_for = (self._days, scheme)
        data = self._service.spine_map(*self._days)
        self.data = data
        self._draw()
        self.words.clear()
        self.words.addItems(data.text_lines())
        self.map_drawn.emit(data)

    def _draw(self) -> None:
        """Draw the map read last, laid out for the canvas's size now."""
        if self.data is None:
            return
        palette: SpinePalette = SPINE_DARK if self.is_dark() else SPINE_LIGHT
        size = max(8.0, window_points() * FONT_FACTOR)
        self.drawn = draw_spine(self.figure, self.data, palette=palette, font_size=size)
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]
