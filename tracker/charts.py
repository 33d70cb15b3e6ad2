"""The trend chart: symptoms, painkiller doses, treatments and red flags on one time axis.

matplotlib ``Figure`` only (never pyplot, which keeps global state and picks a GUI backend).
The same drawing serves the window (``draw_trends`` into the Qt canvas's figure) and files or the
printed summary (``build_trend_figure``). Every series differs from the others by line style or
marker as well as by colour, and ``for_print`` draws in black and greys only.

Drawn for speed, looking as matplotlib's plain drawing with constrained layout did: a figure keeps
its axes between drawings (``_Frame``) and lays them out itself from their decorations alone
(``_TrendLayout``); series and shapes are single artists added where the limits are already set;
``GlyphCacheCanvas`` keeps FreeType's shaping and glyphs between draws.

Every text is drawn as written (``LITERAL``): matplotlib would read a text between dollar signs
as TeX mathematics, so a treatment site typed as ``$\\frac{T}{8}$`` would come out a fraction,
and ``$$`` or an unknown command would stop the drawing.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.figure import Figure
from matplotlib.font_manager import fontManager, get_font
from matplotlib.ft2font import FT2Font
from matplotlib.layout_engine import LayoutEngine
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, StepPatch
from matplotlib.path import Path as MplPath
from matplotlib.text import Text
from matplotlib.ticker import FixedLocator, NullFormatter
from matplotlib.transforms import Bbox, ScaledTranslation

from tracker.domain import vocab
from tracker.domain.model import Treatment
from tracker.domain.trends import (
    TrendData,
    TrendPoint,
    is_procedure,
    shown_until,
    treatment_label,
)
from tracker.os_files import private_file

DEFAULT_WIDTH_PX, DEFAULT_HEIGHT_PX, DEFAULT_DPI = 1200, 600, 100
NERVE_DODGE = 0.07  # the three 0-3 lines are nudged apart so that equal levels stay visible
FLARE_WORDS_MAX_DAYS = 200  # longer ranges mark a flare by its star alone
MAX_MARKERS = 45  # markers on a long line are thinned to about this many
TIER_MARKERS = {"emergency": ("X", 11), "urgent": ("^", 10), "watch": ("p", 10)}
# The words under the date axis naming the year or month the tick labels leave out.
OFFSET_FORMATS = ["", "%Y", "%B %Y", "%d %B %Y", "%d %B %Y", "%d %B %Y %H:%M"]
# Each course kind keeps its row order, fill and hatch in every range (a hatch tells them apart
# in greyscale; radiotherapy shows its session ticks instead).
LANE_ORDER = (
    "radiotherapy",
    "steroids",
    "chemotherapy",
    "targeted_therapy",
    "immunotherapy",
    "hormone_therapy",
    "physiotherapy",
    "other",
)
LITERAL: dict[str, Any] = {"parse_math": False}  # for every Text made here: see the docstring
LANE_HATCHES = dict(zip(LANE_ORDER, ("", "\\\\", "xx", "++", "oo", "..", "//", "--"), strict=True))


@dataclass(frozen=True)
class Palette:
    pain: str
    mean: str
    worst: str
    doses: str
    weakness: str
    numbness: str
    walking: str
    shade: str
    ink: str
    lanes: tuple[str, ...]  # one fill a LANE_ORDER kind


# Okabe-Ito colours (safe for colour-blind readers), chosen to differ in lightness too.
SCREEN = Palette(
    pain="#0072B2",
    mean="#000000",
    worst="#D55E00",
    doses="#BBBBBB",
    weakness="#009E73",
    numbness="#CC79A7",
    walking="#8C5A00",
    shade="#E3E3E3",
    ink="#000000",
    lanes=("#D8D8D8", "#A6CEE3", "#B2DF8A", "#FFFF99", "#FB9A99", "#FDBF6F", "#CAB2D6", "#E0E0E0"),
)
PRINT = Palette(
    pain="#555555",
    mean="#000000",
    worst="#333333",
    doses="#CCCCCC",
    weakness="#000000",
    numbness="#444444",
    walking="#222222",
    shade="#E6E6E6",
    ink="#000000",
    lanes=("#DDDDDD", "#C8C8C8", "#EEEEEE", "#D4D4D4", "#FFFFFF", "#BBBBBB", "#E8E8E8", "#F4F4F4"),
)


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
    figure: Figure, data: TrendData, *, for_print: bool = False, font_size: float | None = None
) -> DrawnChart:
    """Draw the chart into ``figure``, replacing what it showed (the window redraws its canvas
    this way). A figure that already holds the chart keeps its axes and their ticks: only what
    they show is drawn again."""
    palette = PRINT if for_print else SCREEN
    return _Drawing(_frame(figure), data, palette, font_size).draw()


# ---- time ------------------------------------------------------------------------------------


def _origin() -> float:
    """matplotlib's date epoch as a proleptic ordinal (days, with its time of day)."""
    epoch = datetime.fromisoformat(mdates.get_epoch())
    return epoch.toordinal() + (epoch - datetime.combine(epoch.date(), time())) / DAY


