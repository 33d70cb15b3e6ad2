"""The trend figure's frame: its axes, kept between drawings, and their own layout, placed as
matplotlib's constrained layout places them but from the decorations alone."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.ticker import NullFormatter
from matplotlib.transforms import Bbox

from tracker.charts.palette import Palette

PAD_IN = 3 / 72  # space around each panel's decorations (constrained layout's own padding)
NOTE_RATIO = 0.55  # the flare note's band, in the panels' height ratios
LABEL_LINE = 1.3  # the height a tick label needs, in its text size: its box and a little gap


def legend_columns(width_in: float, text_size: float, entries: int) -> int:
    """The legend's columns: as many as a figure this wide holds at this text size (points),
    two at least, no more than there are entries."""
    return max(2, min(entries, int(width_in * 10.0 / text_size / 2.7)))


@lru_cache(maxsize=8)
def _measurer(dpi: float) -> RendererAgg:
    """A renderer that only measures text, at ``dpi``: text sizes do not depend on the canvas,
    and matplotlib caches them per renderer, so one kept renderer measures each label once."""
    return RendererAgg(1, 1, dpi)  # type: ignore[no-untyped-call]


class Frame:
    """The chart's axes in one figure (pain with the doses' twin, nerve signs, the lanes), the
    title, the flare note and the legend; and where they go. Made once per figure: a redraw
    removes what the axes show and draws it again, which keeps their ticks (making the axes
    and their ticks again costs more than drawing ten years of points)."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        # Not shared: each panel is given the same limits and ticks, and only the lanes' dates
        # are formatted (shared axes format them once for each panel, on every draw).
        self.pain = figure.add_axes((0.1, 0.5, 0.8, 0.4))
        self.nerves = figure.add_axes((0.1, 0.3, 0.8, 0.15))
        self.lanes = figure.add_axes((0.1, 0.1, 0.8, 0.15))
        self.doses = self.pain.twinx()
        self.axes = [self.pain, self.nerves, self.lanes, self.doses]
        self.rows = [[self.pain, self.doses], [self.nerves], [self.lanes]]
        self.title: Text | None = None
        self.note: Text | None = None
        self.legend: Legend | None = None
        self.lane_ratio = 0.65
        self.labelsize = 0.0
        self.legend_columns = 0
        # the legend made again for another number of columns (its entries, text and size
        # as the drawing gave them), and what its columns are reckoned from
        self._make_legend: Callable[[int], Legend] | None = None
        self._legend_reckoning = (0.0, 0)  # the chart's text size, the number of entries
        self.palette: Palette | None = None  # the colours it is dressed in (charts.colours)
        # Where the panels went for what the figure showed, by everything that decides it: a
        # redraw of a range shown before (or after a change elsewhere) measures nothing.
        self._placed: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.needed = 0.0  # the figure's least height (pixels) for what it shows: ``_needed``
        dress(self.pain, self.nerves, self.lanes, self.doses)

    def holds(self, figure: Figure) -> bool:
        """Whether the figure still holds exactly these axes (nothing cleared it since)."""
        return self.figure is figure and figure.axes == self.axes

    def clear(self) -> None:
        """Remove what the axes show, the note and the legend; keep the axes and the title."""
        for axes in self.axes:
            shown = [*axes.lines, *axes.patches, *axes.collections, *axes.texts, *axes.artists]
            for artist in shown:
                artist.remove()
        for legend in list(self.figure.legends):
            legend.remove()
        self.legend = None
        if self.note is not None:
            self.note.remove()
            self.note = None

    # ---- layout ---------------------------------------------------------------------------

    def place(self) -> None:
        """Put the panels where constrained layout would: each band's height shares what the
        title, the legend, the pads and the decorations (tick labels and axis labels, not an
        axis label's length) leave, by the height ratios. Constrained layout measures every
        artist of every axes, twice, on every draw; this measures only the decorations."""
        figure = self.figure
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
        if self.title is not None:
            self.title.set_y(1 - pad / height)
        key = self._signature()
        placed = self._placed.get(key)
        if placed is not None:
            *where, self.needed = placed
            self._put(*where)
            return
        top = bottom = 0.0
        if self.title is not None and self.title.get_text():
            top = self.title.get_window_extent(renderer).height + 2 * pad
        if self.legend is not None:
            bottom = self.legend.get_window_extent(renderer).height + 2 * pad
        ratios = [5.0, 2.0, self.lane_ratio]
        if self.note is not None:
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
        line = self.labelsize * self.figure.dpi / 72 * LABEL_LINE
        room = sum(y1 - y0 for y0, y1 in spans)
        wanted = 0.0
        for row, ratio in zip(self.rows, ratios, strict=False):
            labels = max(_labels_shown(axes) for axes in row)
            wanted = max(wanted, labels * line * sum(ratios) / ratio)
        return height - room + wanted

    def set_legend(self, make: Callable[[int], Legend], text_size: float, entries: int) -> None:
        """The legend, made by ``make`` with as many columns as the figure's width holds."""
        self._make_legend, self._legend_reckoning = make, (text_size, entries)
        self.legend_columns = legend_columns(self.figure.get_figwidth(), text_size, entries)
        self.legend = make(self.legend_columns)

    def fit_legend(self) -> None:
        """The legend made again when the figure's width now holds another number of columns.
        Called before a resized canvas draws (``charts.fit_legend``), not from the layout: a
        draw has listed what it draws by then, so a legend made there would show only on the
        next one."""
        if self.legend is None or self._make_legend is None:
            return
        columns = legend_columns(self.figure.get_figwidth(), *self._legend_reckoning)
        if columns != self.legend_columns:
            self.legend.remove()  # its columns are fixed when it is made
            self.legend_columns = columns
            self.legend = self._make_legend(columns)

    def _put(self, x0: float, x1: float, spans: list[tuple[float, float]], height: float) -> None:
        for row, (y0, y1) in zip(self.rows, spans, strict=False):
            for axes in row:
                axes.set_position((x0, y0 / height, x1 - x0, (y1 - y0) / height))
        if self.note is not None:
            y0, y1 = spans[-1]
            self.note.set_position((x0, (y0 + y1) / 2 / height))

    def _signature(self) -> tuple[Any, ...]:
        """What decides the layout, read from the figure without measuring anything: its size,
        the bands, the words and sizes of the title, the note, the legend, the axis labels and
        the tick labels, the ticks and the limits."""
        figure = self.figure
        parts: list[Any] = [figure.bbox.width, figure.bbox.height, figure.dpi, self.lane_ratio]
        for text in (self.title, self.note):
            parts.append(None if text is None else _words(text))
        if self.legend is not None:
            parts.append(tuple(_words(text) for text in self.legend.get_texts()))
            parts.append(self.legend_columns)
        for axes in self.axes:
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
        points = self.figure.dpi / 72
        left = right = 0.0
        over: list[tuple[float, float]] = []
        for row in self.rows:
            box = row[0].get_window_extent(renderer)
            # The tick marks under a panel whose dates are written under the lanes.
            up, down = 0.0, 0.0 if row[0] is self.lanes else _tick_length(row[0].xaxis, points)
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
            if row[0] is self.lanes:
                xaxis = self.lanes.xaxis
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
        if self.note is not None:
            y0, y1 = spans[-1]
            extra = max(0.0, self.note.get_window_extent(renderer).height - (y1 - y0)) / 2
            over.append((extra, extra))
        return left, right, over


