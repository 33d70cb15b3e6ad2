"""The trend chart: symptoms, painkiller doses, treatments and red flags on one time axis.

matplotlib ``Figure`` only (never pyplot, which keeps global state and picks a GUI backend).
The same drawing serves the window (``draw_trends`` into the Qt canvas's figure) and files or the
printed summary (``build_trend_figure``). Every series differs from the others by line style or
marker as well as by colour, and ``for_print`` draws in black and greys only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.ticker import FixedLocator

from tracker.charts.colours import paint
from tracker.charts.drawing import Drawing, DrawnChart, lane_ratio
from tracker.charts.frame_layout import frame_of
from tracker.charts.palette import LITERAL, PRINT, SCREEN, SCREEN_DARK
from tracker.charts.saving import chart_format, write_figure
from tracker.charts.time_axis import OFFSET_FORMATS, day_span, day_words
from tracker.charts.trend_symptoms import draw_doses, draw_nerves, draw_pain
from tracker.charts.trend_treatments import draw_flares, draw_lanes, draw_treatments_on
from tracker.domain.trends import TrendData

DEFAULT_WIDTH_PX, DEFAULT_HEIGHT_PX, DEFAULT_DPI = 1200, 600, 100


def build_trend_figure(
    data: TrendData,
    *,
    width_in: float = DEFAULT_WIDTH_PX / DEFAULT_DPI,
    height_in: float = DEFAULT_HEIGHT_PX / DEFAULT_DPI,
    dpi: float = DEFAULT_DPI,
    for_print: bool = False,
    font_size: float | None = None,
) -> Figure:
    """A new figure of the chart (for a PNG or SVG file, or the printed summary).
    ``for_print``: black and greys only. ``font_size`` in points (default: from the width)."""
    figure = Figure(figsize=(width_in, height_in), dpi=dpi)
    draw_trends(figure, data, for_print=for_print, font_size=font_size)
    return figure


def draw_trends(
    figure: Figure,
    data: TrendData,
    *,
    for_print: bool = False,
    font_size: float | None = None,
    dark: bool = False,
) -> DrawnChart:
    """Draw the chart into ``figure``, replacing what it showed (the window redraws its canvas
    this way). A figure that already holds the chart keeps its axes and their ticks: only what
    they show is drawn again. ``dark``: in the window's dark scheme (never for print)."""
    palette = PRINT if for_print else SCREEN_DARK if dark else SCREEN
    frame = frame_of(figure)
    paint(frame, palette)
    return _draw(Drawing(frame, data, palette, font_size))


def _draw(d: Drawing) -> DrawnChart:
    data = d.data
    frame = d.frame
    pain, nerves, lanes = frame.pain, frame.nerves, frame.lanes
    frame.lane_ratio = lane_ratio(d.lanes)
    draw_time_axis(d)
    draw_title(d)
    if not data.points and not data.doses:
        pain.text(
            0.5,
            0.5,
            f"Nothing recorded between {day_words(data.start)} and {day_words(data.end)}.",
            transform=pain.transAxes,
            ha="center",
            va="center",
            fontsize=d.size + 1,
            color=d.p.ink,
            **LITERAL,
        )
    draw_treatments_on(d, pain, labels=True)
    draw_treatments_on(d, nerves, labels=False)
    draw_doses(d, frame.doses)
    drawn = draw_pain(d, pain)
    draw_nerves(d, nerves)
    draw_lanes(d, lanes)
    draw_flares(d, pain)
    if data.flares:
        draw_note(d)
    draw_legend(d)
    return drawn


def draw_title(d: Drawing) -> None:
    data = d.data
    how = "each entry" if data.per_entry else "daily means"
    d.frame.title = d.figure.suptitle(
        f"Pain, nerve signs and treatments, {day_words(data.start)} to "
        f"{day_words(data.end)} ({how})",
        fontsize=d.size + 1,
        fontweight="bold",
        va="top",
        color=d.p.ink,
        **LITERAL,
    )


