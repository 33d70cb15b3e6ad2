"""The trend chart's "Regular medicines" lane: the steroid dose due each day as a step line
scaled to its row (the top dose written beside it), the doses skipped as crosses and those
with nothing recorded as hollow circles, on the treatments' time axis."""

from __future__ import annotations

from datetime import timedelta

from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from tracker.charts.artists import add_line
from tracker.charts.drawing import Drawing
from tracker.charts.palette import LITERAL
from tracker.charts.time_axis import date_nums, day_nums
from tracker.domain.model import dose_text

HALF = 0.32  # a row's half height, as the course bars


def draw_medicines(d: Drawing, axes: Axes, row: int) -> None:
    data = d.data
    if data.steroid:
        top = max(data.steroid)
        days = [data.start + timedelta(days=n) for n in range(len(data.steroid))]
        xs = day_nums([*days, days[-1] + timedelta(days=1)], hour=0)
        ys = [row + HALF - 2 * HALF * value / top for value in (*data.steroid, data.steroid[-1])]
        add_line(axes, xs, ys, drawstyle="steps-post", color=d.p.ink, linewidth=1.6)
        d.handles.append(Line2D([], [], color=d.p.ink, linewidth=1.6, label="Steroid dose a day"))
        words = f"top {dose_text(top)} mg"
        axes.text(
            xs[0], row - HALF, words, transform=axes.transData + d.points(2, 0), va="top",
            fontsize=d.small - 1, clip_on=True, **LITERAL,
        )  # fmt: skip
    marks = (
        (data.skipped, "Dose skipped", {"marker": "x", "color": d.p.worst}),
        (data.unrecorded, "Dose not recorded", {"marker": "o", "color": d.p.ink,
                                                "markerfacecolor": "none"}),
    )  # fmt: skip
    for times, label, style in marks:
        if times:
            add_line(
                axes, date_nums(list(times)), [row] * len(times), linestyle="none",
                markersize=7, markeredgewidth=1.4, **style,
            )  # fmt: skip
            d.marker_key(label, markersize=6, markeredgewidth=1.4, **style)
