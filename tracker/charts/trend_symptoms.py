"""The trend chart's series: pain (each entry or daily means, and its worst), painkiller doses
on the pain panel's twin scale, and the three nerve signs."""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.patches import Patch, StepPatch

from tracker.charts.artists import add_line, patch_of
from tracker.charts.drawing import Drawing, DrawnChart
from tracker.charts.palette import LITERAL
from tracker.charts.time_axis import day_nums

NERVE_DODGE = 0.07  # the three 0-3 lines are nudged apart so that equal levels stay visible
FLARE_WORDS_MAX_DAYS = 200  # longer ranges mark a flare by its star alone


def draw_pain(d: Drawing, axes: Axes) -> DrawnChart:
    data = d.data
    words = data.flares and data.days <= FLARE_WORDS_MAX_DAYS
    axes.set_ylim(-0.3, 11.7 if words else 10.6)
    ticks = range(0, 11, 2)
    axes.set_yticks(ticks, [str(t) for t in ticks])
    # On three lines: in a short window the panel is lower than two lines are long.
    axes.set_ylabel("Pain score\n(0 none,\n10 worst)", fontsize=d.size, color=d.p.ink, **LITERAL)
    points = data.points
    xs = d.xs
    ys = [p.pain for p in points]
    if points:
        label = "Pain, each entry" if data.per_entry else "Pain, daily mean"
        line = add_line(
            axes,
            xs,
            ys,
            linestyle="none",
            marker="o",
            markersize=5 if data.per_entry else 3,
            color=d.p.pain,
            markerfacecolor=d.p.hollow if data.per_entry else d.p.pain,
            markeredgecolor=d.p.pain,
            markeredgewidth=1.2 if data.per_entry else 0.0,
            label=label,
            zorder=4,
        )
        d.handles.append(line)
    if data.pain_7day:
        mean = add_line(
            axes,
            day_nums([v.day for v in data.pain_7day], hour=12),
            [v.value for v in data.pain_7day],
            color=d.p.mean,
            linewidth=2.8,
            linestyle="-",
            label="Pain, 7-day mean",
            zorder=5,
        )
        d.handles.append(mean)
    draw_worst(d, axes, xs)
    return DrawnChart(d.figure, axes, points, xs, ys)


def draw_worst(d: Drawing, axes: Axes, xs: list[float]) -> None:
    """Each entry's worst pain as a marker; over longer ranges its 7-day mean as a line
    (a line through hundreds of daily values is a scribble)."""
    data = d.data
    if data.per_entry:
        shown = [(x, p.worst) for x, p in zip(xs, data.points, strict=True) if p.worst is not None]
        if not shown:
            return
        line = add_line(
            axes,
            [w[0] for w in shown],
            [w[1] for w in shown],
            color=d.p.worst,
            linestyle="none",
            marker="v",
            markersize=5.5,
            label="Worst pain in 24 hours",
            zorder=3,
        )
    elif data.worst_7day:
        line = add_line(
            axes,
            day_nums([v.day for v in data.worst_7day], hour=12),
            [v.value for v in data.worst_7day],
            color=d.p.worst,
            linewidth=1.6,
            linestyle="--",
            marker="v",
            markersize=5,
            markevery=d.markevery(len(data.worst_7day)),
            label="Worst pain in 24 h, 7-day mean",
            zorder=3,
        )
    else:
        return
    d.handles.append(line)


def draw_doses(d: Drawing, twin: Axes) -> None:
    doses = d.data.doses
    # Short enough for the pain panel's height: the legend names them painkiller doses.
    twin.set_ylabel("As-needed\ndoses a day", fontsize=d.size, color=d.p.ink, **LITERAL)
    most = max((d.count for d in doses), default=0)
    twin.set_ylim(0, max(3, most) * 2.6)  # bars keep to the lower part of the panel
    ticks = range(0, max(3, most) + 1, 1 if most <= 6 else 2)
    twin.set_yticks(ticks, [str(t) for t in ticks])
    if not doses:
        return
    label = "Painkiller doses taken as needed (right scale)"
    if d.data.per_entry:  # a bar a day, with gaps between days
        twin.add_artist(
            patch_of(
                [
                    ((x, 0), (x, d.count), (x + 0.85, d.count), (x + 0.85, 0))
                    for x, d in zip(day_nums([d.day for d in doses]), doses, strict=True)
                ],
                facecolor=d.p.doses,
                edgecolor=d.p.dose_edge,
                linewidth=0.3,
                hatch="///",
            )
        )
        d.handles.append(
            Patch(
                facecolor=d.p.doses,
                edgecolor=d.p.dose_edge,
                linewidth=0.3,
                hatch="///",
                label=label,
            )
        )
        return
    # Over long ranges one stepped outline: thousands of bar patches take seconds to draw.
    # Made and added as it is: ``Axes.stairs`` would work out its data limits point by
    # point (a tenth of a second over ten years) for limits already set.
    start = d.data.start
    counts = [0] * d.data.days
    for dose in doses:
        counts[(dose.day - start).days] = dose.count
    first = day_nums([start])[0]
    edges = [first + n for n in range(d.data.days + 1)]
    steps = StepPatch(counts, edges, fill=True, color=d.p.doses, linewidth=0)
    twin.add_artist(steps)
    d.handles.append(Patch(facecolor=d.p.doses, edgecolor=d.p.dose_edge, label=label))


def draw_nerves(d: Drawing, axes: Axes) -> None:
    data = d.data
    axes.set_ylim(-0.35, 3.4)
    axes.set_yticks(range(4), ["0 none", "1", "2", "3 severe"])
    # On two lines: one is longer than this short panel is high.
    axes.set_ylabel("Nerve\nsigns", fontsize=d.size, color=d.p.ink, **LITERAL)
    xs = d.xs
    series = (
        ("Weakness (worst limb)", "weakness", d.p.weakness, "-", "s", -NERVE_DODGE),
        ("Numbness (worst area)", "numbness", d.p.numbness, "--", "D", 0.0),
        ("Difficulty walking", "walking", d.p.walking, ":", "^", NERVE_DODGE),
    )
    for label, name, colour, style, marker, dodge in series:
        if not xs:
            continue
        # a sign not asked is a gap in the line, never a 0 ("none")
        values = [math.nan if (v := getattr(p, name)) is None else v + dodge for p in data.points]
        line = add_line(
            axes,
            xs,
            values,
            color=colour,
            linestyle=style,
            linewidth=1.6,
            marker=marker,
            markersize=4.5,
            markevery=d.markevery(len(xs) * 2),
            drawstyle="steps-mid",
            label=label,
        )
        d.handles.append(line)
