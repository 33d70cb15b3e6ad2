"""The spine map's treatment marks, drawn along the spine whichever way it runs (down the page,
or across it in the summary's strip), and read back from a figure by the levels they cover."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from tracker.charts.spine_geometry import LEVEL_Y, SPANS
from tracker.charts.spine_palette import SpinePalette
from tracker.domain import vocab
from tracker.domain.spine_map import SpineMark
from tracker.domain.wording import short_day

ACROSS = {"radiotherapy": 0.0, "cement": 0.0, "surgery": -0.72, "other": 0.42}
STRIP_LABEL = "spine strip"  # the label of an axes whose spine runs across


def mark_words(mark: SpineMark) -> str:
    return f"{mark.site}: {vocab.TREATMENT_WORDS[mark.kind]}, {short_day(mark.started_on)}"


def draw_mark(axes: Axes, mark: SpineMark, p: SpinePalette, size: float, *, swap: bool) -> float:
    """Draw one mark (``swap``: the spine runs across, left to right); return the middle of its
    levels along the spine."""
    first, last = mark.levels[0], mark.levels[-1]
    ink = {"radiotherapy": p.radiotherapy, "cement": p.cement, "surgery": p.surgery}.get(
        mark.mark, p.other
    )
    gid = f"{mark.mark} {first}-{last} {mark.started_on}"
    along = [LEVEL_Y[level] for level in mark.levels]

    def xy(across: list[float], at: list[float]) -> tuple[list[float], list[float]]:
        return (at, across) if swap else (across, at)

    if mark.mark == "radiotherapy":  # the field: its levels covered, hatched
        top, bottom = SPANS[first][0] - 0.08, SPANS[last][1] + 0.08
        corner = (top, -0.95) if swap else (-0.95, top)
        width, height = (bottom - top, 1.9) if swap else (1.9, bottom - top)
        field = Rectangle(corner, width, height, facecolor="none", edgecolor=ink, zorder=3)
        field.set(hatch="////", linewidth=1.6 if size > 7 else 1.0, linestyle="--", gid=gid)
        axes.add_patch(field)
    else:
        style = {
            "cement": {"linestyle": "none", "marker": "o", "markersize": size * 1.1},
            "surgery": {"linewidth": size / 4, "marker": "s", "markersize": size * 0.55},
        }.get(mark.mark, {"linestyle": "none", "marker": "D", "markersize": size * 0.6})
        across = ACROSS.get(mark.mark, ACROSS["other"])
        line = Line2D(*xy([across] * len(along), along), color=ink, zorder=4, gid=gid)
        line.set(**style)
        if mark.mark == "cement":
            line.set_markeredgecolor(p.background)
        elif mark.mark not in ACROSS or mark.mark == "other":
            line.set_markerfacecolor(p.background)
        axes.add_line(line)
    return sum(along) / len(along)


def mark_spans(figure: Figure) -> dict[str, tuple[str, ...]]:
    """Each treatment mark drawn (by its gid, "cement L2-L2 2026-06-29") and the levels its
    artists cover, read back from where they were drawn: what a reader of the picture sees."""
    spans: dict[str, tuple[str, ...]] = {}
    for axes in figure.axes:
        across = axes.get_label() == STRIP_LABEL
        for artist in [*axes.patches, *axes.lines]:
            gid = artist.get_gid()
            if not gid or gid.split()[0] not in ACROSS:
                continue
            if isinstance(artist, Rectangle):
                low = artist.get_x() if across else artist.get_y()
                high = low + (artist.get_width() if across else artist.get_height())
                covered = [level for level, y in LEVEL_Y.items() if low <= y <= high]
            elif isinstance(artist, Line2D):
                data = artist.get_xdata() if across else artist.get_ydata()
                at = [float(v) for v in np.asarray(data, dtype=float)]
                covered = [
                    level for level, y in LEVEL_Y.items() if any(abs(y - v) < 1e-6 for v in at)
                ]
            else:
                continue
            spans[gid] = tuple(covered)
    return spans
