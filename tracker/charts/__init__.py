"""The charts: matplotlib ``Figure``s drawn from domain data, one module a figure (the trend
chart: ``trend``), and the pieces they share (palette, time axis, artists, text drawing)."""

from tracker.charts.drawing import DrawnChart
from tracker.charts.glyphs import GlyphCacheCanvas
from tracker.charts.palette import PRINT, SCREEN, SCREEN_DARK, Palette
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
    "DrawnChart",
    "GlyphCacheCanvas",
    "Palette",
    "all_colours",
    "build_trend_figure",
    "draw_trends",
    "line_styles",
    "save_trend_chart",
]
