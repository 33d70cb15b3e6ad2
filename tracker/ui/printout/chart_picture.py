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

CHART_HEIGHT_MM = 88.9  # 3.5 inches: a whole number of pixels at CHART_DPI
# With the regular medicines' table the chart is shorter, so that the 90 days of the demo, with
# the ESAS-r section and the spine map's words too, still fit on two pages before "Entries"
# (issues 19 and 20): 410 px at CHART_DPI; 420 px (53.3 mm) pushes the appointment's questions to
# page 3.
CHART_HEIGHT_WITH_MEDICINES_MM = 52.07
CHART_DPI = 200  # the chart picture's resolution on paper
CHART_FONT_PT = 8.0


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
