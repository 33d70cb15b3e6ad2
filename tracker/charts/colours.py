"""The colours of what the chart's frame keeps between drawings: the figure's and the panels'
backgrounds, the spines, the ticks and their labels, the grid lines.

Set on the artists themselves, never through matplotlib's global ``rcParams``: the window's
chart follows the light or dark scheme while files and the printed summary stay light.
"""

from __future__ import annotations

from tracker.charts.frame import Frame
from tracker.charts.palette import Palette


def paint(frame: Frame, palette: Palette) -> None:
    """Dress the frame in ``palette``'s colours (nothing to do when it already wears them).
    The texts drawn anew each time (title, axis labels, legend, notes) take their colour
    where they are made."""
    if frame.palette == palette:
        return
    frame.palette = palette
    frame.figure.set_facecolor(palette.background)
    for axes in frame.axes:
        axes.set_facecolor(palette.face)  # the pain panel's stays hidden over the doses'
        for spine in axes.spines.values():
            spine.set_edgecolor(palette.ink)
        # Also the date axis's year or month written under the dates (its offset text).
        axes.tick_params(which="both", colors=palette.ink, grid_color=palette.grid)
