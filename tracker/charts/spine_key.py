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

SYMBOL_PT = 16.0  # the symbols' column, in points


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


def draw_key(
    figure: Figure,
    axes: Axes,
    data: SpineMapData,
    p: SpinePalette,
    size: float,
    *,
    brief: bool = False,
) -> None:
    """The key, from the axes' top. ``brief`` (the summary's strip): no heading, shorter words,
    and the sites not placed left to the words printed under the strip."""
    lines = _Lines(figure, axes, p, size)
    if not brief:
        lines.write("Key", bold=True, indent=0)
    half = SYMBOL_PT / 2
    shown = {mark.mark for mark in data.marks} | {"radiotherapy", "cement", "surgery"}
    for mark, words in MARK_WORDS.items():
        if mark not in shown:
            continue
        y = lines.write(words)
        if mark == "radiotherapy":
            axes.add_patch(
                Rectangle(
                    (2, y - size * 0.45),
                    SYMBOL_PT - 6,
                    size * 0.9,
                    facecolor="none",
                    edgecolor=p.radiotherapy,
                    hatch="////",
                    linestyle="--",
                )
            )
        elif mark == "cement":
            axes.plot([half - 2], [y], marker="o", markersize=size * 0.8, color=p.cement)
        elif mark == "surgery":
            ends = [y - size * 0.35, y + size * 0.35]
            axes.plot(
                [half - 2] * 2, ends, color=p.surgery, linewidth=2.6, marker="s", markersize=4
            )
        else:
            axes.plot(
                [half - 2], [y], marker="D", color=p.other, markerfacecolor=p.background,
                markersize=size * 0.6,
            )  # fmt: skip
    if data.entries:
        y = lines.write(
            f"Shading: share of the {data.entries} entries with pain there"
            if brief
            else f"Shading: the share of the {data.entries} entries in these days that "
            "recorded pain in that part of the back"
        )
        shade = Rectangle((2, y - size * 0.45), SYMBOL_PT - 6, size * 0.9, edgecolor="none")
        shade.set(facecolor=p.region, alpha=0.5)
        axes.add_patch(shade)
    else:
        lines.write("No entries in these days: no pain shading.")
    if data.unplaced and not brief:
        lines.gap()
        lines.write("Not placed on the map", bold=True, indent=0)
        for site in data.unplaced:
            lines.write(site.words, indent=0)
