"""The trend chart: symptoms, painkiller doses, treatments and red flags on one time axis.

matplotlib ``Figure`` only (never pyplot, which keeps global state and picks a GUI backend).
The same drawing serves the window (``draw_trends`` into the Qt canvas's figure) and files or the
printed summary (``build_trend_figure``). Every series differs from the others by line style or
marker as well as by colour, and ``for_print`` draws in black and greys only.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from tracker.domain import vocab
from tracker.domain.model import Treatment
from tracker.domain.trends import (
    TrendData,
    TrendPoint,
    is_procedure,
    shown_until,
    treatment_label,
)

DEFAULT_WIDTH_PX, DEFAULT_HEIGHT_PX, DEFAULT_DPI = 1200, 600, 100
NERVE_DODGE = 0.07  # the three 0-3 lines are nudged apart so that equal levels stay visible
FLARE_WORDS_MAX_DAYS = 200  # longer ranges mark a flare by its star alone
MAX_MARKERS = 45  # markers on a long line are thinned to about this many
TIER_MARKERS = {"emergency": ("X", 11), "urgent": ("^", 10), "watch": ("p", 10)}
# The words under the date axis naming the year or month the tick labels leave out.
OFFSET_FORMATS = ["", "%Y", "%B %Y", "%d %B %Y", "%d %B %Y", "%d %B %Y %H:%M"]
# Each course kind keeps its row order, fill and hatch in every range (a hatch tells them apart
# in greyscale; radiotherapy shows its session ticks instead).
LANE_ORDER = (
    "radiotherapy",
    "steroids",
    "chemotherapy",
    "targeted_therapy",
    "immunotherapy",
    "hormone_therapy",
    "physiotherapy",
    "other",
)
LANE_HATCHES = dict(zip(LANE_ORDER, ("", "\\\\", "xx", "++", "oo", "..", "//", "--"), strict=True))


@dataclass(frozen=True)
class Palette:
    pain: str
    mean: str
    worst: str
    doses: str
    weakness: str
    numbness: str
    walking: str
    shade: str
    ink: str
    lanes: tuple[str, ...]  # one fill a LANE_ORDER kind


# Okabe-Ito colours (safe for colour-blind readers), chosen to differ in lightness too.
SCREEN = Palette(
    pain="#0072B2",
    mean="#000000",
    worst="#D55E00",
    doses="#BBBBBB",
    weakness="#009E73",
    numbness="#CC79A7",
    walking="#8C5A00",
    shade="#E3E3E3",
    ink="#000000",
    lanes=("#D8D8D8", "#A6CEE3", "#B2DF8A", "#FFFF99", "#FB9A99", "#FDBF6F", "#CAB2D6", "#E0E0E0"),
)
PRINT = Palette(
    pain="#555555",
    mean="#000000",
    worst="#333333",
    doses="#CCCCCC",
    weakness="#000000",
    numbness="#444444",
    walking="#222222",
    shade="#E6E6E6",
    ink="#000000",
    lanes=("#DDDDDD", "#C8C8C8", "#EEEEEE", "#D4D4D4", "#FFFFFF", "#BBBBBB", "#E8E8E8", "#F4F4F4"),
)


@dataclass
class DrawnChart:
    """What was drawn, for pointing at a point: the pain axes and its points in data units."""

    figure: Figure
    pain_axes: Axes | None
    points: tuple[TrendPoint, ...] = ()
    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)

    def point_near(self, x_px: float, y_px: float, radius_px: float = 12.0) -> TrendPoint | None:
        """The pain point nearest to a display position (pixels from the figure's lower left
        corner), if one is within ``radius_px``."""
        if self.pain_axes is None or not self.points:
            return None
        shown = self.pain_axes.transData.transform(list(zip(self.xs, self.ys, strict=True)))
        best, best_distance = None, radius_px**2
        for index, (px, py) in enumerate(shown):
            distance = (px - x_px) ** 2 + (py - y_px) ** 2
            if distance <= best_distance:
                best, best_distance = index, distance
        return None if best is None else self.points[best]

    def display_position(self, point: TrendPoint) -> tuple[float, float]:
        """Where a point is drawn, in pixels from the figure's lower left corner."""
        assert self.pain_axes is not None
        index = self.points.index(point)
        x, y = self.pain_axes.transData.transform((self.xs[index], self.ys[index]))
        return float(x), float(y)


