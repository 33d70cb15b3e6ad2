"""The trend chart's treatments and red flags: radiotherapy shading and procedure lines across
the panels, the course lanes with their session ticks and sites, red-flag markers, pain flares."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from tracker.charts.artists import add_line, patch_of
from tracker.charts.drawing import Drawing
from tracker.charts.palette import LANE_HATCHES, LANE_ORDER, LITERAL, TIER_MARKERS, lane_kind
from tracker.charts.time_axis import date_nums, day_nums, day_span
from tracker.charts.trend_symptoms import FLARE_WORDS_MAX_DAYS
from tracker.domain import vocab
from tracker.domain.treatment_days import is_procedure, shown_until, treatment_label


def draw_treatments_on(d: Drawing, axes: Axes, *, labels: bool) -> None:
    """Radiotherapy courses shaded and procedures as vertical lines, across a panel."""
    procedure = False
    shades = []
    for treatment in d.data.treatments:
        if treatment.kind == "radiotherapy":
            first, last = day_span(treatment.started_on, shown_until(treatment))
            shades.append(((first, 0.0), (first, 1.0), (last, 1.0), (last, 0.0)))
        elif is_procedure(treatment):
            x = day_nums([treatment.started_on], hour=12)[0]
            add_line(  # as ``axvline``: the panel's height up
                axes,
                [x, x],
                [0, 1],
                transform=axes.get_xaxis_transform(which="grid"),
                color=d.p.ink,
                linestyle="-.",
                linewidth=1.4,
                zorder=2,
            )
            procedure = True
            if labels:
                # Words at the top of the line, 4 points right and 2 down (a text with an
                # offset, which draws as an annotation does without its checks).
                axes.text(
                    x,
                    1.0,
                    treatment_label(treatment),
                    transform=axes.get_xaxis_transform() + d.points(4, -2),
                    ha="left",
                    va="top",
                    fontsize=d.small,
                    color=d.p.ink,
                    bbox={"boxstyle": "square,pad=0.15", "fc": d.p.hollow, "ec": "none"},
                    zorder=6,
                    **LITERAL,
                )
    if shades:
        # The courses' full-height shading (as ``axvspan`` draws each: days across, the
        # panel's height up).
        axes.add_artist(
            patch_of(
                shades,
                color=d.p.shade,
                linewidth=0,
                zorder=0,
                transform=axes.get_xaxis_transform(),
            )
        )
    if labels and shades:
        d.handles.append(Patch(color=d.p.shade, label="Radiotherapy (shaded)"))
    if labels and procedure:
        d.handles.append(
            Line2D([], [], color=d.p.ink, linestyle="-.", label="Procedure (labelled)")
        )


def draw_lanes(d: Drawing, axes: Axes) -> None:
    rows = d.lanes
    axes.set_ylim(max(1, len(rows)) - 0.5, -0.5)
    axes.set_yticks(
        range(len(rows)),
        ["Red flags" if r == "alerts" else vocab.TREATMENT_WORDS[r] for r in rows],
        **LITERAL,
    )
    if not rows:
        return
    sessions: list[tuple[datetime, int]] = []
    bars: dict[str, list[Any]] = {}
    for treatment in d.data.treatments:
        if is_procedure(treatment):
            continue
        kind = lane_kind(treatment)
        row = rows.index(kind)
        first, last = day_span(treatment.started_on, shown_until(treatment))
        low, high = row - 0.32, row + 0.32
        bars.setdefault(kind, []).append(((first, low), (first, high), (last, high), (last, low)))
        if treatment.kind == "radiotherapy":
            sessions += [(s.at.replace(tzinfo=None), row) for s in treatment.sessions]
        if treatment.site:
            axes.text(  # 3 points right of the bar's end, inside the panel only
                last,
                row,
                treatment.site,
                transform=axes.transData + d.points(3, 0),
                va="center",
                fontsize=d.small - 1,
                color=d.p.ink,
                clip_on=True,
                **LITERAL,
            )
    for kind, shapes in bars.items():  # one kind's courses look alike
        axes.add_artist(
            patch_of(
                shapes,
                facecolor=d.p.lanes[LANE_ORDER.index(kind)],
                edgecolor=d.p.ink,
                linewidth=0.8,
                joinstyle="round",  # as a collection draws its corners
                hatch=LANE_HATCHES[kind] or None,
            )
        )
    if sessions:  # every course's session ticks, one line of markers
        tick = {"marker": "|", "markeredgewidth": 1.6, "color": d.p.ink}
        add_line(
            axes,
            date_nums([at for at, _row in sessions]),
            [row for _at, row in sessions],
            linestyle="none",
            markersize=13,
            **tick,
        )
        d.marker_key("Radiotherapy session", markersize=11, **tick)
    if "alerts" in rows:
        draw_alerts(d, axes, rows.index("alerts"))


def draw_alerts(d: Drawing, axes: Axes, row: int) -> None:
    for tier in ("watch", "urgent", "emergency"):
        times = [a.raised_at.replace(tzinfo=None) for a in d.data.alerts if a.tier == tier]
        if not times:
            continue
        marker, size = TIER_MARKERS[tier]
        line = add_line(
            axes,
            date_nums(times),
            [row] * len(times),
            linestyle="none",
            marker=marker,
            markersize=size,
            color=d.p.ink,
            markerfacecolor=d.p.hollow if tier == "watch" else d.p.ink,
            markeredgecolor=d.p.ink,
            markeredgewidth=1.3,
            label=f"Red flag: {tier}",
            zorder=5,
        )
        d.handles.append(line)


def draw_flares(d: Drawing, axes: Axes) -> None:
    if not d.data.flares:
        return
    # Over long ranges a flare is a few pixels wide: the star and the legend say it, and
    # words there would collide with the procedure labels.
    words = d.data.days <= FLARE_WORDS_MAX_DAYS
    for flare in d.data.flares:
        first, last = day_span(flare.first_day, flare.last_day)
        if words:
            add_line(
                axes,
                [first, first, last, last],
                [10.45, 10.7, 10.7, 10.45],
                color=d.p.ink,
                linewidth=1.3,
                zorder=6,
            )
            axes.text(
                (first + last) / 2,
                10.75,
                "pain flare ★",
                ha="center",
                va="bottom",
                fontsize=d.small,
                color=d.p.ink,
                zorder=6,
                clip_on=True,
                **LITERAL,
            )
    star = {
        "marker": "*",
        "color": d.p.ink,
        "markerfacecolor": d.p.hollow,
        "markeredgecolor": d.p.ink,
    }
    add_line(  # the flares' peaks, each a star
        axes,
        date_nums([flare.peak_at for flare in d.data.flares]),
        [flare.peak_score for flare in d.data.flares],
        linestyle="none",
        markersize=16,
        markeredgewidth=1.3,
        zorder=7,
        **star,
    )
    d.marker_key("Pain flare (see the note)", markersize=13, **star)
