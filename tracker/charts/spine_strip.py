"""The spine map as a strip, for the summary's first page: the same vertebrae, bands and marks
as the map (``spine``), the spine running from C1 on the left to the coccyx on the right in one
row, the levels' labels under it, the marks' words above and a brief key in a line under it
all. Its height follows its width; the regions' shares are left to the words printed with it.

Every word is drawn at the strip's font size (the key half a point smaller): on paper the labels
are read at arm's length, so the summary gives the strip the text's width rather than making
its labels small (at 8 points "T10" needs about 5.3 mm, a thoracic vertebra's step at 180 mm is
6.3 mm)."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from tracker.charts.palette import LITERAL
from tracker.charts.spine_geometry import BAND_HALF, BOTTOM, LEVEL_Y, draw_band, draw_bones
from tracker.charts.spine_key import draw_key_line
from tracker.charts.spine_marks import STRIP_LABEL, draw_mark, mark_words
from tracker.charts.spine_palette import SPINE_PRINT, SpinePalette
from tracker.domain import vocab
from tracker.domain.spine_levels import LEVELS
from tracker.domain.spine_map import SpineMapData, SpineMark

PAD = 0.3  # beyond the first and last vertebra of the strip
LOW, HIGH = -PAD, BOTTOM + PAD  # the stretch of the spine the strip shows, in the map's units
ACROSS_SCALE = 0.5  # across the strip, a unit is this much of one along it (a flatter strip)
ROW = 1.3  # a line of words, in font sizes
BELOW_ROWS = 1.1  # the levels' labels
CHAR = 0.55  # a character's width, in font sizes (about)
KEY_ROW = 1.5  # the key's line under the strip, in font sizes
KEY_SMALLER = 0.5  # the key's words, in points below the strip's font size


def _middle(mark: SpineMark) -> float:
    return sum(LEVEL_Y[level] for level in mark.levels) / len(mark.levels)


@dataclass(frozen=True)
class _Layout:
    width_in: float
    size: float

    @property
    def unit_pt(self) -> float:
        """Points a unit along the strip."""
        return self.width_in * 72 / (HIGH - LOW)

    def places(self, data: SpineMapData) -> list[tuple[int, float]]:
        """Each mark's row of words above the strip (0 nearest) and the middle of its words:
        moved right of the words before when they would overlap, a row further up when they
        would run off the strip."""
        ends: list[float] = []  # where the last words of each row end
        places = []
        for mark in self.marks(data):
            half = len(mark_words(mark)) * CHAR * self.size / self.unit_pt / 2
            for row in range(len(ends) + 1):
                if row == len(ends):
                    ends.append(LOW)
                left = max(_middle(mark) - half, ends[row] + 0.6, LOW)
                if ends[row] == LOW:  # first in its row: kept inside the strip
                    left = max(LOW, min(left, HIGH - 2 * half))
                if left + 2 * half <= HIGH or ends[row] == LOW:
                    ends[row] = left + 2 * half
                    places.append((row, left + half))
                    break
        return places

    @staticmethod
    def marks(data: SpineMapData) -> list[SpineMark]:
        return sorted(data.marks, key=_middle)

    def strip_pt(self, data: SpineMapData) -> float:
        """The strip's height without the key: its band, the words above it and the labels
        under it."""
        above = max([0, *(row + 1 for row, _x in self.places(data))])
        band = 2 * BAND_HALF * self.unit_pt * ACROSS_SCALE
        return band + (above + BELOW_ROWS + 0.2) * ROW * self.size


def build_spine_strip(
    data: SpineMapData,
    *,
    width_in: float,
    dpi: float = 100,
    palette: SpinePalette = SPINE_PRINT,
    font_size: float = 8.0,
) -> Figure:
    """A new figure of the strip, ``width_in`` wide and as high as it needs."""
    layout = _Layout(width_in, font_size)
    height = layout.strip_pt(data)
    key_size = font_size - KEY_SMALLER
    key_pt = KEY_ROW * key_size
    total = height + key_pt
    figure = Figure(figsize=(width_in, total / 72), dpi=dpi)
    figure.set_facecolor(palette.background)
    share = key_pt / total
    axes = figure.add_axes((0.0, share, 1.0, 1.0 - share), label=STRIP_LABEL)
    _draw_strip(axes, data, layout, height, palette)
    key = figure.add_axes((0.0, 0.0, 1.0, share))  # the key in a line under the strip
    key.set_axis_off()
    draw_key_line(figure, key, data, palette, key_size)
    return figure


def _draw_strip(
    axes: Axes, data: SpineMapData, layout: _Layout, height_pt: float, palette: SpinePalette
) -> None:
    axes.set_axis_off()
    size = layout.size
    across_pt = layout.unit_pt * ACROSS_SCALE
    row = ROW * size / across_pt  # a line of words, in units across the strip
    low = -BAND_HALF - BELOW_ROWS * row
    axes.set_xlim(LOW, HIGH)
    axes.set_ylim(low, low + height_pt / across_pt)
    for region in vocab.REGIONS:
        draw_band(axes, data, region, palette, swap=True)
    draw_bones(axes, palette, swap=True)
    for level in LEVELS:
        _words(axes, LEVEL_Y[level], -BAND_HALF - 0.55 * row, palette, size, level)
    for mark, (line, x) in zip(layout.marks(data), layout.places(data), strict=True):
        middle = draw_mark(axes, mark, palette, size * 0.8, swap=True)
        height = BAND_HALF + (line + 0.55) * row
        axes.plot([middle, x], [0.95, height - 0.45 * row], color=palette.muted, linewidth=0.5)
        _words(axes, x, height, palette, size, mark_words(mark))


def _words(axes: Axes, x: float, y: float, p: SpinePalette, size: float, text: str) -> None:
    axes.text(x, y, text, ha="center", va="center", fontsize=size, color=p.ink, **LITERAL)
