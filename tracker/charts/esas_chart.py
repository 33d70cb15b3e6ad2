"""The weekly ESAS-r forms over time: one small panel an item, in the form's order, on one time
axis with the treatments shaded behind every panel (the lane colours and hatches of the trend
chart). A score not answered leaves a gap, never a 0.

The bands "mild (1-3)", "moderate (4-6)" and "severe (7-10)" are labels only, as the instrument
file allows (../shared/clinical/esas-r.md): a neutral shade each, no alarm colour, no
conclusion. matplotlib ``Figure`` only, never pyplot.

The colours are the trend chart's palettes (``charts.palette``): the window's light or dark
scheme, greys for paper. Set on the artists themselves, never through ``rcParams``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from tracker.charts.palette import (
    LANE_HATCHES,
    LANE_ORDER,
    LITERAL,
    PRINT,
    SCREEN,
    SCREEN_DARK,
    Palette,
    lane_kind,
)
from tracker.charts.time_axis import OFFSET_FORMATS, date_nums, day_span
from tracker.domain import esas, vocab
from tracker.domain.model import Treatment
from tracker.domain.timeutil import local_day

COLUMNS = 2
LANE_ALPHA = 0.6  # the courses' shading over the bands: the bands and the scores show through
# the instrument's anchors: 0 is "No Pain" ... but "Best Wellbeing" (clinical/esas-r.md)
TITLE = (
    "ESAS-r over time (0 = no symptom, or best wellbeing; 10 = worst possible; "
    "a gap is an item not answered)"
)


def build_esas_figure(
    forms: Sequence[esas.EsasForm],
    treatments: Sequence[Treatment],
    first: date,
    last: date,
    *,
    width_in: float = 12.0,
    height_in: float = 9.0,
    dpi: float = 100.0,
    for_print: bool = False,
    dark: bool = False,
) -> Figure:
    figure = Figure(figsize=(width_in, height_in), dpi=dpi)
    draw_esas(figure, forms, treatments, first, last, for_print=for_print, dark=dark)
    return figure


def draw_esas(
    figure: Figure,
    forms: Sequence[esas.EsasForm],
    treatments: Sequence[Treatment],
    first: date,
    last: date,
    *,
    for_print: bool = False,
    dark: bool = False,
) -> list[Axes]:
    """Draw into ``figure`` (cleared first): the ten panels, in the form's order. ``dark``: in
    the window's dark scheme (never for print)."""
    palette = PRINT if for_print else SCREEN_DARK if dark else SCREEN
    figure.clear()
    figure.set_facecolor(palette.background)
    rows = -(-len(esas.ITEMS) // COLUMNS)
    grid = figure.subplots(rows, COLUMNS, sharex=True, sharey=True, squeeze=False)
    panels = [grid[i // COLUMNS][i % COLUMNS] for i in range(len(esas.ITEMS))]
    ordered = sorted(forms, key=lambda f: f.completed_at)
    shown = [t for t in treatments if t.started_on <= last and t.last_day >= first]
    for item, axes in zip(esas.ITEMS, panels, strict=True):
        _panel(axes, item, ordered, shown, first, last, palette)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=6)  # type: ignore[no-untyped-call]
    for axes in panels[-COLUMNS:]:
        axes.xaxis.set_major_locator(locator)
        formatter = mdates.ConciseDateFormatter(  # type: ignore[no-untyped-call]
            locator,
            offset_formats=OFFSET_FORMATS,  # "December 2026", as the trend chart
        )
        axes.xaxis.set_major_formatter(formatter)
    figure.suptitle(TITLE, color=palette.ink, **LITERAL)
    _legend(figure, shown, palette)
    figure.set_layout_engine("constrained")
    return panels


def _panel(
    axes: Axes,
    item: esas.Item,
    forms: Sequence[esas.EsasForm],
    treatments: Sequence[Treatment],
    first: date,
    last: date,
    palette: Palette,
) -> None:
    _dress(axes, palette)
    for (low, high, label), shade in zip(esas.BANDS, palette.bands, strict=True):
        axes.axhspan(low - 0.5, high + 0.5, color=shade, zorder=0, linewidth=0)
        middle = ((low + high) / 2 + 0.5) / 11  # the axis runs from -0.5 to 10.5
        axes.text(1.005, middle, label, transform=axes.transAxes, color=palette.ink,
                  fontsize="x-small", va="center", **LITERAL)  # fmt: skip
    for treatment in treatments:
        start, end = day_span(max(treatment.started_on, first), min(treatment.last_day, last))
        kind = lane_kind(treatment)
        axes.axvspan(start, end, facecolor=palette.lanes[LANE_ORDER.index(kind)],
                     hatch=LANE_HATCHES[kind], edgecolor=palette.hatch, linewidth=0.8,
                     alpha=LANE_ALPHA, zorder=1)  # fmt: skip
    # every form a point; one not answered a NaN, which breaks the line there (a gap, not 0)
    xs = date_nums([f.completed_at.replace(tzinfo=None) for f in forms])
    scores = [getattr(f, item.key) for f in forms]
    ys = [math.nan if score is None else float(score) for score in scores]
    axes.plot(xs, ys, color=palette.pain, marker="o", markersize=4, linewidth=1.5, zorder=3)
    answered = [f for f, score in zip(forms, scores, strict=True) if score is not None]
    names = {esas.item_name(item, f.other_name) for f in answered} or {item.name}
    axes.set_title(
        " / ".join(sorted(names)), loc="left", fontsize="small", color=palette.ink, **LITERAL
    )
    axes.set_ylim(-0.5, 10.5)
    axes.set_yticks([0, 5, 10])
    axes.set_xlim(*day_span(first, last))


def _dress(axes: Axes, palette: Palette) -> None:
    """The panel's background, spines, ticks and their labels in the palette's colours (also
    the dates' year or month written under them, the axis's offset text)."""
    axes.set_facecolor(palette.face)
    for spine in axes.spines.values():
        spine.set_edgecolor(palette.ink)
    axes.tick_params(which="both", colors=palette.ink)


def _legend(figure: Figure, treatments: Sequence[Treatment], palette: Palette) -> None:
    kinds = list(dict.fromkeys(lane_kind(t) for t in treatments))
    if not kinds:
        return
    handles = [
        Patch(facecolor=palette.lanes[LANE_ORDER.index(kind)], hatch=LANE_HATCHES[kind],
              edgecolor=palette.key_hatch, label=vocab.TREATMENT_WORDS.get(kind, "Other treatment"))
        for kind in kinds
    ]  # fmt: skip
    legend = figure.legend(handles=handles, loc="outside lower center", ncols=len(handles),
                           fontsize="small", title="Treatments", labelcolor=palette.ink,
                           facecolor=palette.background, edgecolor=palette.grid)  # fmt: skip
    legend.get_title().set_color(palette.ink)


def default_span(forms: Sequence[esas.EsasForm], today: date) -> tuple[date, date]:
    """The weeks of the forms, to today (the last 12 weeks when there is none)."""
    if not forms:
        return today - timedelta(weeks=12), today
    days = [local_day(f.completed_at) for f in forms]
    return min(days), max(max(days), today)
