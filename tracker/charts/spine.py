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

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Polygon, Rectangle
from matplotlib.text import Text

from tracker.charts.palette import LITERAL
from tracker.charts.saving import chart_format, write_figure
from tracker.charts.spine_key import draw_key
from tracker.charts.spine_palette import SPINE_LIGHT, SpinePalette
from tracker.domain import vocab
from tracker.domain.spine_levels import LEVELS, REGION_OF_LEVEL
from tracker.domain.spine_map import SpineMapData
from tracker.domain.wording import short_day

GAP = 0.18  # between two vertebrae, in the map's units
# Each level's height and width (the sacrum and coccyx: their top and bottom widths).
_SHAPES = {"C": (0.7, 0.9), "T": (0.85, 1.1), "L": (1.1, 1.5), "S": (2.6, 1.5), "Co": (0.9, 0.45)}
SPINE_SHARE = 0.56  # of the figure's width: the spine and the marks' dates; the rest the key
MARK_X = {"radiotherapy": 0.0, "cement": 0.0, "surgery": -0.72, "other": 0.42}
LABEL_X, DATES_X, RIGHT_X = -1.4, 1.45, 5.2


def _shape(level: str) -> tuple[float, float]:
    return _SHAPES[level if level in ("S", "Co") else level[0]]


def _tops() -> dict[str, tuple[float, float]]:
    """Each level's top and bottom in the map's units (downwards from C1's top)."""
    spans: dict[str, tuple[float, float]] = {}
    y = 0.0
    for level in LEVELS:
        height = _shape(level)[0]
        spans[level] = (y, y + height)
        y += height + GAP
    return spans


SPANS = _tops()
LEVEL_Y = {level: (top + bottom) / 2 for level, (top, bottom) in SPANS.items()}
BOTTOM = SPANS["Co"][1]


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
    _draw_bones(axes, palette, size)
    _draw_marks(drawn, palette, size)
    key = figure.add_axes((SPINE_SHARE + 0.01, 0.01, 0.98 - SPINE_SHARE, top - 0.02))
    key.set_axis_off()
    draw_key(figure, key, data, palette, size - 1)
    drawn.texts = [text.get_text() for text in figure.findobj(Text)]
    return drawn


def _draw_bones(axes: Axes, p: SpinePalette, size: float) -> None:
    for level in LEVELS:
        top, bottom = SPANS[level]
        height, width = _shape(level)
        if level in ("S", "Co"):  # the sacrum and coccyx narrow downwards
            narrow = width / 3
            corners = [
                (-width / 2, top),
                (width / 2, top),
                (narrow / 2, bottom),
                (-narrow / 2, bottom),
            ]
            shape: FancyBboxPatch | Polygon = Polygon(corners, closed=True)
        else:
            shape = FancyBboxPatch(
                (-width / 2, top), width, height, boxstyle="round,pad=0,rounding_size=0.12"
            )
        shape.set(facecolor=p.bone, edgecolor=p.bone_edge, linewidth=0.9, zorder=2)
        shape.set_gid(f"vertebra {level}")
        axes.add_patch(shape)
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
    """Each region a band behind its vertebrae, as strong as its share of entries with pain
    there (none: no band), its share in words along its side."""
    for region in vocab.REGIONS:
        levels = [level for level in LEVELS if REGION_OF_LEVEL[level] == region]
        top, bottom = SPANS[levels[0]][0] - GAP / 2, SPANS[levels[-1]][1] + GAP / 2
        share = data.share(region)
        if share is None:
            continue
        band = Rectangle(
            (-1.25, top),
            2.5,
            bottom - top,
            facecolor=p.region,
            alpha=0.08 + 0.5 * share if share else 0.0,
            edgecolor="none",
            zorder=1,
        )
        band.set_gid(f"region {region} {share:.3f}")
        axes.add_patch(band)
        axes.text(
            1.12,
            (top + bottom) / 2,
            f"{vocab.REGION_WORDS[region]} {share:.0%}",
            rotation=90,
            ha="center",
            va="center",
            fontsize=size - 2.5,
            color=p.ink,
            **LITERAL,
        )


