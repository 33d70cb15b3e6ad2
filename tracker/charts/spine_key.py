"""The spine map's key, beside the spine: what each mark means, what the shading means, and the
sites that could not be placed on the map, in words (wrapped to the key's width)."""

from __future__ import annotations

import textwrap

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from tracker.charts.palette import LITERAL
from tracker.charts.spine_palette import SpinePalette
from tracker.domain.spine_map import MARK_WORDS, SpineMapData

BRIEF_WORDS = {
    "radiotherapy": "Radiotherapy",
    "cement": "Cement",
    "surgery": "Surgery",
    "other": "Other",
}
SYMBOL_PT = 16.0
LINE_SYMBOL_PT = 14.0  # the key in one line (the summary's strip): a symbol's room, in points


class _Lines:
    """Lines written down the key's axes, whose units are points from its top left corner."""

    def __init__(self, figure: Figure, axes: Axes, palette: SpinePalette, size: float) -> None:
        box = axes.get_position()
        self.width = box.width * figure.get_figwidth() * 72
        self.height = box.height * figure.get_figheight() * 72
        axes.set_xlim(0, self.width)
        axes.set_ylim(self.height, 0)
        self.axes, self.p, self.size = axes, palette, size
        self.y = size * 0.2
        self.step = size * 1.3
        # Characters a line: about half a point's width each, a little less for safety.
        self.chars = max(12, int((self.width - SYMBOL_PT) / (size * 0.6)))

    def write(self, text: str, *, bold: bool = False, indent: float = SYMBOL_PT) -> float:
        """Write ``text`` wrapped; return the middle of its first line."""
        first = self.y + self.step / 2
        for line in textwrap.wrap(text, self.chars) or [""]:
            self.axes.text(
                indent,
                self.y + self.step / 2,
                line,
                ha="left",
                va="center",
                fontsize=self.size,
                fontweight="bold" if bold else "normal",
                color=self.p.ink,
                clip_on=True,
                **LITERAL,
            )
            self.y += self.step
        return first

    def gap(self) -> None:
        self.y += self.step * 0.5


def _symbol(
    axes: Axes, mark: str, x: float, y: float, p: SpinePalette, size: float, width: float = 10
) -> None:
    """A mark's symbol (or the shading's, ``"shading"``) centred on ``x, y`` (points)."""
    height = size * 0.9
    corner = (x - width / 2, y - height / 2)
    if mark == "radiotherapy":
        symbol = Rectangle(corner, width, height, facecolor="none", edgecolor=p.radiotherapy)
        symbol.set(hatch="////", linestyle="--")
        axes.add_patch(symbol)
    elif mark == "shading":
        shade = Rectangle(corner, width, height, facecolor=p.region, edgecolor="none")
        shade.set_alpha(0.5)
        axes.add_patch(shade)
    elif mark == "cement":
        axes.plot([x], [y], marker="o", markersize=size * 0.7, color=p.cement)
    elif mark == "surgery":
        ends = [y - size * 0.35, y + size * 0.35]
        line = axes.plot([x, x], ends, color=p.surgery, marker="s")[0]
        line.set(linewidth=size * 0.3, markersize=size * 0.35)
    else:
        line = axes.plot([x], [y], marker="D", color=p.other)[0]
        line.set(markerfacecolor=p.background, markersize=size * 0.6)


def _shown(data: SpineMapData) -> list[str]:
    marks = {mark.mark for mark in data.marks} | {"radiotherapy", "cement", "surgery"}
    return [mark for mark in MARK_WORDS if mark in marks]


def draw_key(figure: Figure, axes: Axes, data: SpineMapData, p: SpinePalette, size: float) -> None:
    """The key, from the axes' top: each mark, the shading, and the sites not placed."""
    lines = _Lines(figure, axes, p, size)
    lines.write("Key", bold=True, indent=0)
    for mark in _shown(data):
        _symbol(axes, mark, SYMBOL_PT / 2 - 2, lines.write(MARK_WORDS[mark]), p, size)
    if data.entries:
        y = lines.write(
            f"Shading: the share of the {data.entries} entries in these days that "
            "recorded pain in that part of the back"
        )
        _symbol(axes, "shading", SYMBOL_PT / 2 - 2, y, p, size)
    else:
        lines.write("No entries in these days: no pain shading.")
    if data.unplaced:
        lines.gap()
        lines.write("Not placed on the map", bold=True, indent=0)
        for site in data.unplaced:
            lines.write(site.words, indent=0)


def draw_key_line(
    figure: Figure, axes: Axes, data: SpineMapData, p: SpinePalette, size: float
) -> None:
    """The key in one line across the axes (the summary's strip), in brief words."""
    lines = _Lines(figure, axes, p, size)
    y = lines.height / 2
    x = 0.0
    entries = [*_shown(data), *(["shading"] if data.entries else [])]
    for mark in entries:
        words = "Pain" if mark == "shading" else BRIEF_WORDS[mark]
        _symbol(axes, mark, x + LINE_SYMBOL_PT / 2 - 1, y, p, size, LINE_SYMBOL_PT - 5)
        axes.text(x + LINE_SYMBOL_PT, y, words, ha="left", va="center", fontsize=size,
                  color=p.ink, **LITERAL)  # fmt: skip
        x += LINE_SYMBOL_PT + len(words) * size * 0.6 + size * 0.8
