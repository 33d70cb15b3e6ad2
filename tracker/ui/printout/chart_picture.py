"""The trends view's chart on paper: a greyscale picture drawn at print resolution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import (
    QImage,
)

from tracker.domain.summary import (
    SummaryData,
)
from tracker.ui.printout.paper import MM_PER_INCH

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# One height whatever the journal holds: the chart is what a clinician reads first, and its lanes
# and scores stay readable at this height (3.5 inches: a whole number of pixels at CHART_DPI).
# The summary's other sections are made dense enough to keep the 90 days of the demo on two
# pages before "Entries"; the chart is never shortened for them.
CHART_HEIGHT_MM = 88.9
CHART_DPI = 200  # the chart picture's resolution on paper
CHART_FONT_PT = 8.5  # its ticks and legend 1.5 points less: 7 points on paper


def chart_image(data: SummaryData, width_mm: float, height_mm: float) -> QImage:
    """The trends view's chart of the period, in greys, as a greyscale picture at
    ``CHART_DPI``. Drawn straight into Agg's pixel buffer: encoding a PNG first would only be
    decoded again (and, with constrained layout, ``savefig`` draws the figure twice)."""
    from tracker.charts import build_trend_figure

    figure = build_trend_figure(
        data.trend,
        width_in=width_mm / MM_PER_INCH,
        height_in=height_mm / MM_PER_INCH,
        dpi=CHART_DPI,
        for_print=True,
        font_size=CHART_FONT_PT,
    )
    return grey_image(figure)


def grey_image(figure: Figure) -> QImage:
    """A figure drawn into a greyscale picture at its own resolution."""
    from tracker.charts import GlyphCacheCanvas

    canvas = GlyphCacheCanvas(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    width, height = canvas.get_width_height(physical=True)
    pixels = bytes(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
    image = QImage(pixels, width, height, 4 * width, QImage.Format.Format_RGBA8888)
    # A grey picture for a greyscale page: one channel, no alpha (a smaller, faster PDF).
    return image.convertToFormat(QImage.Format.Format_Grayscale8)