def _draw_marks(drawn: DrawnSpine, p: SpinePalette, size: float) -> None:
    axes = drawn.axes
    colour = {"radiotherapy": p.radiotherapy, "cement": p.cement, "surgery": p.surgery}
    # The dates' words, kept apart: one line of text is this many of the map's units.
    height_pt = axes.get_position().height * drawn.figure.get_figheight() * 72
    line = (size - 1) * 1.25 * (BOTTOM + 0.6) / height_pt
    next_free = -0.3
    for mark in sorted(drawn.data.marks, key=lambda m: LEVEL_Y[m.levels[0]]):
        first, last = mark.levels[0], mark.levels[-1]
        ink = colour.get(mark.mark, p.other)
        gid = f"{mark.mark} {first}-{last} {mark.started_on}"
        ys = [LEVEL_Y[level] for level in mark.levels]
        if mark.mark == "radiotherapy":  # the field: its levels covered, hatched
            top, bottom = SPANS[first][0] - 0.08, SPANS[last][1] + 0.08
            field_patch = Rectangle(
                (-0.95, top), 1.9, bottom - top, facecolor="none", edgecolor=ink, zorder=3
            )
            field_patch.set(hatch="////", linewidth=1.6, linestyle="--", gid=gid)
            axes.add_patch(field_patch)
        elif mark.mark == "cement":  # a filled body of cement in each vertebra
            axes.plot(
                [0.0] * len(ys),
                ys,
                linestyle="none",
                marker="o",
                markersize=size * 1.1,
                color=ink,
                markeredgecolor=p.background,
                zorder=4,
                gid=gid,
            )
        elif mark.mark == "surgery":  # a rod along the levels, a screw at each
            axes.plot(
                [MARK_X["surgery"]] * len(ys),
                ys,
                color=ink,
                linewidth=2.6,
                marker="s",
                markersize=size * 0.55,
                zorder=4,
                gid=gid,
            )
        else:
            axes.plot(
                [MARK_X["other"]] * len(ys),
                ys,
                linestyle="none",
                marker="D",
                markersize=size * 0.6,
                markerfacecolor=p.background,
                color=ink,
                zorder=4,
                gid=gid,
            )
        middle = sum(ys) / len(ys)
        y = max(middle, next_free + line)
        next_free = y
        axes.plot([0.98, DATES_X - 0.08], [middle, y], color=p.muted, linewidth=0.6, zorder=2)
        axes.text(
            DATES_X,
            y,
            f"{mark.site}: {vocab.TREATMENT_WORDS[mark.kind]}, {short_day(mark.started_on)}",
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


def mark_spans(figure: Figure) -> dict[str, tuple[str, ...]]:
    """Each treatment mark drawn (by its gid, "cement L2-L2 2026-06-29") and the levels its
    artists cover, read back from where they were drawn: what a reader of the picture sees."""
    spans: dict[str, tuple[str, ...]] = {}
    for axes in figure.axes:
        for artist in [*axes.patches, *axes.lines]:
            gid = artist.get_gid()
            if not gid or gid.split()[0] not in MARK_X:
                continue
            if isinstance(artist, Rectangle):
                top, bottom = artist.get_y(), artist.get_y() + artist.get_height()
                covered = [level for level, y in LEVEL_Y.items() if top <= y <= bottom]
            elif isinstance(artist, Line2D):
                ys = [float(y) for y in np.asarray(artist.get_ydata(), dtype=float)]
                covered = [
                    level for level, y in LEVEL_Y.items() if any(abs(y - v) < 1e-6 for v in ys)
                ]
            else:
                continue
            spans[gid] = tuple(covered)
    return spans