def build_trend_figure(
    data: TrendData,
    *,
    width_in: float = DEFAULT_WIDTH_PX / DEFAULT_DPI,
    height_in: float = DEFAULT_HEIGHT_PX / DEFAULT_DPI,
    dpi: float = DEFAULT_DPI,
    for_print: bool = False,
    font_size: float | None = None,
) -> Figure:
    """A new figure of the chart (for a PNG or SVG file, or the printed summary).
    ``for_print``: black and greys only. ``font_size`` in points (default: from the width)."""
    figure = Figure(figsize=(width_in, height_in), dpi=dpi, layout="constrained")
    draw_trends(figure, data, for_print=for_print, font_size=font_size)
    return figure


def draw_trends(
    figure: Figure, data: TrendData, *, for_print: bool = False, font_size: float | None = None
) -> DrawnChart:
    """Clear ``figure`` and draw the chart into it (the window redraws its canvas this way)."""
    figure.clear()
    figure.set_layout_engine("constrained")
    palette = PRINT if for_print else SCREEN
    return _Drawing(figure, data, palette, font_size).draw()


def _num(value: datetime) -> float:
    """matplotlib's date number of a naive datetime (days since its epoch). The same sum as
    ``mdates.date2num``, which costs about 20 µs a call through numpy: 0.4 s for ten years."""
    epoch = datetime.fromisoformat(mdates.get_epoch())
    return (value - epoch) / timedelta(days=1)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time())


def _span(first: date, last: date) -> tuple[float, float]:
    """A run of whole days in matplotlib's date numbers: from ``first`` 00:00 to the end of
    ``last``."""
    return (
        _num(_day_start(first)),
        _num(_day_start(last + timedelta(days=1))),
    )


