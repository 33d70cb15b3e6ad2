"""What one drawing of the trend chart works with: the frame's axes, the series, the palette,
the text sizes and the legend's entries; and what it returns (``DrawnChart``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import ScaledTranslation

from tracker.charts.frame import Frame
from tracker.charts.palette import LANE_ORDER, Palette, lane_kind
from tracker.charts.time_axis import date_nums
from tracker.domain.treatment_days import is_procedure
from tracker.domain.trends import TrendData, TrendPoint

MAX_MARKERS = 45  # markers on a long line are thinned to about this many


@dataclass
class DrawnChart:
    """What was drawn, for pointing at a point: the pain axes and its points in data units."""

    figure: Figure
    pain_axes: Axes | None
    points: tuple[TrendPoint, ...] = ()
    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)

    def point_near(self, x_px: float, y_px: float, radius_px: float = 12.0) -> TrendPoint | None:
        """The pain point nearest to a display position (pixels from the figure's lower left
        corner), if one is within ``radius_px``."""
        if self.pain_axes is None or not self.points:
            return None
        shown = self.pain_axes.transData.transform(list(zip(self.xs, self.ys, strict=True)))
        best, best_distance = None, radius_px**2
        for index, (px, py) in enumerate(shown):
            distance = (px - x_px) ** 2 + (py - y_px) ** 2
            if distance <= best_distance:
                best, best_distance = index, distance
        return None if best is None else self.points[best]

    def display_position(self, point: TrendPoint) -> tuple[float, float]:
        """Where a point is drawn, in pixels from the figure's lower left corner."""
        assert self.pain_axes is not None
        index = self.points.index(point)
        x, y = self.pain_axes.transData.transform((self.xs[index], self.ys[index]))
        return float(x), float(y)


MEDICINES_LANE = "medicines"  # the regular medicines' row, under the courses


def lane_rows(data: TrendData) -> list[str]:
    """The lanes' rows, top down: each course kind shown (procedures are lines instead), then
    the red flags."""
    kinds = {lane_kind(t) for t in data.treatments if not is_procedure(t)}
    rows = [k for k in LANE_ORDER if k in kinds]
    if data.steroid or data.skipped or data.unrecorded:
        rows.append(MEDICINES_LANE)
    if data.alerts:
        rows.append("alerts")
    return rows


def lane_ratio(rows: list[str]) -> float:
    """The lanes' panel height, in the panels' height ratios (pain 5, nerve signs 2)."""
    return 0.45 * max(1, len(rows)) + 0.2


class Drawing:
    """One drawing of the chart into a frame's axes."""

    def __init__(
        self, frame: Frame, data: TrendData, palette: Palette, font_size: float | None
    ) -> None:
        self.frame = frame
        self.figure: Figure = frame.figure
        self.data = data
        self.p = palette
        self.size = font_size or max(8.0, min(12.0, self.figure.get_figwidth() * 0.85))
        self.small = self.size - 1.5
        self.handles: list[Any] = []
        self.lanes = lane_rows(data)
        self.xs = date_nums([p.at for p in data.points])

    def points(self, x: float, y: float) -> ScaledTranslation:
        """An offset of ``x`` and ``y`` points."""
        return ScaledTranslation(x / 72, y / 72, self.figure.dpi_scale_trans)

    def markevery(self, count: int) -> int:
        return max(1, count // MAX_MARKERS)

    def marker_key(self, label: str, **style: Any) -> None:
        """A legend entry for markers drawn without a line (a little smaller than on the
        chart)."""
        self.handles.append(Line2D([], [], linestyle="none", label=label, **style))