def draw_time_axis(d: Drawing) -> None:
    frame = d.frame
    first, last = day_span(d.data.start, d.data.end)
    # The dates' ticks found once, for all three panels (the grid lines), and written under
    # the lanes only: an ``AutoDateLocator`` on each panel finds them again on every draw.
    # (matplotlib's dates module is not annotated: its calls are checked by the tests)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=max(4, int(d.size)))  # type: ignore[no-untyped-call]
    ends = mdates.num2date(first), mdates.num2date(last)  # type: ignore[no-untyped-call]
    ticks = locator.tick_values(*ends)  # type: ignore[no-untyped-call]
    for axes in (frame.pain, frame.nerves, frame.lanes):
        axes.set_xlim(first, last)
        axes.xaxis.set_major_locator(FixedLocator(ticks))
    formatter = mdates.ConciseDateFormatter(  # type: ignore[no-untyped-call]
        frame.lanes.xaxis.get_major_locator(), offset_formats=OFFSET_FORMATS
    )
    frame.lanes.xaxis.set_major_formatter(formatter)
    frame.lanes.set_xlabel("Date", fontsize=d.size, color=d.p.ink, **LITERAL)
    if frame.labelsize != d.small:  # the ticks keep it between drawings
        frame.labelsize = d.small
        for axes in frame.axes:
            axes.tick_params(labelsize=d.small)


def draw_note(d: Drawing) -> None:
    """The flare's plain words in a band of their own under the panels, from the panels'
    left edge (placed by the layout)."""
    explanation = d.data.flares[0].explanation
    d.frame.note = d.figure.text(
        0.0,
        0.5,
        f"★ {explanation}",
        ha="left",
        va="center",
        fontsize=d.small,
        color=d.p.ink,
        wrap=True,
        **LITERAL,
    )


def draw_legend(d: Drawing) -> None:
    if not d.handles:
        return

    def make(columns: int) -> Legend:
        legend = d.figure.legend(
            handles=d.handles,
            loc="outside lower center",
            ncols=columns,
            fontsize=d.small,
            labelcolor=d.p.ink,
            frameon=False,
            handlelength=2.6,
            markerscale=0.8,
            columnspacing=1.4,
        )
        for text in legend.get_texts():
            text.set_parse_math(False)
        return legend

    d.frame.set_legend(make, d.size, len(d.handles))


def save_trend_chart(
    data: TrendData,
    out: Path,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
    dpi: int = DEFAULT_DPI,
) -> None:
    """Write the chart to a ``.png`` or ``.svg`` file of ``width_px`` by ``height_px``.

    Written to a 0600 temporary file in the destination's folder and renamed into place: a
    half-written chart never replaces a good one, and no other user of the machine can read it.
    Raises ``OSError`` when the file cannot be written and ``ValueError`` for another suffix.
    """
    chart_format(out)  # a wrong suffix refused before anything is drawn
    figure = build_trend_figure(data, width_in=width_px / dpi, height_in=height_px / dpi, dpi=dpi)
    write_figure(figure, out, dpi=dpi)


def line_styles(figure: Figure) -> list[tuple[str, str, str]]:
    """(label, line style, marker) of every labelled line of a figure: what tells the series
    apart without colour."""
    result: list[tuple[str, str, str]] = []
    for axes in figure.axes:
        for line in axes.get_lines():
            label = str(line.get_label())
            if not label.startswith("_"):
                result.append((label, str(line.get_linestyle()), str(line.get_marker())))
    return result


def all_colours(figure: Figure) -> Sequence[Any]:
    """Every line and patch colour of a figure (a print check: all should be greys)."""
    colours: list[Any] = []
    for axes in figure.axes:
        colours += [line.get_color() for line in axes.get_lines()]
        colours += [patch.get_facecolor() for patch in axes.patches]
    return colours