def _day_words(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _noon(day: date) -> float:
    return _num(_day_start(day) + timedelta(hours=12))


def _lane_kind(treatment: Treatment) -> str:
    return treatment.kind if treatment.kind in LANE_ORDER else "other"


class _Drawing:
    def __init__(
        self, figure: Figure, data: TrendData, palette: Palette, font_size: float | None
    ) -> None:
        self.figure = figure
        self.data = data
        self.p = palette
        self.size = font_size or max(8.0, min(12.0, figure.get_figwidth() * 0.85))
        self.small = self.size - 1.5
        self.handles: list[Any] = []
        self.lanes = self._lanes()

    # ---- layout ----------------------------------------------------------------------------

    def draw(self) -> DrawnChart:
        data = self.data
        ratios = [5.0, 2.0, 0.45 * max(1, len(self.lanes)) + 0.2]
        if data.flares:
            ratios.append(0.55)
        grid = self.figure.add_gridspec(len(ratios), 1, height_ratios=ratios)
        pain = self.figure.add_subplot(grid[0])
        nerves = self.figure.add_subplot(grid[1], sharex=pain)
        lanes = self.figure.add_subplot(grid[2], sharex=pain)
        self._time_axis(pain, nerves, lanes)
        self._title()
        if not data.points and not data.doses:
            pain.text(
                0.5,
                0.5,
                f"Nothing recorded between {_day_words(data.start)} and {_day_words(data.end)}.",
                transform=pain.transAxes,
                ha="center",
                va="center",
                fontsize=self.size + 1,
            )
        self._treatments_on(pain, labels=True)
        self._treatments_on(nerves, labels=False)
        self._doses(pain)
        drawn = self._pain(pain)
        self._nerves(nerves)
        self._lane(lanes)
        self._flares(pain)
        if data.flares:
            self._note(self.figure.add_subplot(grid[3]))
        self._legend()
        return drawn

    def _title(self) -> None:
        data = self.data
        how = "each entry" if data.per_entry else "daily means"
        self.figure.suptitle(
            f"Pain, nerve signs and treatments, {_day_words(data.start)} to "
            f"{_day_words(data.end)} ({how})",
            fontsize=self.size + 1,
            fontweight="bold",
        )

    def _time_axis(self, pain: Axes, nerves: Axes, lanes: Axes) -> None:
        pain.set_xlim(*_span(self.data.start, self.data.end))
        locator = mdates.AutoDateLocator(minticks=3, maxticks=max(4, int(self.size)))
        lanes.xaxis.set_major_locator(locator)
        lanes.xaxis.set_major_formatter(
            mdates.ConciseDateFormatter(locator, offset_formats=OFFSET_FORMATS)
        )
        lanes.set_xlabel("Date", fontsize=self.size)
        for axes in (pain, nerves, lanes):
            axes.tick_params(labelsize=self.small)
            axes.grid(axis="x", color="#C0C0C0", linewidth=0.6, linestyle=":")
            for side in ("top", "right"):
                axes.spines[side].set_visible(False)
        for axes in (pain, nerves):
            axes.tick_params(axis="x", labelbottom=False)

    # ---- symptoms --------------------------------------------------------------------------

    def _markevery(self, count: int) -> int:
        return max(1, count // MAX_MARKERS)

    def _pain(self, axes: Axes) -> DrawnChart:
        data = self.data
        words = data.flares and data.days <= FLARE_WORDS_MAX_DAYS
        axes.set_ylim(-0.3, 11.7 if words else 10.6)
        axes.set_yticks(range(0, 11, 2))
        axes.set_ylabel("Pain score\n(0 none, 10 worst)", fontsize=self.size)
        axes.grid(axis="y", color="#C0C0C0", linewidth=0.6, linestyle=":")
        points = data.points
        xs = [_num(p.at) for p in points]
        ys = [p.pain for p in points]
        if points:
            label = "Pain, each entry" if data.per_entry else "Pain, daily mean"
            (line,) = axes.plot(
                xs,
                ys,
                linestyle="none",
                marker="o",
                markersize=5 if data.per_entry else 3,
                color=self.p.pain,
                markerfacecolor="white" if data.per_entry else self.p.pain,
                markeredgecolor=self.p.pain,
                markeredgewidth=1.2 if data.per_entry else 0.0,
                label=label,
                zorder=4,
            )
            self.handles.append(line)
        if data.pain_7day:
            (mean,) = axes.plot(
                [_noon(v.day) for v in data.pain_7day],
                [v.value for v in data.pain_7day],
                color=self.p.mean,
                linewidth=2.8,
                linestyle="-",
                label="Pain, 7-day mean",
                zorder=5,
            )
            self.handles.append(mean)
        self._worst(axes, xs)
        return DrawnChart(self.figure, axes, points, xs, ys)

    def _worst(self, axes: Axes, xs: list[float]) -> None:
        """Each entry's worst pain as a marker; over longer ranges its 7-day mean as a line
        (a line through hundreds of daily values is a scribble)."""
        data = self.data
        if data.per_entry:
            shown = [
                (x, p.worst) for x, p in zip(xs, data.points, strict=True) if p.worst is not None
            ]
            if not shown:
                return
            (line,) = axes.plot(
                [w[0] for w in shown],
                [w[1] for w in shown],
                color=self.p.worst,
                linestyle="none",
                marker="v",
                markersize=5.5,
                label="Worst pain in 24 hours",
                zorder=3,
            )
        elif data.worst_7day:
            (line,) = axes.plot(
                [_noon(v.day) for v in data.worst_7day],
                [v.value for v in data.worst_7day],
                color=self.p.worst,
                linewidth=1.6,
                linestyle="--",
                marker="v",
                markersize=5,
                markevery=self._markevery(len(data.worst_7day)),
                label="Worst pain in 24 h, 7-day mean",
                zorder=3,
            )
        else:
            return
        self.handles.append(line)

    def _doses(self, pain: Axes) -> None:
        doses = self.data.doses
        twin = pain.twinx()
        # The twin axes is drawn over its host; the bars belong behind the pain lines.
        pain.set_zorder(twin.get_zorder() + 1)
        pain.patch.set_visible(False)
        twin.spines["top"].set_visible(False)
        twin.tick_params(labelsize=self.small)
        twin.set_ylabel("Painkiller doses\ntaken as needed, per day", fontsize=self.size)
        most = max((d.count for d in doses), default=0)
        twin.set_ylim(0, max(3, most) * 2.6)  # bars keep to the lower part of the panel
        twin.set_yticks(range(0, max(3, most) + 1, 1 if most <= 6 else 2))
        if not doses:
            return
        label = "Painkiller doses (right scale)"
        if self.data.per_entry:  # a bar a day, with gaps between days
            bars = twin.bar(
                [_num(_day_start(d.day)) for d in doses],
                [d.count for d in doses],
                width=0.85,
                align="edge",
                color=self.p.doses,
                edgecolor="#808080",
                linewidth=0.3,
                hatch="///",
                label=label,
            )
            self.handles.append(bars)
            return
        # Over long ranges one stepped outline: thousands of bar patches take seconds to draw.
        start = self.data.start
        counts = [0] * self.data.days
        for dose in doses:
            counts[(dose.day - start).days] = dose.count
        edges = [_num(_day_start(start + timedelta(days=n))) for n in range(self.data.days + 1)]
        twin.stairs(counts, edges, fill=True, color=self.p.doses, linewidth=0)
        self.handles.append(Patch(facecolor=self.p.doses, edgecolor="#808080", label=label))

    def _nerves(self, axes: Axes) -> None:
        data = self.data
        axes.set_ylim(-0.35, 3.4)
        axes.set_yticks(range(4))
        axes.set_yticklabels(["0 none", "1", "2", "3 severe"])
        axes.set_ylabel("Nerve signs", fontsize=self.size)
        axes.grid(axis="y", color="#C0C0C0", linewidth=0.6, linestyle=":")
        xs = [_num(p.at) for p in data.points]
        series = (
            ("Weakness (worst limb)", "weakness", self.p.weakness, "-", "s", -NERVE_DODGE),
            ("Numbness (worst area)", "numbness", self.p.numbness, "--", "D", 0.0),
            ("Difficulty walking", "walking", self.p.walking, ":", "^", NERVE_DODGE),
        )
        for label, name, colour, style, marker, dodge in series:
            if not xs:
                continue
            values = [getattr(p, name) + dodge for p in data.points]
            (line,) = axes.plot(
                xs,
                values,
                color=colour,
                linestyle=style,
                linewidth=1.6,
                marker=marker,
                markersize=4.5,
                markevery=self._markevery(len(xs) * 2),
                drawstyle="steps-mid",
                label=label,
            )
            self.handles.append(line)

    # ---- treatments and red flags ----------------------------------------------------------

    def _lanes(self) -> list[str]:
        kinds = {_lane_kind(t) for t in self.data.treatments if not is_procedure(t)}
        rows = [k for k in LANE_ORDER if k in kinds]
        if self.data.alerts:
            rows.append("alerts")
        return rows

    def _treatments_on(self, axes: Axes, *, labels: bool) -> None:
        """Radiotherapy courses shaded and procedures as vertical lines, across a panel."""
        shaded = procedure = False
        for treatment in self.data.treatments:
            if treatment.kind == "radiotherapy":
                axes.axvspan(
                    *_span(treatment.started_on, shown_until(treatment)),
                    color=self.p.shade,
                    zorder=0,
                    linewidth=0,
                )
                shaded = True
            elif is_procedure(treatment):
                x = _num(_day_start(treatment.started_on) + timedelta(hours=12))
                axes.axvline(x, color=self.p.ink, linestyle="-.", linewidth=1.4, zorder=2)
                procedure = True
                if labels:
                    axes.annotate(
                        treatment_label(treatment),
                        xy=(x, 1.0),
                        xycoords=("data", "axes fraction"),
                        xytext=(4, -2),
                        textcoords="offset points",
                        ha="left",
                        va="top",
                        fontsize=self.small,
                        bbox={"boxstyle": "square,pad=0.15", "fc": "white", "ec": "none"},
                        zorder=6,
                    )
        if labels and shaded:
            self.handles.append(Patch(color=self.p.shade, label="Radiotherapy (shaded)"))
        if labels and procedure:
            self.handles.append(
                Line2D([], [], color=self.p.ink, linestyle="-.", label="Procedure (labelled)")
            )

    def _lane(self, axes: Axes) -> None:
        rows = self.lanes
        axes.set_ylim(max(1, len(rows)) - 0.5, -0.5)
        axes.set_yticks(range(len(rows)))
        axes.set_yticklabels(
            ["Red flags" if r == "alerts" else vocab.TREATMENT_WORDS[r] for r in rows]
        )
        axes.tick_params(axis="y", length=0)
        axes.spines["left"].set_visible(False)
        if not rows:
            axes.set_yticks([])
            return
        sessions = False
        for treatment in self.data.treatments:
            if is_procedure(treatment):
                continue
            kind = _lane_kind(treatment)
            row = rows.index(kind)
            first, last = _span(treatment.started_on, shown_until(treatment))
            axes.broken_barh(
                [(first, last - first)],
                (row - 0.32, 0.64),
                facecolor=self.p.lanes[LANE_ORDER.index(kind)],
                edgecolor=self.p.ink,
                linewidth=0.8,
                hatch=LANE_HATCHES[kind] or None,
            )
            if treatment.kind == "radiotherapy" and treatment.sessions:
                axes.plot(
                    [_num(s.at.replace(tzinfo=None)) for s in treatment.sessions],
                    [row] * len(treatment.sessions),
                    linestyle="none",
                    marker="|",
                    markersize=13,
                    markeredgewidth=1.6,
                    color=self.p.ink,
                )
                sessions = True
            if treatment.site:
                axes.annotate(
                    treatment.site,
                    xy=(last, row),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=self.small - 1,
                    clip_on=True,
                )
        if sessions:
            self.handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker="|",
                    markersize=11,
                    markeredgewidth=1.6,
                    color=self.p.ink,
                    label="Radiotherapy session",
                )
            )
        if "alerts" in rows:
            self._alerts(axes, rows.index("alerts"))

    def _alerts(self, axes: Axes, row: int) -> None:
        for tier in ("watch", "urgent", "emergency"):
            times = [a.raised_at.replace(tzinfo=None) for a in self.data.alerts if a.tier == tier]
            if not times:
                continue
            marker, size = TIER_MARKERS[tier]
            (line,) = axes.plot(
                [_num(t) for t in times],
                [row] * len(times),
                linestyle="none",
                marker=marker,
                markersize=size,
                color=self.p.ink,
                markerfacecolor="white" if tier == "watch" else self.p.ink,
                markeredgecolor=self.p.ink,
                markeredgewidth=1.3,
                label=f"Red flag: {tier}",
                zorder=5,
            )
            self.handles.append(line)

    def _flares(self, axes: Axes) -> None:
        if not self.data.flares:
            return
        # Over long ranges a flare is a few pixels wide: the star and the legend say it, and
        # words there would collide with the procedure labels.
        words = self.data.days <= FLARE_WORDS_MAX_DAYS
        for flare in self.data.flares:
            first, last = _span(flare.first_day, flare.last_day)
            if words:
                axes.plot(
                    [first, first, last, last],
                    [10.45, 10.7, 10.7, 10.45],
                    color=self.p.ink,
                    linewidth=1.3,
                    zorder=6,
                )
                axes.text(
                    (first + last) / 2,
                    10.75,
                    "pain flare ★",
                    ha="center",
                    va="bottom",
                    fontsize=self.small,
                    zorder=6,
                    clip_on=True,
                )
            axes.plot(
                _num(flare.peak_at),
                flare.peak_score,
                linestyle="none",
                marker="*",
                markersize=16,
                color=self.p.ink,
                markerfacecolor="white",
                markeredgecolor=self.p.ink,
                markeredgewidth=1.3,
                zorder=7,
            )
        self.handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="*",
                markersize=13,
                color=self.p.ink,
                markerfacecolor="white",
                markeredgecolor=self.p.ink,
                label="Pain flare (see the note)",
            )
        )

    def _note(self, axes: Axes) -> None:
        axes.axis("off")
        explanation = self.data.flares[0].explanation
        axes.text(
            0.0,
            0.5,
            f"★ {explanation}",
            transform=axes.transAxes,
            ha="left",
            va="center",
            fontsize=self.small,
            wrap=True,
        )

    def _legend(self) -> None:
        if not self.handles:
            return
        columns = int(self.figure.get_figwidth() * 10.0 / self.size / 2.7)
        columns = max(2, min(len(self.handles), columns))
        self.figure.legend(
            handles=self.handles,
            loc="outside lower center",
            ncols=columns,
            fontsize=self.small,
            frameon=False,
            handlelength=2.6,
            markerscale=0.8,
            columnspacing=1.4,
        )


