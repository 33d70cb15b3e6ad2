"""The spine map: C1 to the coccyx, each vertebra drawn and labelled, the period's treatments at
their levels, the pain regions shaded by the share of entries that recorded pain there, and
beside it the key, the regions' shares and the sites that could not be placed, in words.

matplotlib ``Figure`` only (never pyplot), as the trend chart: the window draws it into its
canvas's figure (``draw_spine``), files and the printed summary make their own
(``build_spine_figure``). The layout is worked out here from the figure's size, so that the
same drawing serves a narrow panel and a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from tracker.charts.palette import LITERAL
from tracker.charts.saving import chart_format, write_figure
from tracker.charts.spine_geometry import (
    BOTTOM,
    LEVEL_Y,
    SPANS,
    draw_band,
    draw_bones,
    region_extent,
)
from tracker.charts.spine_key import draw_key
from tracker.charts.spine_marks import draw_mark, mark_words
from tracker.charts.spine_palette import SPINE_LIGHT, SpinePalette
from tracker.domain import vocab
from tracker.domain.spine_levels import LEVELS
from tracker.domain.spine_map import SpineMapData
from tracker.domain.wording import short_day

SPINE_SHARE = 0.56  # of the figure's width: the spine and the marks' dates; the rest the key
LABEL_X, DATES_X, RIGHT_X = -1.4, 1.45, 5.2


@dataclass
class DrawnSpine:
    """What was drawn: the figure, the spine's axes and each mark's artists by gid."""

    figure: Figure
    axes: Axes
    data: SpineMapData
    texts: list[str] = field(default_factory=list)

    def level_at(self, y: float) -> str | None:
        """The level drawn at ``y`` (the map's units), if any."""
        for level, (top, bottom) in SPANS.items():
            if top <= y <= bottom:
                return level
        return None


def build_spine_figure(
    data: SpineMapData,
    *,
    width_in: float = 6.0,
    height_in: float = 8.0,
    dpi: float = 100,
    palette: SpinePalette = SPINE_LIGHT,
    font_size: float | None = None,
) -> Figure:
    """A new figure of the map (for a PNG or SVG file, or the printed summary)."""
    figure = Figure(figsize=(width_in, height_in), dpi=dpi)
    draw_spine(figure, data, palette=palette, font_size=font_size)
    return figure


def draw_spine(
    figure: Figure,
    data: SpineMapData,
    *,
    palette: SpinePalette = SPINE_LIGHT,
    font_size: float | None = None,
) -> DrawnSpine:
    """Draw the map into ``figure``, replacing what it showed."""
    figure.clear()
    figure.set_facecolor(palette.background)
    size = font_size or max(7.0, min(11.0, figure.get_figheight() * 1.2))
    title_in = 2.6 * size / 72
    top = 1.0 - title_in / figure.get_figheight()
    axes = figure.add_axes((0.0, 0.01, SPINE_SHARE, top - 0.02))
    axes.set_axis_off()
    axes.set_xlim(-2.0, RIGHT_X)
    axes.set_ylim(BOTTOM + 0.3, -0.3)
    drawn = DrawnSpine(figure, axes, data)
    figure.text(
        0.02,
        0.995,
        "Spine map",
        ha="left",
        va="top",
        fontsize=size + 1,
        fontweight="bold",
        color=palette.ink,
        **LITERAL,
    )
    figure.text(
        0.02,
        0.995 - (size + 3) / 72 / figure.get_figheight(),
        f"{short_day(data.start)} to {short_day(data.end)}",
        ha="left",
        va="top",
        fontsize=size - 1,
        color=palette.ink,
        **LITERAL,
    )
    _draw_regions(axes, data, palette, size)
    draw_bones(axes, palette, swap=False)
    _draw_labels(axes, palette, size)
    _draw_marks(drawn, palette, size)
    key = figure.add_axes((SPINE_SHARE + 0.01, 0.01, 0.98 - SPINE_SHARE, top - 0.02))
    key.set_axis_off()
    draw_key(figure, key, data, palette, size - 1)
    drawn.texts = [text.get_text() for text in figure.findobj(Text)]
    return drawn


def _draw_labels(axes: Axes, p: SpinePalette, size: float) -> None:
    for level in LEVELS:
        axes.text(
            LABEL_X,
            LEVEL_Y[level],
            level,
            ha="right",
            va="center",
            fontsize=size - 2 if level[0] in "CT" and level != "Co" else size - 1,
            color=p.ink,
            **LITERAL,
        )


def _draw_regions(axes: Axes, data: SpineMapData, p: SpinePalette, size: float) -> None:
    """Each region's band, its share in words along its side."""
    for region in vocab.REGIONS:
        if not draw_band(axes, data, region, p, swap=False):
            continue
        top, bottom = region_extent(region)
        axes.text(
            1.12,
            (top + bottom) / 2,
            f"{vocab.REGION_WORDS[region]} {data.share(region):.0%}",
            rotation=90,
            ha="center",
            va="center",
            fontsize=size - 2.5,
            color=p.ink,
            **LITERAL,
        )


def _draw_marks(drawn: DrawnSpine, p: SpinePalette, size: float) -> None:
    axes = drawn.axes
    # The dates' words, kept apart: one line of text is this many of the map's units.
    height_pt = axes.get_position().height * drawn.figure.get_figheight() * 72
    line = (size - 1) * 1.25 * (BOTTOM + 0.6) / height_pt
    next_free = -0.3
    for mark in sorted(drawn.data.marks, key=lambda m: LEVEL_Y[m.levels[0]]):
        middle = draw_mark(axes, mark, p, size, swap=False)
        y = max(middle, next_free + line)
        next_free = y
        axes.plot([1.27, DATES_X - 0.06], [middle, y], color=p.muted, linewidth=0.6, zorder=2)
        axes.text(
            DATES_X,
            y,
            mark_words(mark),
            ha="left",
            va="center",
            fontsize=size - 1,
            color=p.ink,
            **LITERAL,
        )


def save_spine_chart(
    data: SpineMapData, out: Path, *, width_px: int = 600, height_px: int = 800, dpi: int = 100
) -> None:
    """Write the map to a ``.png`` or ``.svg`` file of ``width_px`` by ``height_px``; an SVG
    keeps its words as text. Raises ``OSError`` when the file cannot be written and
    ``ValueError`` for another suffix."""
    chart_format(out)
    figure = build_spine_figure(data, width_in=width_px / dpi, height_in=height_px / dpi, dpi=dpi)
    write_figure(figure, out, dpi=dpi, svg_text=True)
