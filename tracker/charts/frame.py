"""The trend figure's frame: its axes, kept between drawings (made and dressed once, emptied
for each redraw), the title, the flare note and the legend made for the figure's width. Where
the panels go is the frame's own layout's (``frame_layout``)."""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.ticker import NullFormatter

from tracker.charts.palette import Palette


def legend_columns(width_in: float, text_size: float, entries: int) -> int:
    """The legend's columns: as many as a figure this wide holds at this text size (points),
    two at least, no more than there are entries."""
    return max(2, min(entries, int(width_in * 10.0 / text_size / 2.7)))


class Frame:
    """The chart's axes in one figure (pain with the doses' twin, nerve signs, the lanes), the
    title, the flare note and the legend (where they go: ``frame_layout``). Made once per
    figure: a redraw removes what the axes show and draws it again, which keeps their ticks
    (making the axes and their ticks again costs more than drawing ten years of points)."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        # Not shared: each panel is given the same limits and ticks, and only the lanes' dates
        # are formatted (shared axes format them once for each panel, on every draw).
        self.pain = figure.add_axes((0.1, 0.5, 0.8, 0.4))
        self.nerves = figure.add_axes((0.1, 0.3, 0.8, 0.15))
        self.lanes = figure.add_axes((0.1, 0.1, 0.8, 0.15))
        self.doses = self.pain.twinx()
        self.axes = [self.pain, self.nerves, self.lanes, self.doses]
        self.rows = [[self.pain, self.doses], [self.nerves], [self.lanes]]
        self.title: Text | None = None
        self.note: Text | None = None
        self.legend: Legend | None = None
        self.lane_ratio = 0.65
        self.labelsize = 0.0
        self.legend_columns = 0
        # the legend made again for another number of columns (its entries, text and size
        # as the drawing gave them), and what its columns are reckoned from
        self._make_legend: Callable[[int], Legend] | None = None
        self._legend_reckoning = (0.0, 0)  # the chart's text size, the number of entries
        self.palette: Palette | None = None  # the colours it is dressed in (charts.colours)
        dress(self.pain, self.nerves, self.lanes, self.doses)

    def holds(self, figure: Figure) -> bool:
        """Whether the figure still holds exactly these axes (nothing cleared it since)."""
        return self.figure is figure and figure.axes == self.axes

    def clear(self) -> None:
        """Remove what the axes show, the note and the legend; keep the axes and the title."""
        for axes in self.axes:
            shown = [*axes.lines, *axes.patches, *axes.collections, *axes.texts, *axes.artists]
            for artist in shown:
                artist.remove()
        for legend in list(self.figure.legends):
            legend.remove()
        self.legend = None
        if self.note is not None:
            self.note.remove()
            self.note = None

    def set_legend(self, make: Callable[[int], Legend], text_size: float, entries: int) -> None:
        """The legend, made by ``make`` with as many columns as the figure's width holds."""
        self._make_legend, self._legend_reckoning = make, (text_size, entries)
        self.legend_columns = legend_columns(self.figure.get_figwidth(), text_size, entries)
        self.legend = make(self.legend_columns)

    def fit_legend(self) -> None:
        """The legend made again when the figure's width now holds another number of columns.
        Called before a resized canvas draws (``charts.fit_legend``), not from the layout: a
        draw has listed what it draws by then, so a legend made there would show only on the
        next one."""
        if self.legend is None or self._make_legend is None:
            return
        columns = legend_columns(self.figure.get_figwidth(), *self._legend_reckoning)
        if columns != self.legend_columns:
            self.legend.remove()  # its columns are fixed when it is made
            self.legend_columns = columns
            self.legend = self._make_legend(columns)


def dress(pain: Axes, nerves: Axes, lanes: Axes, doses: Axes) -> None:
    """The panels' grid lines, spines and ticks (the date labels written under the lanes only)."""
    # The twin axes is drawn over its host; the doses belong behind the pain lines.
    pain.set_zorder(doses.get_zorder() + 1)
    pain.patch.set_visible(False)
    doses.spines["top"].set_visible(False)
    for axes in (pain, nerves, lanes):
        axes.grid(axis="x", color="#C0C0C0", linewidth=0.6, linestyle=":")
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
    for axes in (pain, nerves):
        axes.tick_params(axis="x", labelbottom=False)
        axes.xaxis.set_major_formatter(NullFormatter())
        axes.grid(axis="y", color="#C0C0C0", linewidth=0.6, linestyle=":")
    lanes.tick_params(axis="y", length=0)
    lanes.spines["left"].set_visible(False)
