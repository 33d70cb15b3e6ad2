"""The charts: matplotlib ``Figure``s drawn from domain data, one module a figure (the trend
chart: ``trend``; the spine map: ``spine``), and the pieces they share (palette, time axis,
artists, text drawing, saving)."""

from tracker.charts.drawing import DrawnChart
from tracker.charts.frame_layout import fit_legend, needed_height
from tracker.charts.glyphs import GlyphCacheCanvas
from tracker.charts.palette import PRINT, SCREEN, SCREEN_DARK, Palette
from tracker.charts.spine import (
    DrawnSpine,
    build_spine_figure,
    draw_spine,
    save_spine_chart,
)
from tracker.charts.spine_marks import mark_spans
from tracker.charts.spine_palette import SPINE_DARK, SPINE_LIGHT, SPINE_PRINT, SpinePalette
from tracker.charts.trend import (
    all_colours,
    build_trend_figure,
    draw_trends,
    line_styles,
    save_trend_chart,
)

__all__ = [
    "PRINT",
    "SCREEN",
    "SCREEN_DARK",
    "SPINE_DARK",
    "SPINE_LIGHT",
    "SPINE_PRINT",
    "DrawnChart",
    "DrawnSpine",
    "GlyphCacheCanvas",
    "Palette",
    "SpinePalette",
    "all_colours",
    "build_spine_figure",
    "build_trend_figure",
    "draw_spine",
    "draw_trends",
    "fit_legend",
    "line_styles",
    "mark_spans",
    "needed_height",
    "save_spine_chart",
    "save_trend_chart",
]