DAY = timedelta(days=1)


def _num(value: datetime) -> float:
    """matplotlib's date number of a naive datetime (days since its epoch). The same sum as
    ``mdates.date2num``, which costs about 20 µs a call through numpy: 0.4 s for ten years."""
    epoch = datetime.fromisoformat(mdates.get_epoch())
    return (value - epoch) / DAY


def _nums(values: Sequence[datetime]) -> list[float]:
    """``_num`` of many naive datetimes: whole days from their ordinals, the rest from their
    time of day (a tenth of the cost of subtracting datetimes)."""
    origin = _origin()
    return [
        v.toordinal()
        - origin
        + (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400
        for v in values
    ]


def _day_nums(days: Sequence[date], hour: float = 0.0) -> list[float]:
    """The date numbers of ``hour`` o'clock on each day."""
    shift = hour / 24 - _origin()
    return [d.toordinal() + shift for d in days]


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time())


def _span(first: date, last: date) -> tuple[float, float]:
    """A run of whole days in matplotlib's date numbers: from ``first`` 00:00 to the end of
    ``last``."""
    start, end = _day_nums([first, last + DAY])
    return start, end


def _day_words(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _line(axes: Axes, xs: Sequence[float], ys: Sequence[float], **style: Any) -> Line2D:
    """A line added as it is, where the limits are set already (``plot`` works out its data
    limits and parses its arguments on every call). Unlabelled, it stays out of the legend."""
    style.setdefault("label", "_line")
    line = Line2D(xs, ys, **style)
    axes.add_artist(line)
    return line


def _shapes(corners: Sequence[Sequence[tuple[float, float]]], **style: Any) -> PathPatch:
    """Rectangles drawn as one patch, to be added with ``add_artist`` where the limits are set
    already: a patch each (``bar``, ``axvspan``, ``broken_barh``) costs a millisecond to add
    and to draw, and Agg draws a hatch's pattern again for every one."""
    return PathPatch(MplPath.make_compound_path_from_polys(np.array(corners, dtype=float)), **style)


def _lane_kind(treatment: Treatment) -> str:
    return treatment.kind if treatment.kind in LANE_ORDER else "other"


# ---- text: FreeType's work kept between drawings -----------------------------------------------

# matplotlib's Agg renderer shapes each text and asks FreeType to hint and rasterise each of its
# glyphs on every draw: about half of a redraw of this chart (sixty texts, eight hundred glyphs).
# Both results depend only on the text, the font, its size and the glyph's position within a
# pixel, so they are kept. The glyphs are then drawn exactly as matplotlib draws them (the same
# bitmaps at the same pixels). Where this matplotlib lacks the parts used, text is drawn the usual
# way.
try:  # matplotlib 3.11's glyph by glyph drawing
    from matplotlib.ft2font import RenderMode

    _GLYPH_PARTS = all(
        hasattr(FT2Font, name) for name in ("_layout", "_render_glyph", "_set_transform")
    ) and hasattr(RendererAgg, "_prepare_font")
except ImportError:
    _GLYPH_PARTS = False
_CACHE_LIMIT = 20_000  # entries a cache (glyphs: a few megabytes at most)
_layouts: dict[tuple[Any, ...], list[tuple[Any, int, float, float]]] = {}
_glyphs: dict[tuple[Any, ...], tuple[Any, int, int]] = {}
_heights: dict[tuple[Any, ...], tuple[Any, Any, Any]] = {}


class GlyphCacheRenderer(RendererAgg):
    """An Agg renderer that keeps each text's shaping and each glyph's bitmap."""

    def draw_text(  # type: ignore[override]
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: bool | str = False,
        mtext: Any = None,
    ) -> None:
        if ismath or not _GLYPH_PARTS:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        flags = get_hinting_flag()
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        size = prop.get_size_in_points()
        key = (_font_key(prop), self.dpi, s, flags, features, language)
        try:
            items = _layouts.get(key)
        except TypeError:  # a feature list or a language that cannot be a key
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        if items is None:
            font = self._prepare_font(prop)
            shaped = font._layout(s, flags=flags, features=features, language=language)
            items = [(i.ft_object, i.glyph_index, i.x, i.y) for i in shaped]
            _keep(_layouts, key, items)
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
        turn = tuple(matrix.ravel().tolist())
        mode = RenderMode.NORMAL if gc.get_antialiased() else RenderMode.MONO
        sized: set[int] = set()  # the faces given this text's size (each once, not a glyph)
        for face, index, dx, dy in items:
            # Where the glyph goes, in 1/64 pixels (FreeType's y is upwards), as matplotlib puts it.
            px = round(0x40 * (x + dx * cos - dy * sin))
            py = round(0x40 * (self.height - y + dx * sin + dy * cos))
            glyph_key = (face.fname, size, self.dpi, index, turn, px & 63, py & 63, flags, mode)
            glyph = _glyphs.get(glyph_key)
            if glyph is None:
                if id(face) not in sized:
                    face.set_size(size, self.dpi)
                    sized.add(id(face))
                face._set_transform(matrix, [px, py])
                bitmap = face._render_glyph(index, flags, mode)
                buffer = np.array(bitmap.buffer)
                if mode is RenderMode.MONO:
                    buffer *= 0xFF
                # The bitmap's corner in whole pixels, from the glyph's whole-pixel origin.
                glyph = (buffer, bitmap.left - (px >> 6), bitmap.top - (py >> 6))
                _keep(_glyphs, glyph_key, glyph)
            buffer, left, top = glyph
            self._renderer.draw_text_image(
                buffer,
                left + (px >> 6),
                int(self.height) - (top + (py >> 6)) + buffer.shape[0],
                0,
                gc,
            )
        return None

    def _get_font_height_metrics(self, prop: Any) -> tuple[Any, Any, Any]:
        """The font's ascent, descent and line gap at its size, which ``Text`` asks FreeType's
        tables for each time it lays a text out (some two hundred times a draw): the same sums,
        kept. (``Text`` asks a renderer that has this method; ``None`` is its own way.)"""
        key = (_font_key(prop), self.dpi)
        metrics = _heights.get(key)
        if metrics is None:
            metrics = (None, None, None)
            font = get_font(fontManager._find_fonts_by_props(prop))
            for table_name, gap, ascent, descent in (
                ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                ("hhea", "lineGap", "ascent", "descent"),
            ):
                table = font.get_sfnt_table(table_name)
                if table is None:
                    continue
                units_per_em = font.get_sfnt_table("head")["unitsPerEm"]
                scale = 1 / units_per_em * prop.get_size_in_points() * self.dpi / 72
                metrics = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
                break
            _keep(_heights, key, metrics)
        return metrics


def _font_key(prop: Any) -> tuple[Any, ...]:
    """Everything that chooses a font and its size (as ``FontProperties`` hashes itself)."""
    return (
        tuple(prop.get_family()),
        prop.get_slant(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size_in_points(),
        prop.get_file(),
        prop.get_math_fontfamily(),
    )


def _keep(cache: dict[Any, Any], key: Any, value: Any) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value


class GlyphCacheCanvas(FigureCanvasAgg):
    """A canvas (mixed into the Qt one, or alone for files) drawing with ``GlyphCacheRenderer``."""

    _glyph_key: tuple[float, float, float] | None = None

    def get_renderer(self) -> RendererAgg:
        width, height = self.figure.bbox.size
        key = (width, height, self.figure.dpi)
        if self._glyph_key != key:
            self.renderer = GlyphCacheRenderer(width, height, self.figure.dpi)
            self._glyph_key = key
        return self.renderer


# ---- the figure's frame: its axes, kept between drawings, and their layout --------------------

PAD_IN = 3 / 72  # space around each panel's decorations (constrained layout's own padding)
NOTE_RATIO = 0.55  # the flare note's band, in the panels' height ratios


@lru_cache(maxsize=8)
def _measurer(dpi: float) -> RendererAgg:
    """A renderer that only measures text, at ``dpi``: text sizes do not depend on the canvas,
    and matplotlib caches them per renderer, so one kept renderer measures each label once."""
    return RendererAgg(1, 1, dpi)


class _Frame:
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
        # Where the panels went for what the figure showed, by everything that decides it: a
        # redraw of a range shown before (or after a change elsewhere) measures nothing.
        self._placed: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        # The twin axes is drawn over its host; the doses belong behind the pain lines.
        self.pain.set_zorder(self.doses.get_zorder() + 1)
        self.pain.patch.set_visible(False)
        self.doses.spines["top"].set_visible(False)
        for axes in (self.pain, self.nerves, self.lanes):
            axes.grid(axis="x", color="#C0C0C0", linewidth=0.6, linestyle=":")
            for side in ("top", "right"):
                axes.spines[side].set_visible(False)
        for axes in (self.pain, self.nerves):
            axes.tick_params(axis="x", labelbottom=False)
            axes.xaxis.set_major_formatter(NullFormatter())
            axes.grid(axis="y", color="#C0C0C0", linewidth=0.6, linestyle=":")
        self.lanes.tick_params(axis="y", length=0)
        self.lanes.spines["left"].set_visible(False)

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
        renderer = (
            canvas.get_renderer() if isinstance(canvas, FigureCanvasAgg) else _measurer(figure.dpi)
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
            self._put(*placed)
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
        if len(self._placed) >= 16:
            self._placed.clear()
        self._placed[key] = (x0, x1, spans, height)

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
                locs = tuple(axis.get_majorticklocs())
                labels = tuple(axis.get_major_formatter().format_ticks(locs))
                params = tuple(sorted(axis.get_tick_params().items()))
                parts += [locs, labels, _words(axis.label), axis.label.get_visible(), params]
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
                side = axis.get_label_position()
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
                axis = self.lanes.xaxis
                dates = _extents(axis, renderer)
                edge = box.y0 - _tick_length(axis, points)
                edge = min(edge, dates.y0) if dates is not None else edge
                lowest = edge
                if axis.label.get_visible() and axis.label.get_text():
                    lowest -= axis.labelpad * points + axis.label.get_window_extent(renderer).height
                # The year or month the dates leave out, under them on the right (the draw
                # writes the same words there).
                axis.offsetText.set_text(axis.get_major_formatter().get_offset())
                if axis.offsetText.get_visible() and axis.offsetText.get_text():
                    under = box.y0 if dates is None else dates.y0
                    under -= axis.OFFSETTEXTPAD * points
                    lowest = min(lowest, under - axis.offsetText.get_window_extent(renderer).height)
                down = max(down, box.y0 - lowest)
            over.append((up, down))
        if self.note is not None:
            y0, y1 = spans[-1]
            extra = max(0.0, self.note.get_window_extent(renderer).height - (y1 - y0)) / 2
            over.append((extra, extra))
        return left, right, over


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

    def __init__(self, frame: _Frame) -> None:
        super().__init__()
        self.frame = frame

    def execute(self, fig: Figure) -> None:
        if self.frame.holds(fig):
            self.frame.place()


def _frame(figure: Figure) -> _Frame:
    """The figure's frame, emptied, or a new one (the figure cleared) when it has none."""
    engine = figure.get_layout_engine()
    if isinstance(engine, _TrendLayout) and engine.frame.holds(figure):
        engine.frame.clear()
        return engine.frame
    figure.clear()
    frame = _Frame(figure)
    figure.set_layout_engine(_TrendLayout(frame))
    return frame


# ---- drawing ---------------------------------------------------------------------------------


class _Drawing:
    def __init__(
        self, frame: _Frame, data: TrendData, palette: Palette, font_size: float | None
    ) -> None:
        self.frame = frame
        self.figure = frame.figure
        self.data = data
        self.p = palette
        self.size = font_size or max(8.0, min(12.0, self.figure.get_figwidth() * 0.85))
        self.small = self.size - 1.5
        self.handles: list[Any] = []
        self.lanes = self._lanes()
        self.xs = _nums([p.at for p in data.points])

    def draw(self) -> DrawnChart:
        data = self.data
        frame = self.frame
        pain, nerves, lanes = frame.pain, frame.nerves, frame.lanes
        frame.lane_ratio = 0.45 * max(1, len(self.lanes)) + 0.2
        self._time_axis()
        self._title()
        if not data.points and not data.doses:
            pain.text(
                0.5,
                0.5,
                f"Nothing recorded between {_day_words(data.start)} and {_day_words(data.end)}.",
                transform=pain.transAxes,
                ha="center",
                va="center",
                fontsize=self.size + 1,
                **LITERAL,
            )
        self._treatments_on(pain, labels=True)
        self._treatments_on(nerves, labels=False)
        self._doses(frame.doses)
        drawn = self._pain(pain)
        self._nerves(nerves)
        self._lane(lanes)
        self._flares(pain)
        if data.flares:
            self._note()
        self._legend()
        return drawn

    def _title(self) -> None:
        data = self.data
        how = "each entry" if data.per_entry else "daily means"
        self.frame.title = self.figure.suptitle(
            f"Pain, nerve signs and treatments, {_day_words(data.start)} to "
            f"{_day_words(data.end)} ({how})",
            fontsize=self.size + 1,
            fontweight="bold",
            va="top",
            **LITERAL,
        )

    def _time_axis(self) -> None:
        frame = self.frame
        first, last = _span(self.data.start, self.data.end)
        # The dates' ticks found once, for all three panels (the grid lines), and written under
        # the lanes only: an ``AutoDateLocator`` on each panel finds them again on every draw.
        locator = mdates.AutoDateLocator(minticks=3, maxticks=max(4, int(self.size)))
        ticks = locator.tick_values(mdates.num2date(first), mdates.num2date(last))
        for axes in (frame.pain, frame.nerves, frame.lanes):
            axes.set_xlim(first, last)
            axes.xaxis.set_major_locator(FixedLocator(ticks))
        frame.lanes.xaxis.set_major_formatter(
            mdates.ConciseDateFormatter(
                frame.lanes.xaxis.get_major_locator(), offset_formats=OFFSET_FORMATS
            )
        )
        frame.lanes.set_xlabel("Date", fontsize=self.size, **LITERAL)
        if frame.labelsize != self.small:  # the ticks keep it between drawings
            frame.labelsize = self.small
            for axes in frame.axes:
                axes.tick_params(labelsize=self.small)

    def _points(self, x: float, y: float) -> ScaledTranslation:
        """An offset of ``x`` and ``y`` points."""
        return ScaledTranslation(x / 72, y / 72, self.figure.dpi_scale_trans)

    # ---- symptoms --------------------------------------------------------------------------

    def _markevery(self, count: int) -> int:
        return max(1, count // MAX_MARKERS)

    def _pain(self, axes: Axes) -> DrawnChart:
        data = self.data
        words = data.flares and data.days <= FLARE_WORDS_MAX_DAYS
        axes.set_ylim(-0.3, 11.7 if words else 10.6)
        ticks = range(0, 11, 2)
        axes.set_yticks(ticks, [str(t) for t in ticks])
        axes.set_ylabel("Pain score\n(0 none, 10 worst)", fontsize=self.size, **LITERAL)
        points = data.points
        xs = self.xs
        ys = [p.pain for p in points]
        if points:
            label = "Pain, each entry" if data.per_entry else "Pain, daily mean"
            line = _line(
                axes,
                xs,
                ys,
                linestyle="none",
                marker="o",
                markersize=5 if data.per_entry else 3,
                color=self.p.pain,
                markerfacecolor="white" if data.per_entry else self.p.pain,
                markeredgecolor=self.p.pain,
                markeredgewidth=1.2 if data.per_entry else 0.0,
                label=label,
                zorder=4,
            )
            self.handles.append(line)
        if data.pain_7day:
            mean = _line(
                axes,
                _day_nums([v.day for v in data.pain_7day], hour=12),
                [v.value for v in data.pain_7day],
                color=self.p.mean,
                linewidth=2.8,
                linestyle="-",
                label="Pain, 7-day mean",
                zorder=5,
            )
            self.handles.append(mean)
        self._worst(axes, xs)
        return DrawnChart(self.figure, axes, points, xs, ys)

    def _worst(self, axes: Axes, xs: list[float]) -> None:
        """Each entry's worst pain as a marker; over longer ranges its 7-day mean as a line
        (a line through hundreds of daily values is a scribble)."""
        data = self.data
        if data.per_entry:
            shown = [
                (x, p.worst) for x, p in zip(xs, data.points, strict=True) if p.worst is not None
            ]
            if not shown:
                return
            line = _line(
                axes,
                [w[0] for w in shown],
                [w[1] for w in shown],
                color=self.p.worst,
                linestyle="none",
                marker="v",
                markersize=5.5,
                label="Worst pain in 24 hours",
                zorder=3,
            )
        elif data.worst_7day:
            line = _line(
                axes,
                _day_nums([v.day for v in data.worst_7day], hour=12),
                [v.value for v in data.worst_7day],
                color=self.p.worst,
                linewidth=1.6,
                linestyle="--",
                marker="v",
                markersize=5,
                markevery=self._markevery(len(data.worst_7day)),
                label="Worst pain in 24 h, 7-day mean",
                zorder=3,
            )
        else:
            return
        self.handles.append(line)

    def _doses(self, twin: Axes) -> None:
        doses = self.data.doses
        twin.set_ylabel("Painkiller doses\ntaken as needed, per day", fontsize=self.size, **LITERAL)
        most = max((d.count for d in doses), default=0)
        twin.set_ylim(0, max(3, most) * 2.6)  # bars keep to the lower part of the panel
        ticks = range(0, max(3, most) + 1, 1 if most <= 6 else 2)
        twin.set_yticks(ticks, [str(t) for t in ticks])
        if not doses:
            return
        label = "Painkiller doses (right scale)"
        if self.data.per_entry:  # a bar a day, with gaps between days
            twin.add_artist(
                _shapes(
                    [
                        ((x, 0), (x, d.count), (x + 0.85, d.count), (x + 0.85, 0))
                        for x, d in zip(_day_nums([d.day for d in doses]), doses, strict=True)
                    ],
                    facecolor=self.p.doses,
                    edgecolor="#808080",
                    linewidth=0.3,
                    hatch="///",
                )
            )
            self.handles.append(
                Patch(
                    facecolor=self.p.doses,
                    edgecolor="#808080",
                    linewidth=0.3,
                    hatch="///",
                    label=label,
                )
            )
            return
        # Over long ranges one stepped outline: thousands of bar patches take seconds to draw.
        # Made and added as it is: ``Axes.stairs`` would work out its data limits point by
        # point (a tenth of a second over ten years) for limits already set.
        start = self.data.start
        counts = [0] * self.data.days
        for dose in doses:
            counts[(dose.day - start).days] = dose.count
        first = _day_nums([start])[0]
        edges = [first + n for n in range(self.data.days + 1)]
        steps = StepPatch(counts, edges, fill=True, color=self.p.doses, linewidth=0)
        twin.add_artist(steps)
        self.handles.append(Patch(facecolor=self.p.doses, edgecolor="#808080", label=label))

    def _nerves(self, axes: Axes) -> None:
        data = self.data
        axes.set_ylim(-0.35, 3.4)
        axes.set_yticks(range(4), ["0 none", "1", "2", "3 severe"])
        axes.set_ylabel("Nerve signs", fontsize=self.size, **LITERAL)
        xs = self.xs
        series = (
            ("Weakness (worst limb)", "weakness", self.p.weakness, "-", "s", -NERVE_DODGE),
            ("Numbness (worst area)", "numbness", self.p.numbness, "--", "D", 0.0),
            ("Difficulty walking", "walking", self.p.walking, ":", "^", NERVE_DODGE),
        )
        for label, name, colour, style, marker, dodge in series:
            if not xs:
                continue
            # a sign not asked is a gap in the line, never a 0 ("none")
            values = [
                math.nan if (v := getattr(p, name)) is None else v + dodge for p in data.points
            ]
            line = _line(
                axes,
                xs,
                values,
                color=colour,
                linestyle=style,
                linewidth=1.6,
                marker=marker,
                markersize=4.5,
                markevery=self._markevery(len(xs) * 2),
                drawstyle="steps-mid",
                label=label,
            )
            self.handles.append(line)

    # ---- treatments and red flags ----------------------------------------------------------

    def _lanes(self) -> list[str]:
        kinds = {_lane_kind(t) for t in self.data.treatments if not is_procedure(t)}
        rows = [k for k in LANE_ORDER if k in kinds]
        if self.data.alerts:
            rows.append("alerts")
        return rows

    def _treatments_on(self, axes: Axes, *, labels: bool) -> None:
        """Radiotherapy courses shaded and procedures as vertical lines, across a panel."""
        procedure = False
        shades = []
        for treatment in self.data.treatments:
            if treatment.kind == "radiotherapy":
                first, last = _span(treatment.started_on, shown_until(treatment))
                shades.append(((first, 0.0), (first, 1.0), (last, 1.0), (last, 0.0)))
            elif is_procedure(treatment):
                x = _day_nums([treatment.started_on], hour=12)[0]
                _line(  # as ``axvline``: the panel's height up
                    axes,
                    [x, x],
                    [0, 1],
                    transform=axes.get_xaxis_transform(which="grid"),
                    color=self.p.ink,
                    linestyle="-.",
                    linewidth=1.4,
                    zorder=2,
                )
                procedure = True
                if labels:
                    # Words at the top of the line, 4 points right and 2 down (a text with an
                    # offset, which draws as an annotation does without its checks).
                    axes.text(
                        x,
                        1.0,
                        treatment_label(treatment),
                        transform=axes.get_xaxis_transform() + self._points(4, -2),
                        ha="left",
                        va="top",
                        fontsize=self.small,
                        bbox={"boxstyle": "square,pad=0.15", "fc": "white", "ec": "none"},
                        zorder=6,
                        **LITERAL,
                    )
        if shades:
            # The courses' full-height shading (as ``axvspan`` draws each: days across, the
            # panel's height up).
            axes.add_artist(
                _shapes(
                    shades,
                    color=self.p.shade,
                    linewidth=0,
                    zorder=0,
                    transform=axes.get_xaxis_transform(),
                )
            )
        if labels and shades:
            self.handles.append(Patch(color=self.p.shade, label="Radiotherapy (shaded)"))
        if labels and procedure:
            self.handles.append(
                Line2D([], [], color=self.p.ink, linestyle="-.", label="Procedure (labelled)")
            )

    def _lane(self, axes: Axes) -> None:
        rows = self.lanes
        axes.set_ylim(max(1, len(rows)) - 0.5, -0.5)
        axes.set_yticks(
            range(len(rows)),
            ["Red flags" if r == "alerts" else vocab.TREATMENT_WORDS[r] for r in rows],
            **LITERAL,
        )
        if not rows:
            return
        sessions: list[tuple[datetime, int]] = []
        bars: dict[str, list[Any]] = {}
        for treatment in self.data.treatments:
            if is_procedure(treatment):
                continue
            kind = _lane_kind(treatment)
            row = rows.index(kind)
            first, last = _span(treatment.started_on, shown_until(treatment))
            low, high = row - 0.32, row + 0.32
            bars.setdefault(kind, []).append(
                ((first, low), (first, high), (last, high), (last, low))
            )
            if treatment.kind == "radiotherapy":
                sessions += [(s.at.replace(tzinfo=None), row) for s in treatment.sessions]
            if treatment.site:
                axes.text(  # 3 points right of the bar's end, inside the panel only
                    last,
                    row,
                    treatment.site,
                    transform=axes.transData + self._points(3, 0),
                    va="center",
                    fontsize=self.small - 1,
                    clip_on=True,
                    **LITERAL,
                )
        for kind, shapes in bars.items():  # one kind's courses look alike
            axes.add_artist(
                _shapes(
                    shapes,
                    facecolor=self.p.lanes[LANE_ORDER.index(kind)],
                    edgecolor=self.p.ink,
                    linewidth=0.8,
                    joinstyle="round",  # as a collection draws its corners
                    hatch=LANE_HATCHES[kind] or None,
                )
            )
        if sessions:  # every course's session ticks, one line of markers
            tick = {"marker": "|", "markeredgewidth": 1.6, "color": self.p.ink}
            _line(
                axes,
                _nums([at for at, _row in sessions]),
                [row for _at, row in sessions],
                linestyle="none",
                markersize=13,
                **tick,
            )
            self._marker_key("Radiotherapy session", markersize=11, **tick)
        if "alerts" in rows:
            self._alerts(axes, rows.index("alerts"))

    def _marker_key(self, label: str, **style: Any) -> None:
        """A legend entry for markers drawn without a line (a little smaller than on the
        chart)."""
        self.handles.append(Line2D([], [], linestyle="none", label=label, **style))

    def _alerts(self, axes: Axes, row: int) -> None:
        for tier in ("watch", "urgent", "emergency"):
            times = [a.raised_at.replace(tzinfo=None) for a in self.data.alerts if a.tier == tier]
            if not times:
                continue
            marker, size = TIER_MARKERS[tier]
            line = _line(
                axes,
                _nums(times),
                [row] * len(times),
                linestyle="none",
                marker=marker,
                markersize=size,
                color=self.p.ink,
                markerfacecolor="white" if tier == "watch" else self.p.ink,
                markeredgecolor=self.p.ink,
                markeredgewidth=1.3,
                label=f"Red flag: {tier}",
                zorder=5,
            )
            self.handles.append(line)

    def _flares(self, axes: Axes) -> None:
        if not self.data.flares:
            return
        # Over long ranges a flare is a few pixels wide: the star and the legend say it, and
        # words there would collide with the procedure labels.
        words = self.data.days <= FLARE_WORDS_MAX_DAYS
        for flare in self.data.flares:
            first, last = _span(flare.first_day, flare.last_day)
            if words:
                _line(
                    axes,
                    [first, first, last, last],
                    [10.45, 10.7, 10.7, 10.45],
                    color=self.p.ink,
                    linewidth=1.3,
                    zorder=6,
                )
                axes.text(
                    (first + last) / 2,
                    10.75,
                    "pain flare ★",
                    ha="center",
                    va="bottom",
                    fontsize=self.small,
                    zorder=6,
                    clip_on=True,
                    **LITERAL,
                )
        star = {
            "marker": "*",
            "color": self.p.ink,
            "markerfacecolor": "white",
            "markeredgecolor": self.p.ink,
        }
        _line(  # the flares' peaks, each a star
            axes,
            _nums([flare.peak_at for flare in self.data.flares]),
            [flare.peak_score for flare in self.data.flares],
            linestyle="none",
            markersize=16,
            markeredgewidth=1.3,
            zorder=7,
            **star,
        )
        self._marker_key("Pain flare (see the note)", markersize=13, **star)

    def _note(self) -> None:
        """The flare's plain words in a band of their own under the panels, from the panels'
        left edge (placed by the layout)."""
        explanation = self.data.flares[0].explanation
        self.frame.note = self.figure.text(
            0.0,
            0.5,
            f"★ {explanation}",
            ha="left",
            va="center",
            fontsize=self.small,
            wrap=True,
            **LITERAL,
        )

    def _legend(self) -> None:
        if not self.handles:
            return
        columns = int(self.figure.get_figwidth() * 10.0 / self.size / 2.7)
        columns = max(2, min(len(self.handles), columns))
        self.frame.legend_columns = columns
        self.frame.legend = self.figure.legend(
            handles=self.handles,
            loc="outside lower center",
            ncols=columns,
            fontsize=self.small,
            frameon=False,
            handlelength=2.6,
            markerscale=0.8,
            columnspacing=1.4,
        )
        for text in self.frame.legend.get_texts():
            text.set_parse_math(False)


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
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"{out.name} must end in .png or .svg")
    figure = build_trend_figure(data, width_in=width_px / dpi, height_in=height_px / dpi, dpi=dpi)
    GlyphCacheCanvas(figure)
    # No creation date in the file: the same journal draws the same file.
    metadata = {"Date": None} if fmt == "svg" else {"Software": "Spine Journal"}
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            figure.savefig(stream, format=fmt, dpi=dpi, metadata=metadata)
        private_file(temporary)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
