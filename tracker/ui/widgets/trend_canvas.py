"""The trend chart's canvas: its figure drawn in the window's text size and light or dark
scheme, and as high as what it shows needs, so that no panel's labels run into each other (the
page it is on scrolls when the window is shorter). ``chart_view.ChartView`` puts it on the
Trends tab with the range buttons and the table under it.

Importing this module imports matplotlib's Qt backend.
"""

from __future__ import annotations

import math

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from tracker.charts import DrawnChart, GlyphCacheCanvas, draw_trends, fit_legend, needed_height
from tracker.domain.trends import TrendData
from tracker.ui import theme

CHART_FONT_FACTOR = 1.1  # matplotlib points are a little smaller than Qt's on screen
MIN_WIDTH, MIN_HEIGHT = 480, 320  # more in height where the chart's labels need it
HEIGHT_SLACK = 6  # pixels


def chart_text_size() -> float:
    """The chart's text size (points): the window's, a little larger."""
    return max(9.0, theme.window_points() * CHART_FONT_FACTOR)


class TrendCanvas(GlyphCacheCanvas, FigureCanvasQTAgg):
    """The Qt canvas of the trend chart's figure, drawing text with the glyphs it drew before
    (``charts.GlyphCacheCanvas``)."""

    def __init__(self) -> None:
        super().__init__(Figure())  # type: ignore[no-untyped-call]
        self.drawn_size = chart_text_size()  # the text size it was last drawn at
        self.dark = theme.shows_dark()  # the scheme it is drawn in
        self._draw_when_shown = False
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Trend chart")
        self.setAccessibleDescription(
            "Pain, nerve signs, painkiller doses, treatments and red flags over time."
        )
        # resized after it was drawn (the window's layout settling): the legend's columns too
        self.mpl_connect("resize_event", lambda _event: fit_legend(self.figure))
        # and as high as the legend's rows, the lanes and the text size now need
        self.mpl_connect("draw_event", lambda _event: self.fit_height())

    def draw_chart(self, data: TrendData) -> DrawnChart:
        """``data`` drawn in the window's text size and scheme: at once when the canvas is
        shown, else when it is next shown (a hidden canvas keeps its old size until then)."""
        size = self.drawn_size = chart_text_size()
        drawn = draw_trends(self.figure, data, font_size=size, dark=self.dark)
        if self.isVisible():
            self._fit_and_draw()
        else:
            self._draw_when_shown = True
        return drawn

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[no-untyped-call]
        if self._draw_when_shown:
            self._draw_when_shown = False
            self._fit_and_draw()

    def _fit_and_draw(self) -> None:
        """As high as the drawing needs, the window laid out now rather than from the event
        loop (Qt resizes a canvas made higher at once, but a lower one, or one whose
        neighbours a font change resized, only when the layouts run), then drawn: once, at the
        height the canvas then has, not first at its old height and then again."""
        self.fit_height(lower=True)
        widget: QWidget | None = self
        while widget is not None:  # each widget's layout, done, asks its parent's: a pass a level
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            widget = widget.parentWidget()
        self.draw_idle()  # type: ignore[no-untyped-call]

    def fit_height(self, *, lower: bool = False) -> None:
        """The canvas as high as what the chart shows needs (``charts.needed_height``).
        Made lower only for a new drawing (``lower``): after a draw the measure, taken at
        another height or width, may differ by some pixels, and is then only let grow (so
        the chart is not drawn again and again for it)."""
        needed = needed_height(self.figure) / self.devicePixelRatioF()  # Qt's pixels
        least = max(MIN_HEIGHT, math.ceil(needed) + HEIGHT_SLACK)
        now = self.minimumHeight()
        if needed > now or (lower and least < now - 2 * HEIGHT_SLACK):
            self.setMinimumHeight(least)
