"""Where the trend figure's panels go: the frame's own layout, run before each draw, placed as
matplotlib's constrained layout places them but from the decorations alone (the tick labels, the
axis labels, the title, the flare note and the legend, measured and kept for what the figure
shows), and the figure's least height for its labels. ``frame.Frame`` holds the axes it places."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from tracker.charts.frame import Frame

PAD_IN = 3 / 72  # space around each panel's decorations (constrained layout's own padding)
NOTE_RATIO = 0.55  # the flare note's band, in the panels' height ratios
LABEL_LINE = 1.3  # the height a tick label needs, in its text size: its box and a little gap


@lru_cache(maxsize=8)
def _measurer(dpi: float) -> RendererAgg:
    """A renderer that only measures text, at ``dpi``: text sizes do not depend on the canvas,
    and matplotlib caches them per renderer, so one kept renderer measures each label once."""
    return RendererAgg(1, 1, dpi)  # type: ignore[no-untyped-call]


class _TrendLayout(LayoutEngine):
    """The frame's own layout, run before each draw (so a resized canvas is laid out again)."""

    _adjust_compatible = False
    _colorbar_gridspec = False

    def __init__(self, frame: Frame) -> None:
        super().__init__()
        self.frame = frame
        # Where the panels went for what the figure showed, by everything that decides it: a
        # redraw of a range shown before (or after a change elsewhere) measures nothing.
        self._placed: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.needed = 0.0  # the figure's least height (pixels) for what it shows: ``_needed``

    def execute(self, fig: Figure) -> None:
        if self.frame.holds(fig):
            self.place()

    def place(self) -> None:
        """Put the panels where constrained layout would: each band's height shares what the
        title, the legend, the pads and the decorations (tick labels and axis labels, not an
        axis label's length) leave, by the height ratios. Constrained layout measures every
        artist of every axes, twice, on every draw; this measures only the decorations."""
        frame = self.frame
        figure = frame.figure
        # The canvas's own renderer when it has one: the draw then finds the sizes measured.
        canvas = figure.canvas
        renderer: RendererAgg = (
            canvas.get_renderer()  # type: ignore[no-untyped-call]
            if isinstance(canvas, FigureCanvasAgg)
            else _measurer(figure.dpi)
        )
        width, height = figure.bbox.width, figure.bbox.height
        if width <= 1 or height <= 1:
            return
        pad = PAD_IN * figure.dpi
        if frame.title is not None:
            frame.title.set_y(1 - pad / height)
        key = self._signature()
        placed = self._placed.get(key)
        if placed is not None:
            *where, self.needed = placed
            self._put(*where)
            return
        top = bottom = 0.0
        if frame.title is not None and frame.title.get_text():
            top = frame.title.get_window_extent(renderer).height + 2 * pad
        if frame.legend is not None:
            bottom = frame.legend.get_window_extent(renderer).height + 2 * pad
        ratios = [5.0, 2.0, frame.lane_ratio]
        if frame.note is not None:
            ratios.append(NOTE_RATIO)
        # As constrained layout: placed without decorations, measured, placed again, measured
        # again, placed (the same figure is laid out the same way whatever it showed before).
        left = right = 0.0
        over = [(0.0, 0.0)] * len(ratios)
        for attempt in range(3):
            x0, x1 = (pad + left) / width, 1 - (pad + right) / width
            spans = self._stack(height, top, bottom, pad, ratios, over)
            self._put(x0, x1, spans, height)
            if attempt < 2:
                left, right, over = self._measure(renderer, pad, spans)
        self.needed = self._needed(height, spans, ratios)
        if len(self._placed) >= 16:
            self._placed.clear()
        self._placed[key] = (x0, x1, spans, height, self.needed)

    def _needed(
        self, height: float, spans: list[tuple[float, float]], ratios: list[float]
    ) -> float:
        """The figure's height (pixels) at which each panel holds its tick labels (a pain
        score, a nerve sign's level, a lane's name) one above the other, none on another: what
        the decorations take, and the panels' room shared by the same ratios."""
        frame = self.frame
        line = frame.labelsize * frame.figure.dpi / 72 * LABEL_LINE
        room = sum(y1 - y0 for y0, y1 in spans)
        wanted = 0.0
        for row, ratio in zip(frame.rows, ratios, strict=False):
            labels = max(_labels_shown(axes) for axes in row)
            wanted = max(wanted, labels * line * sum(ratios) / ratio)
        return height - room + wanted

    def _put(self, x0: float, x1: float, spans: list[tuple[float, float]], height: float) -> None:
        frame = self.frame
        for row, (y0, y1) in zip(frame.rows, spans, strict=False):
            for axes in row:
                axes.set_position((x0, y0 / height, x1 - x0, (y1 - y0) / height))
        if frame.note is not None:
            y0, y1 = spans[-1]
            frame.note.set_position((x0, (y0 + y1) / 2 / height))

    def _signature(self) -> tuple[Any, ...]:
        """What decides the layout, read from the figure without measuring anything: its size,
        the bands, the words and sizes of the title, the note, the legend, the axis labels and
        the tick labels, the ticks and the limits."""
        frame = self.frame
        figure = frame.figure
        parts: list[Any] = [figure.bbox.width, figure.bbox.height, figure.dpi, frame.lane_ratio]
        for text in (frame.title, frame.note):
            parts.append(None if text is None else _words(text))
        if frame.legend is not None:
            parts.append(tuple(_words(text) for text in frame.legend.get_texts()))
            parts.append(frame.legend_columns)
        for axes in frame.axes:
            parts += [axes.get_xlim(), axes.get_ylim()]
            for axis in (axes.xaxis, axes.yaxis):
                locs = list(axis.get_majorticklocs())
                labels = tuple(axis.get_major_formatter().format_ticks(locs))
                params = tuple(sorted(axis.get_tick_params().items()))
                parts += [tuple(locs), labels, _words(axis.label), axis.label.get_visible(), params]
        return tuple(parts)

    @staticmethod
    def _stack(
        height: float,
        top: float,
        bottom: float,
        pad: float,
        ratios: list[float],
        over: list[tuple[float, float]],
    ) -> list[tuple[float, float]]:
        """Each band's bottom and top in pixels: the room left by the margins, the pads and
        what sticks out above and below each band, shared by the height ratios."""
        room = height - top - bottom - sum(2 * pad + up + down for up, down in over)
        room = max(room, float(len(ratios)))
        spans = []
        y = height - top
        for ratio, (up, down) in zip(ratios, over, strict=True):
            y -= pad + up
            inner = room * ratio / sum(ratios)
            spans.append((y - inner, y))
            y -= inner + down + pad
        return spans

    def _measure(
        self, renderer: RendererAgg, pad: float, spans: list[tuple[float, float]]
    ) -> tuple[float, float, list[tuple[float, float]]]:
        """How far the decorations reach left and right of the panels, and above and below
        each band, where the panels are now (pixels)."""
        frame = self.frame
        points = frame.figure.dpi / 72
        left = right = 0.0
        over: list[tuple[float, float]] = []
        for row in frame.rows:
            box = row[0].get_window_extent(renderer)
            # The tick marks under a panel whose dates are written under the lanes.
            up, down = 0.0, 0.0 if row[0] is frame.lanes else _tick_length(row[0].xaxis, points)
            for axes in row:
                axis = axes.yaxis
                side: str = axis.get_label_position()  # "left" or "right" (stubs say otherwise)
                reach = _tick_length(axis, points)
                labels = _extents(axis, renderer)
                if labels is not None:
                    up = max(up, labels.y1 - box.y1)
                    down = max(down, box.y0 - labels.y0)
                    reach = max(reach, box.x0 - labels.x0 if side == "left" else labels.x1 - box.x1)
                if axis.label.get_visible() and axis.label.get_text():
                    reach += axis.labelpad * points + axis.label.get_window_extent(renderer).width
                if side == "left":
                    left = max(left, reach)
                else:
                    right = max(right, reach)
            if row[0] is frame.lanes:
                xaxis = frame.lanes.xaxis
                dates = _extents(xaxis, renderer)
                edge = box.y0 - _tick_length(xaxis, points)
                edge = min(edge, dates.y0) if dates is not None else edge
                lowest = edge
                if xaxis.label.get_visible() and xaxis.label.get_text():
                    lowest -= (
                        xaxis.labelpad * points + xaxis.label.get_window_extent(renderer).height
                    )
                # The year or month the dates leave out, under them on the right (the draw
                # writes the same words there).
                xaxis.offsetText.set_text(xaxis.get_major_formatter().get_offset())
                if xaxis.offsetText.get_visible() and xaxis.offsetText.get_text():
                    under = box.y0 if dates is None else dates.y0
                    under -= xaxis.OFFSETTEXTPAD * points
                    lowest = min(
                        lowest, under - xaxis.offsetText.get_window_extent(renderer).height
                    )
                down = max(down, box.y0 - lowest)
            over.append((up, down))
        if frame.note is not None:
            y0, y1 = spans[-1]
            extra = max(0.0, frame.note.get_window_extent(renderer).height - (y1 - y0)) / 2
            over.append((extra, extra))
        return left, right, over


