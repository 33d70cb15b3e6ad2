"""Where the spine map puts each vertebra, in the map's own units along the spine (C1's top is
0, the coccyx's tip ``BOTTOM``) and across it (the spine's middle is 0); and the vertebrae and the
pain regions' bands drawn either way the spine runs (``swap``: across, left to right)."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.patches import FancyBboxPatch, Polygon, Rectangle

from tracker.charts.spine_palette import SpinePalette
from tracker.domain.spine_levels import LEVELS, REGION_OF_LEVEL
from tracker.domain.spine_map import SpineMapData

GAP = 0.18  # between two vertebrae
# Each level's length along the spine and width across it (sacrum, coccyx: at their top).
_SHAPES = {"C": (0.7, 0.9), "T": (0.85, 1.1), "L": (1.1, 1.5), "S": (2.6, 1.5), "Co": (0.9, 0.45)}
BAND_HALF = 1.25  # a region's band, either side of the middle


def shape(level: str) -> tuple[float, float]:
    return _SHAPES[level if level in ("S", "Co") else level[0]]


def _spans() -> dict[str, tuple[float, float]]:
    spans: dict[str, tuple[float, float]] = {}
    at = 0.0
    for level in LEVELS:
        length = shape(level)[0]
        spans[level] = (at, at + length)
        at += length + GAP
    return spans


SPANS = _spans()  # each level's start and end along the spine
LEVEL_Y = {level: (top + bottom) / 2 for level, (top, bottom) in SPANS.items()}
BOTTOM = SPANS["Co"][1]


def region_extent(region: str) -> tuple[float, float]:
    """A region's start and end along the spine (half a gap beyond its end vertebrae)."""
    levels = [level for level in LEVELS if REGION_OF_LEVEL[level] == region]
    return SPANS[levels[0]][0] - GAP / 2, SPANS[levels[-1]][1] + GAP / 2


def draw_bones(axes: Axes, p: SpinePalette, *, swap: bool) -> None:
    """Every vertebra, the sacrum and the coccyx narrowing away from the head."""
    for level in LEVELS:
        start, end = SPANS[level]
        length, width = shape(level)
        if level in ("S", "Co"):
            narrow = width / 3
            corners = [
                (-width / 2, start),
                (width / 2, start),
                (narrow / 2, end),
                (-narrow / 2, end),
            ]
            if swap:
                corners = [(y, x) for x, y in corners]
            bone: FancyBboxPatch | Polygon = Polygon(corners, closed=True)
        else:
            corner = (start, -width / 2) if swap else (-width / 2, start)
            size = (length, width) if swap else (width, length)
            rounding = min(0.12, min(size) / 3)
            bone = FancyBboxPatch(corner, *size, boxstyle=f"round,pad=0,rounding_size={rounding}")
        bone.set(facecolor=p.bone, edgecolor=p.bone_edge, linewidth=0.9, zorder=2)
        bone.set_gid(f"vertebra {level}")
        axes.add_patch(bone)


def draw_band(axes: Axes, data: SpineMapData, region: str, p: SpinePalette, *, swap: bool) -> bool:
    """A region's band behind its vertebrae, as strong as its share of entries with pain there
    (nothing when the period has no entries; return whether it was drawn)."""
    share = data.share(region)
    if share is None:
        return False
    start, end = region_extent(region)
    corner = (start, -BAND_HALF) if swap else (-BAND_HALF, start)
    size = (end - start, 2 * BAND_HALF) if swap else (2 * BAND_HALF, end - start)
    band = Rectangle(corner, *size, facecolor=p.region, edgecolor="none", zorder=1)
    band.set(alpha=0.08 + 0.5 * share if share else 0.0, gid=f"region {region} {share:.3f}")
    axes.add_patch(band)
    return True