def save_trend_chart(
    data: TrendData,
    out: Path,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
    dpi: int = DEFAULT_DPI,
) -> None:
    """Write the chart to a ``.png`` or ``.svg`` file of ``width_px`` by ``height_px``.

    Written to a 0600 temporary file in the destination's folder and renamed into place: a
    half-written chart never replaces a good one, and no other user of the machine can read it.
    Raises ``OSError`` when the file cannot be written and ``ValueError`` for another suffix.
    """
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"{out.name} must end in .png or .svg")
    figure = build_trend_figure(data, width_in=width_px / dpi, height_in=height_px / dpi, dpi=dpi)
    FigureCanvasAgg(figure)
    # No creation date in the file: the same journal draws the same file.
    metadata = {"Date": None} if fmt == "svg" else {"Software": "Spine Journal"}
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            figure.savefig(stream, format=fmt, dpi=dpi, metadata=metadata)
        os.chmod(temporary, 0o600)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def line_styles(figure: Figure) -> list[tuple[str, str, str]]:
    """(label, line style, marker) of every labelled line of a figure: what tells the series
    apart without colour."""
    result: list[tuple[str, str, str]] = []
    for axes in figure.axes:
        for line in axes.get_lines():
            label = str(line.get_label())
            if not label.startswith("_"):
                result.append((label, str(line.get_linestyle()), str(line.get_marker())))
    return result


def all_colours(figure: Figure) -> Sequence[Any]:
    """Every line and patch colour of a figure (a print check: all should be greys)."""
    colours: list[Any] = []
    for axes in figure.axes:
        colours += [line.get_color() for line in axes.get_lines()]
        colours += [patch.get_facecolor() for patch in axes.patches]
    return colours