def _labels_shown(axes: Axes) -> int:
    """How many tick labels the panel shows on its left or right side (within its limits)."""
    low, high = sorted(axes.get_ylim())
    return sum(1 for y in axes.yaxis.get_majorticklocs() if low <= y <= high)


def needed_height(figure: Figure) -> float:
    """The trend figure's least height (pixels) for what it shows now (``Frame._needed``),
    laid out for it first if it is not yet (before it is drawn: a canvas given its new height
    then draws once, at that height); 0 for another figure."""
    engine = figure.get_layout_engine()
    if isinstance(engine, _TrendLayout) and engine.frame.holds(figure):
        engine.frame.place()  # nothing is measured again for a layout already made
        return engine.frame.needed
    return 0.0


def dress(pain: Axes, nerves: Axes, lanes: Axes, doses: Axes) -> None:
    """The panels' grid lines, spines and ticks (the date labels written under the lanes only)."""
    # The twin axes is drawn over its host; the doses belong behind the pain lines.
    pain.set_zorder(doses.get_zorder() + 1)
    pain.patch.set_visible(False)
    doses.spines["top"].set_visible(False)
    for axes in (pain, nerves, lanes):
        axes.grid(axis="x", color="#C0C0C0", linewidth=0.6, linestyle=":")
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
    for axes in (pain, nerves):
        axes.tick_params(axis="x", labelbottom=False)
        axes.xaxis.set_major_formatter(NullFormatter())
        axes.grid(axis="y", color="#C0C0C0", linewidth=0.6, linestyle=":")
    lanes.tick_params(axis="y", length=0)
    lanes.spines["left"].set_visible(False)


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


class _TrendLayout(LayoutEngine):
    """The frame's own layout, run before each draw (so a resized canvas is laid out again)."""

    _adjust_compatible = False
    _colorbar_gridspec = False

    def __init__(self, frame: Frame) -> None:
        super().__init__()
        self.frame = frame

    def execute(self, fig: Figure) -> None:
        if self.frame.holds(fig):
            self.frame.place()


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
