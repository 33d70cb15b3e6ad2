"""The trend figure lays its panels out itself (``tracker.charts.frame_layout``: measured faster
than matplotlib's constrained layout on every redraw). It must put them where constrained layout
would: here the same drawing is also made on panels from a grid laid out by constrained layout,
and every panel's edges are compared, within a pixel. (One difference is the frame's own: a
flare note that wraps to more lines than its band holds gets a taller band, so the note is left
out where it would wrap: on paper.)"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text

from tests.unit.test_charts import sample
from tracker.charts.drawing import Drawing, lane_ratio, lane_rows
from tracker.charts.frame import Frame, dress, legend_columns
from tracker.charts.frame_layout import NOTE_RATIO, fit_legend
from tracker.charts.palette import SCREEN
from tracker.charts.trend import _draw, draw_trends
from tracker.domain.trends import TrendData


class ConstrainedPanels:
    """The frame's panels made the plain way: a grid of subplots (the flare note in a band of
    its own), laid out by matplotlib's constrained layout on every draw."""

    def __init__(self, figure: Figure, data: TrendData) -> None:
        figure.set_layout_engine("constrained")
        ratios = [5.0, 2.0, lane_ratio(lane_rows(data))] + ([NOTE_RATIO] if data.flares else [])
        grid = figure.add_gridspec(len(ratios), 1, height_ratios=ratios)
        self.figure = figure
        self.pain = figure.add_subplot(grid[0])
        self.nerves = figure.add_subplot(grid[1])
        self.lanes = figure.add_subplot(grid[2])
        if data.flares:
            figure.add_subplot(grid[3]).axis("off")
        self.doses = self.pain.twinx()
        self.axes = [self.pain, self.nerves, self.lanes, self.doses]
        self.title: Text | None = None
        self.note: Text | None = None
        self.legend: Legend | None = None
        self.lane_ratio = 0.0
        self.labelsize = 0.0
        self.legend_columns = 0
        dress(self.pain, self.nerves, self.lanes, self.doses)  # as the frame's own

    def set_legend(self, make: Callable[[int], Legend], text_size: float, entries: int) -> None:
        self.legend_columns = legend_columns(self.figure.get_figwidth(), text_size, entries)
        self.legend = make(self.legend_columns)


def edges(figure: Figure, panels: Any) -> list[tuple[float, float, float, float]]:
    FigureCanvasAgg(figure).draw()
    return [tuple(axes.get_window_extent().extents) for axes in panels.axes]


@pytest.mark.parametrize("per_entry", [True, False])
@pytest.mark.parametrize(
    ("width", "height", "dpi", "font_size"),
    [(12, 6, 100, None), (10, 5, 130, None), (7, 9, 80, None), (180 / 25.4, 100 / 25.4, 200, 8.0)],
)
def test_the_panels_go_where_constrained_layout_puts_them(
    per_entry: bool, width: float, height: float, dpi: float, font_size: float | None
) -> None:
    data = sample(per_entry=per_entry)
    if font_size is not None:  # the printed summary's size: the note would wrap
        data = replace(data, flares=())
    own = Figure(figsize=(width, height), dpi=dpi)
    draw_trends(own, data, font_size=font_size)
    frame = own.get_layout_engine().frame  # type: ignore[union-attr]
    assert isinstance(frame, Frame)

    plain = Figure(figsize=(width, height), dpi=dpi)
    panels = ConstrainedPanels(plain, data)
    _draw(Drawing(panels, data, SCREEN, font_size))  # type: ignore[arg-type]
    if panels.note is not None:  # the flare note, left out of constrained layout
        assert plain.texts[-1] is panels.note
        panels.note.set_in_layout(False)

    for mine, theirs in zip(edges(own, frame), edges(plain, panels), strict=True):
        assert mine == pytest.approx(theirs, abs=1.0)


def test_a_canvas_widened_after_its_first_drawing_gets_the_legend_a_fresh_one_would() -> None:
    """The window's layout often settles after the chart's first drawing: the legend's columns
    follow the width (the chart in light was left in two columns where dark, drawn again
    after the resize, had four). The text size is the window's, fixed (as the Trends tab
    gives it)."""

    def drawn(width_in: float) -> Figure:
        figure = Figure(figsize=(width_in, 3.6), dpi=100)
        FigureCanvasAgg(figure)
        draw_trends(figure, sample(), font_size=9.9)
        figure.canvas.draw()
        return figure

    def legend_box(figure: Figure) -> tuple[float, ...]:
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        return tuple(round(v, 1) for v in figure.legends[0].get_window_extent(renderer).bounds)

    resized = drawn(6.0)
    narrow = legend_box(resized)
    resized.set_size_inches(12.6, 3.6)  # as a canvas's resize does, then its resize event:
    fit_legend(resized)
    resized.canvas.draw()
    fresh = drawn(12.6)
    assert legend_box(fresh)[3] < narrow[3]  # more columns, fewer rows: a lower legend
    assert legend_box(resized) == legend_box(fresh)
    assert [a.get_position().bounds for a in resized.axes] == [
        a.get_position().bounds for a in fresh.axes
    ]
