"""The spine map as a strip across the page, for the summary's first page: the same vertebrae,
bands and marks as the map (``spine``), with the spine running from C1 on the left to the coccyx
on the right, the levels' labels and the regions' shares under it, the marks' words above it and
a brief key at its right. Drawn at an equal scale both ways, so its height follows its width
(``strip_height_in``)."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from tracker.charts.palette import LITERAL
from tracker.charts.spine_geometry import (
    BAND_HALF,
    BOTTOM,
    LEVEL_Y,
    draw_band,
    draw_bones,
)
from tracker.charts.spine_key import draw_key
from tracker.charts.spine_marks import STRIP_LABEL, draw_mark, mark_words
from tracker.charts.spine_palette import SPINE_PRINT, SpinePalette
from tracker.domain import vocab
from tracker.domain.spine_levels import LEVELS
from tracker.domain.spine_map import SpineMapData

SPINE_SHARE = 0.72  # of the width: the strip; the rest its key
ALONG = (-0.3, BOTTOM + 0.3)
ACROSS_SCALE = 0.6  # across the strip, a unit is this much of one along it (a flatter strip)
ROW = 1.3  # a line of words, in font sizes
BELOW_ROWS = 1.1  # the levels' labels
CHAR = 0.55  # a character's width, in font sizes (about)


def _places(data: SpineMapData, unit_pt: float, size: float) -> list[tuple[int, float]]:
    """Each mark's row of words above the strip (0 nearest) and the middle of its words: moved
    right of the words before it when they would overlap, to a row further up when they would
    run off the strip."""
    ends: list[float] = []  # where the last words of each row end
    places = []
    for mark in sorted(data.marks, key=lambda m: LEVEL_Y[m.levels[0]]):
        middle = sum(LEVEL_Y[level] for level in mark.levels) / len(mark.levels)
        half = len(mark_words(mark)) * CHAR * size / unit_pt / 2
        for row in range(len(ends) + 1):
            if row == len(ends):
                ends.append(ALONG[0])
            left = max(middle - half, ends[row] + 0.6, ALONG[0])
            if left + 2 * half <= ALONG[1] or ends[row] == ALONG[0]:
                ends[row] = left + 2 * half
                places.append((row, left + half))
                break
    return places


def _unit_pt(width_in: float) -> float:
    """Points a unit along the strip."""
    return width_in * SPINE_SHARE * 72 / (ALONG[1] - ALONG[0])


def strip_height_in(data: SpineMapData, width_in: float, size: float) -> float:
    """The strip's height for a width and a font size (points): the band, the rows of words
    above it and the labels under it, or the key's four lines if taller."""
    above = max([0, *(row + 1 for row, _x in _places(data, _unit_pt(width_in), size))])
    band = 2 * BAND_HALF * _unit_pt(width_in) * ACROSS_SCALE
    key = 4.4 * 1.3 * (size - 1)
    return max(band + (above + BELOW_ROWS + 0.2) * ROW * size, key) / 72


def build_spine_strip(
    data: SpineMapData,
    *,
    width_in: float,
    dpi: float = 100,
    palette: SpinePalette = SPINE_PRINT,
    font_size: float = 6.0,
) -> Figure:
    """A new figure of the strip, ``width_in`` wide and as high as it needs. The regions'
    shares are left to the words beside it (the summary's caption)."""
    height_in = strip_height_in(data, width_in, font_size)
    figure = Figure(figsize=(width_in, height_in), dpi=dpi)
    figure.set_facecolor(palette.background)
    axes = figure.add_axes((0.0, 0.0, SPINE_SHARE, 1.0), label=STRIP_LABEL)
    axes.set_axis_off()
    across_pt = _unit_pt(width_in) * ACROSS_SCALE
    row = ROW * font_size / across_pt  # a line of words, in units across the strip
    low = -BAND_HALF - BELOW_ROWS * row
    axes.set_xlim(*ALONG)
    axes.set_ylim(low, low + height_in * 72 / across_pt)
    for region in vocab.REGIONS:
        draw_band(axes, data, region, palette, swap=True)
    draw_bones(axes, palette, swap=True)
    for level in LEVELS:
        _words(axes, LEVEL_Y[level], -BAND_HALF - 0.55 * row, palette, font_size - 0.5, level)
    marks = sorted(data.marks, key=lambda m: LEVEL_Y[m.levels[0]])
    places = _places(data, _unit_pt(width_in), font_size)
    for mark, (line, x) in zip(marks, places, strict=True):
        middle = draw_mark(axes, mark, palette, font_size * 0.8, swap=True)
        height = BAND_HALF + (line + 0.55) * row
        axes.plot([middle, x], [0.95, height - 0.45 * row], color=palette.muted, linewidth=0.5)
        _words(axes, x, height, palette, font_size, mark_words(mark))
    key = figure.add_axes((SPINE_SHARE + 0.01, 0.0, 0.99 - SPINE_SHARE, 1.0))
    key.set_axis_off()
    draw_key(figure, key, data, palette, font_size - 1, brief=True)
    return figure


def _words(axes: Axes, x: float, y: float, p: SpinePalette, size: float, text: str) -> None:
    axes.text(x, y, text, ha="center", va="center", fontsize=size, color=p.ink, **LITERAL)
