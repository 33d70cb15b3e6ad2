"""The spine map as a strip, for the summary's first page: the same vertebrae, bands and marks
as the map (``spine``), the spine running from C1 on the left to the coccyx on the right, in one
row or in two (C1 to T12, then L1 to the coccyx, with a brief key beside the second), the
levels' labels under it and the marks' words above. Its height follows its width
(the key's line under the two rows); the regions' shares are left to the words printed with it."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from tracker.charts.palette import LITERAL
from tracker.charts.spine_geometry import BAND_HALF, BOTTOM, LEVEL_Y, SPANS, draw_band, draw_bones
from tracker.charts.spine_key import draw_key, draw_key_line
from tracker.charts.spine_marks import STRIP_LABEL, draw_mark, mark_words
from tracker.charts.spine_palette import SPINE_PRINT, SpinePalette
from tracker.domain import vocab
from tracker.domain.spine_levels import LEVELS
from tracker.domain.spine_map import SpineMapData, SpineMark

PAD = 0.3  # beyond the first and last vertebra of the strip
SPLIT_PAD = 0.08  # beyond T12 and before L1 where two rows meet (less than half the gap)
KEY_SHARE = 0.28  # one row: of the width, the key at its right
ACROSS_SCALE = 0.6  # across the strip, a unit is this much of one along it (a flatter strip)
ROW = 1.3  # a line of words, in font sizes
BELOW_ROWS = 1.1  # the levels' labels
CHAR = 0.55  # a character's width, in font sizes (about)
KEY_LINES = 4.4  # one row: the key's lines beside it
KEY_ROW = 1.5  # two rows: the key's line under them, in font sizes


def _segments(two_rows: bool) -> list[tuple[float, float]]:
    """The stretch of the spine each row shows, the same length each."""
    if not two_rows:
        return [(-PAD, BOTTOM + PAD)]
    first = (-PAD, SPANS["T12"][1] + SPLIT_PAD)
    start = SPANS["L1"][0] - SPLIT_PAD
    return [first, (start, start + first[1] - first[0])]


def _middle(mark: SpineMark) -> float:
    return sum(LEVEL_Y[level] for level in mark.levels) / len(mark.levels)


@dataclass(frozen=True)
class _Layout:
    width_in: float
    size: float
    two_rows: bool

    @property
    def segments(self) -> list[tuple[float, float]]:
        return _segments(self.two_rows)

    @property
    def unit_pt(self) -> float:
        """Points a unit along the strip."""
        low, high = self.segments[0]
        share = 1.0 if self.two_rows else 1.0 - KEY_SHARE
        return self.width_in * share * 72 / (high - low)

    def places(self, data: SpineMapData, segment: tuple[float, float]) -> list[tuple[int, float]]:
        """Each mark's row of words above its row of the strip (0 nearest) and the middle of
        its words: moved right of the words before when they would overlap, a row further up
        when they would run off the strip."""
        ends: list[float] = []  # where the last words of each row end
        places = []
        for mark in self.marks(data, segment):
            half = len(mark_words(mark)) * CHAR * self.size / self.unit_pt / 2
            for row in range(len(ends) + 1):
                if row == len(ends):
                    ends.append(segment[0])
                left = max(_middle(mark) - half, ends[row] + 0.6, segment[0])
                if ends[row] == segment[0]:  # first in its row: kept inside the strip
                    left = max(segment[0], min(left, segment[1] - 2 * half))
                if left + 2 * half <= segment[1] or ends[row] == segment[0]:
                    ends[row] = left + 2 * half
                    places.append((row, left + half))
                    break
        return places

    @staticmethod
    def marks(data: SpineMapData, segment: tuple[float, float]) -> list[SpineMark]:
        shown = [m for m in data.marks if segment[0] <= _middle(m) <= segment[1]]
        return sorted(shown, key=_middle)

    def row_pt(self, data: SpineMapData, segment: tuple[float, float]) -> float:
        """A row's height: its band, the words above it and the labels under it (one row:
        at least the key's lines)."""
        above = max([0, *(row + 1 for row, _x in self.places(data, segment))])
        band = 2 * BAND_HALF * self.unit_pt * ACROSS_SCALE
        height = band + (above + BELOW_ROWS + 0.2) * ROW * self.size
        return height if self.two_rows else max(height, KEY_LINES * ROW * (self.size - 1))


def build_spine_strip(
    data: SpineMapData,
    *,
    width_in: float,
    dpi: float = 100,
    palette: SpinePalette = SPINE_PRINT,
    font_size: float = 6.0,
    two_rows: bool = False,
) -> Figure:
    """A new figure of the strip, ``width_in`` wide and as high as it needs."""
    layout = _Layout(width_in, font_size, two_rows)
    heights = [layout.row_pt(data, segment) for segment in layout.segments]
    key_pt = KEY_ROW * (font_size - 1) if two_rows else 0.0
    total = sum(heights) + key_pt
    figure = Figure(figsize=(width_in, total / 72), dpi=dpi)
    figure.set_facecolor(palette.background)
    top = 1.0
    for segment, height in zip(layout.segments, heights, strict=True):
        share = height / total
        top -= share
        width = 1.0 if two_rows else 1.0 - KEY_SHARE
        axes = figure.add_axes((0.0, top, width, share), label=STRIP_LABEL)
        _draw_row(axes, data, layout, segment, height, palette)
    key_share = KEY_ROW * (font_size - 1) / 72 / figure.get_figheight() if two_rows else 0.0
    if two_rows:  # the key in a line under both rows
        key = figure.add_axes((0.0, 0.0, 1.0, key_share))
        key.set_axis_off()
        draw_key_line(figure, key, data, palette, font_size - 1.5)
    else:
        key = figure.add_axes((1.0 - KEY_SHARE + 0.01, 0.0, KEY_SHARE - 0.01, 1.0))
        key.set_axis_off()
        draw_key(figure, key, data, palette, font_size - 1)
    return figure


def _draw_row(
    axes: Axes,
    data: SpineMapData,
    layout: _Layout,
    segment: tuple[float, float],
    height_pt: float,
    palette: SpinePalette,
) -> None:
    axes.set_axis_off()
    size = layout.size
    across_pt = layout.unit_pt * ACROSS_SCALE
    row = ROW * size / across_pt  # a line of words, in units across the strip
    low = -BAND_HALF - BELOW_ROWS * row
    axes.set_xlim(*segment)
    axes.set_ylim(low, low + height_pt / across_pt)
    for region in vocab.REGIONS:
        draw_band(axes, data, region, palette, swap=True)
    draw_bones(axes, palette, swap=True)
    for level in LEVELS:
        if segment[0] <= LEVEL_Y[level] <= segment[1]:
            _words(axes, LEVEL_Y[level], -BAND_HALF - 0.55 * row, palette, size - 2, level)
    marks = layout.marks(data, segment)
    for mark, (line, x) in zip(marks, layout.places(data, segment), strict=True):
        middle = draw_mark(axes, mark, palette, size * 0.8, swap=True)
        height = BAND_HALF + (line + 0.55) * row
        axes.plot([middle, x], [0.95, height - 0.45 * row], color=palette.muted, linewidth=0.5)
        _words(axes, x, height, palette, size, mark_words(mark))


def _words(axes: Axes, x: float, y: float, p: SpinePalette, size: float, text: str) -> None:
    axes.text(x, y, text, ha="center", va="center", fontsize=size, color=p.ink, **LITERAL)
