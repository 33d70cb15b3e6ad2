"""The chart in the window's dark scheme: its colours read on its dark panels, every text and
tick is drawn in the dark palette's ink, and a figure switched between the schemes (the glyph
cache and the frame's kept axes and layout in between) is pixel for pixel a new one."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.text import Text

from tests.unit.test_charts import sample
from tracker.charts import PRINT, SCREEN, SCREEN_DARK, GlyphCacheCanvas, draw_trends
from tracker.charts.palette import LANE_ORDER, Palette
from tracker.ui.palettes import contrast

TEXT_MINIMUM = 4.5  # WCAG 2 AA, text
MARK_MINIMUM = 3.0  # WCAG 2 AA, lines and markers one must see


def mark_pairs(p: Palette) -> list[tuple[str, str, str]]:
    """(what, colour, on) for every line or marker and what it is drawn on: every series, the
    ink (procedure lines, lane edges and hatches, red-flag markers, flare stars) and the dose
    bars' edges on the panels and on the radiotherapy shading; what the pain panel draws over
    the dose bars; the ink on every course lane's fill."""
    lines = {
        "pain": p.pain,
        "mean": p.mean,
        "worst": p.worst,
        "weakness": p.weakness,
        "numbness": p.numbness,
        "walking": p.walking,
        "ink": p.ink,
        "dose_edge": p.dose_edge,
    }
    pairs = [(name, c, ground) for name, c in lines.items() for ground in (p.face, p.shade)]
    pairs += [(name, lines[name], p.doses) for name in ("pain", "mean", "worst", "ink")]
    pairs += [
        (f"ink on {kind}", p.ink, fill) for kind, fill in zip(LANE_ORDER, p.lanes, strict=True)
    ]
    return pairs


def test_every_dark_colour_pair_reads() -> None:
    marks = mark_pairs(SCREEN_DARK)
    assert len(marks) == 16 + 4 + len(LANE_ORDER)
    weak = [(what, a, b, round(contrast(a, b), 2)) for what, a, b in marks]
    assert [w for w in weak if w[3] < MARK_MINIMUM] == []
    words = [(SCREEN_DARK.ink, ground) for ground in (SCREEN_DARK.background, SCREEN_DARK.face)]
    assert [round(contrast(a, b), 2) for a, b in words if contrast(a, b) < TEXT_MINIMUM] == []
    # hollow markers stay hollow: filled with the panels' colour
    assert SCREEN_DARK.hollow == SCREEN_DARK.face


def test_the_dark_palette_keeps_the_okabe_ito_hues_apart() -> None:
    """The series are told apart by hue as in the light palette (and by line style and marker
    everywhere): no two of them share a colour, and none is a grey of the frame."""
    series = [SCREEN_DARK.pain, SCREEN_DARK.worst, SCREEN_DARK.weakness]
    series += [SCREEN_DARK.numbness, SCREEN_DARK.walking]
    assert len(set(series)) == len(series)
    assert not {SCREEN_DARK.ink, SCREEN_DARK.grid, SCREEN_DARK.doses} & set(series)


def shown_texts(figure: Figure) -> list[Text]:
    found = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text()]
    return [t for t in found if t.get_figure() is not None]


def colours_of(figure: Figure) -> dict[str, set[str]]:
    """The colours of the figure's background, its panels, its texts, ticks and spines."""
    axes = figure.axes
    ticks = [tick for a in axes for tick in a.xaxis.get_major_ticks() + a.yaxis.get_major_ticks()]
    return {
        "figure": {to_hex(figure.get_facecolor())},
        "panels": {to_hex(a.get_facecolor()) for a in axes if a.patch.get_visible()},
        "texts": {to_hex(t.get_color()) for t in shown_texts(figure)},
        "ticks": {to_hex(t.tick1line.get_color()) for t in ticks},
        "spines": {to_hex(s.get_edgecolor()) for a in axes for s in a.spines.values()},
    }


def expected(p: Palette) -> dict[str, set[str]]:
    ink = p.ink.lower()
    return {
        "figure": {p.background.lower()},
        "panels": {p.face.lower()},
        "texts": {ink},
        "ticks": {ink},
        "spines": {ink},
    }


def test_a_figure_switched_to_dark_and_back_wears_each_palette_whole() -> None:
    figure = Figure(figsize=(10, 6), dpi=100)
    FigureCanvasAgg(figure)
    draw_trends(figure, sample())
    assert colours_of(figure) == expected(SCREEN)
    draw_trends(figure, sample(), dark=True)
    assert colours_of(figure) == expected(SCREEN_DARK)
    title = figure.texts[0]
    assert title.get_text().startswith("Pain, nerve signs") and len(shown_texts(figure)) > 30
    draw_trends(figure, sample(per_entry=False))
    assert colours_of(figure) == expected(SCREEN)


def test_print_stays_light_whatever_was_drawn_before() -> None:
    figure = Figure(figsize=(10, 6), dpi=100)
    draw_trends(figure, sample(), dark=True)
    draw_trends(figure, sample(), for_print=True, dark=True)
    assert colours_of(figure) == expected(PRINT)


def pixels(canvas: FigureCanvasAgg) -> Any:
    canvas.draw()  # type: ignore[no-untyped-call]
    return np.asarray(canvas.buffer_rgba()).copy()  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("dark", [True, False])
def test_a_scheme_switch_draws_no_stale_colour(dark: bool) -> None:
    """The glyph cache keeps glyphs' shapes, not their colours, and the frame keeps its axes
    and layout: a figure switched to the other scheme is the other scheme's new figure."""
    new = Figure(figsize=(9, 5), dpi=130)
    draw_trends(new, sample(), dark=dark)
    fresh = pixels(FigureCanvasAgg(new))

    figure = Figure(figsize=(9, 5), dpi=130)
    canvas = GlyphCacheCanvas(figure)
    draw_trends(figure, sample(), dark=not dark)
    before = pixels(canvas)
    draw_trends(figure, sample(), dark=dark)
    assert not (before == fresh).all()
    assert (pixels(canvas) == fresh).all()
