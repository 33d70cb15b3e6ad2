"""Every panel's axis label is read whole: inside the figure, and clear of the other panels' tick
labels and axis labels, at the size the Trends tab draws the chart in a 1280 x 720 window and
at the printed summary's size."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from PySide6.QtGui import QPageSize

from tests.unit.test_charts import sample
from tracker.charts import draw_trends
from tracker.ui.printout.chart_picture import CHART_DPI, CHART_FONT_PT, CHART_HEIGHT_MM
from tracker.ui.printout.paper import content_size_mm, page_layout
from tracker.ui.widgets.trend_canvas import CHART_FONT_FACTOR

MM_PER_INCH = 25.4
# The Trends tab's canvas in a 1280 x 720 window (measured: 1262 x 362 pixels at matplotlib's
# 100 dpi), its text at Qt's default 9 point font (ChartView._draw: that times
# CHART_FONT_FACTOR, at least 9).
WINDOW_IN, WINDOW_DPI = (12.62, 3.62), 100.0
WINDOW_FONT_PT = max(9.0, 9.0 * CHART_FONT_FACTOR)


def window_figure(per_entry: bool, *, dark: bool = False) -> Figure:
    figure = Figure(figsize=WINDOW_IN, dpi=WINDOW_DPI)
    draw_trends(figure, sample(per_entry=per_entry), font_size=WINDOW_FONT_PT, dark=dark)
    return figure


def paper_figure(per_entry: bool, paper: QPageSize.PageSizeId) -> Figure:
    width_mm = content_size_mm(page_layout(QPageSize(paper))).width()
    figure = Figure(figsize=(width_mm / MM_PER_INCH, CHART_HEIGHT_MM / MM_PER_INCH), dpi=CHART_DPI)
    draw_trends(figure, sample(per_entry=per_entry), for_print=True, font_size=CHART_FONT_PT)
    return figure


def shown(texts: list[Text]) -> list[Text]:
    return [t for t in texts if t.get_visible() and t.get_text()]


def check_labels(figure: Figure) -> None:
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    whole = figure.bbox
    labelled = [a for a in figure.axes if shown([a.yaxis.label])]
    assert len(labelled) == 3  # pain and its doses' scale, nerve signs
    faults: list[str] = []
    for axes in labelled:
        label = axes.yaxis.label
        box = label.get_window_extent(renderer)
        words = repr(label.get_text())
        if not (whole.x0 <= box.x0 and box.x1 <= whole.x1):
            faults.append(f"{words} is cut at a side")
        if not (whole.y0 <= box.y0 and box.y1 <= whole.y1):
            faults.append(f"{words} is cut at the top or bottom")
        others: list[Text] = []
        for other in figure.axes:
            if other is not axes:
                others += shown([*other.get_xticklabels(), *other.get_yticklabels()])
                others += shown([other.yaxis.label, other.xaxis.label])
        for text in others:
            common = Bbox.intersection(box, text.get_window_extent(renderer))
            if common is not None and common.width > 0 and common.height > 0:
                faults.append(f"{words} runs over {text.get_text()!r}")
    assert not faults, faults


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("per_entry", [True, False])
def test_in_the_window_each_axis_label_is_whole_and_clear(per_entry: bool, dark: bool) -> None:
    check_labels(window_figure(per_entry, dark=dark))


@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
@pytest.mark.parametrize("per_entry", [True, False])
def test_on_paper_each_axis_label_is_whole_and_clear(
    per_entry: bool, paper: QPageSize.PageSizeId
) -> None:
    check_labels(paper_figure(per_entry, paper))