def _labels_shown(axes: Axes) -> int:
    """How many tick labels the panel shows on its left or right side (within its limits)."""
    low, high = sorted(axes.get_ylim())
    return sum(1 for y in axes.yaxis.get_majorticklocs() if low <= y <= high)


def needed_height(figure: Figure) -> float:
    """The trend figure's least height (pixels) for what it shows now (``_TrendLayout._needed``),
    laid out for it first if it is not yet (before it is drawn: a canvas given its new height
    then draws once, at that height); 0 for another figure."""
    engine = figure.get_layout_engine()
    if isinstance(engine, _TrendLayout) and engine.frame.holds(figure):
        engine.place()  # nothing is measured again for a layout already made
        return engine.needed
    return 0.0


def _words(text: Text) -> tuple[Any, ...]:
    """What of a text decides its size."""
    return (text.get_text(), text.get_fontsize(), text.get_fontweight(), text.get_rotation())


def _extents(axis: Axis, renderer: RendererAgg) -> Bbox | None:
    """The box around an axis's tick labels, where they are now."""
    boxes = [label.get_window_extent(renderer) for label in axis.get_majorticklabels()]
    return Bbox.union(boxes) if boxes else None


def _tick_length(axis: Axis, points: float) -> float:
    """How far an axis's major ticks reach out of the panel (pixels)."""
    ticks = axis.get_major_ticks(1)
    return ticks[0].get_tick_padding() * points if ticks else 0.0


def fit_legend(figure: Figure) -> None:
    """For a canvas resized after the chart was drawn (the window's layout settling, the
    window widened): the legend's columns for the width now, before the next draw."""
    engine = figure.get_layout_engine()
    if isinstance(engine, _TrendLayout) and engine.frame.holds(figure):
        engine.frame.fit_legend()


def frame_of(figure: Figure) -> Frame:
    """The figure's frame, emptied, or a new one (the figure cleared) when it has none."""
    engine = figure.get_layout_engine()
    if isinstance(engine, _TrendLayout) and engine.frame.holds(figure):
        engine.frame.clear()
        return engine.frame
    figure.clear()
    frame = Frame(figure)
    figure.set_layout_engine(_TrendLayout(frame))
    return frame
