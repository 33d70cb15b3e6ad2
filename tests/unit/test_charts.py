"""The chart's figure: it builds from domain data alone, tells every series apart without colour,
draws the print version in greys, and finds the point under the pointer."""

from __future__ import annotations

import io
import math
import struct
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from tracker.charts import (
    GlyphCacheCanvas,
    all_colours,
    build_trend_figure,
    draw_trends,
    line_styles,
)
from tracker.domain.model import Alert, Session, Treatment
from tracker.domain.treatment_response import W1_WORDING, Flare, flare_explanation
from tracker.domain.trends import DayCount, DayValue, TrendData, TrendPoint

START = date(2026, 3, 1)


def point(day: int, hour: int, pain: int, *, note: str = "") -> TrendPoint:
    return TrendPoint(
        at=datetime(2026, 3, day, hour),
        pain=float(pain),
        worst=float(min(10, pain + 2)),
        weakness=1 if day > 20 else 0,
        numbness=0,
        walking=0,
        entry_id=f"e{day}-{hour}",
        note=note,
    )


def sample(*, per_entry: bool = True) -> TrendData:
    points = tuple(point(d, h, 3 + d % 4) for d in range(1, 31) for h in (8, 20))
    at = datetime.fromisoformat
    return TrendData(
        start=START,
        end=date(2026, 3, 30),
        per_entry=per_entry,
        points=points,
        pain_7day=tuple(DayValue(START + timedelta(days=d), 4.5) for d in range(30)),
        worst_7day=tuple(DayValue(START + timedelta(days=d), 6.5) for d in range(30)),
        doses=(DayCount(date(2026, 3, 5), 2), DayCount(date(2026, 3, 6), 1)),
        treatments=(
            Treatment(
                kind="radiotherapy",
                started_on=date(2026, 3, 9),
                ended_on=date(2026, 3, 10),
                site="T8",
                sessions=(Session(at("2026-03-09T11:00+00:00")), Session(at("2026-03-10T11:00Z"))),
            ),
            Treatment(kind="kyphoplasty", started_on=date(2026, 3, 20), site="L2"),
            Treatment(kind="steroids", started_on=date(2026, 3, 8), ended_on=date(2026, 3, 14)),
            Treatment(kind="chemotherapy", started_on=date(2026, 2, 1), ended_on=date(2026, 6, 1)),
        ),
        alerts=(
            Alert(at("2026-03-12T09:00+00:00"), rule="W1", tier="watch"),
            Alert(at("2026-03-22T09:00+00:00"), rule="A1", tier="urgent"),
            Alert(at("2026-03-25T09:00+00:00"), rule="R1", tier="emergency"),
        ),
        flares=(
            Flare(
                treatment_id="rt",
                label="Radiotherapy T8",
                first_day=date(2026, 3, 10),
                last_day=date(2026, 3, 12),
                peak_at=datetime(2026, 3, 11, 20),
                peak_score=9,
                before_mean=5.0,
                explanation=flare_explanation(),
            ),
        ),
    )


def texts(figure: Figure) -> list[str]:
    found = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        found += [t.get_text() for t in axes.texts]
        found += [t.get_text() for t in axes.get_yticklabels()]
    if figure.legends:
        found += [t.get_text() for t in figure.legends[0].get_texts()]
    return found


@pytest.mark.parametrize("per_entry", [True, False])
def test_the_figure_draws_every_part(per_entry: bool) -> None:
    figure = build_trend_figure(sample(per_entry=per_entry), width_in=12, height_in=6, dpi=100)
    FigureCanvasAgg(figure).draw()
    words = texts(figure)
    assert figure._suptitle is not None
    assert "1 Mar 2026 to 30 Mar 2026" in figure._suptitle.get_text()
    assert "Kyphoplasty L2" in words  # a procedure is a labelled line
    assert {"Radiotherapy", "Steroids", "Chemotherapy", "Red flags"} <= set(words)
    assert any(W1_WORDING in w for w in words)  # the flare's plain-words explanation
    assert {"Red flag: watch", "Red flag: urgent", "Red flag: emergency"} <= set(words)
    assert "Radiotherapy session" in words
    assert "Painkiller doses taken as needed (right scale)" in words
    worst = "Worst pain in 24 hours" if per_entry else "Worst pain in 24 h, 7-day mean"
    assert worst in words
    assert ("Pain, each entry" if per_entry else "Pain, daily mean") in words
    labels = [a.get_ylabel() for a in figure.axes]
    assert "Pain score\n(0 none,\n10 worst)" in labels
    assert "As-needed\ndoses a day" in labels
    assert "Nerve\nsigns" in labels
    assert any(a.get_xlabel() == "Date" for a in figure.axes)


def test_series_differ_by_line_style_or_marker_not_only_colour() -> None:
    figure = build_trend_figure(sample(), width_in=12, height_in=6, dpi=100)
    styles = line_styles(figure)
    labels = [label for label, _style, _marker in styles]
    assert {"Pain, each entry", "Pain, 7-day mean", "Worst pain in 24 hours"} <= set(labels)
    assert {"Weakness (worst limb)", "Numbness (worst area)", "Difficulty walking"} <= set(labels)
    looks = [(style, marker) for _label, style, marker in styles]
    assert len(set(looks)) == len(looks), styles


def test_the_print_version_is_in_greys_only() -> None:
    figure = build_trend_figure(sample(), width_in=8.27, height_in=5, dpi=150, for_print=True)
    FigureCanvasAgg(figure).draw()
    for colour in all_colours(figure):
        red, green, blue = to_rgb(colour)
        assert red == pytest.approx(green) == pytest.approx(blue), colour


def test_a_png_has_the_size_asked_for() -> None:
    figure = build_trend_figure(sample(), width_in=9, height_in=4.5, dpi=100)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    width, height = struct.unpack(">II", buffer.getvalue()[16:24])
    assert (width, height) == (900, 450)


def test_nothing_recorded_says_so() -> None:
    empty = TrendData(start=START, end=START, per_entry=True)
    figure = build_trend_figure(empty)
    FigureCanvasAgg(figure).draw()
    assert any("Nothing recorded between 1 Mar 2026 and 1 Mar 2026" in t for t in texts(figure))


def test_redrawing_into_the_same_figure_replaces_the_chart() -> None:
    figure = Figure(figsize=(10, 6), dpi=100)
    FigureCanvasAgg(figure)
    draw_trends(figure, sample())
    axes = list(figure.axes)
    shown = [(len(a.lines), len(a.patches), len(a.collections), len(a.texts)) for a in axes]
    draw_trends(figure, sample(per_entry=False))
    assert figure.axes == axes  # the same axes, kept with their ticks
    draw_trends(figure, sample())
    assert [(len(a.lines), len(a.patches), len(a.collections), len(a.texts)) for a in axes] == shown
    assert len(figure.legends) == 1 and len(figure.texts) == 2  # one legend, title and note


def pixels(canvas: FigureCanvasAgg) -> Any:
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("for_print", [False, True])
def test_a_redraw_looks_like_a_new_figure_and_kept_glyphs_change_no_pixel(for_print: bool) -> None:
    """The frame's layout and the glyph cache are speed only: the window's redraw of a chart,
    after another one, is pixel for pixel matplotlib's own drawing of a new figure."""
    new = build_trend_figure(sample(), width_in=9, height_in=5, dpi=130, for_print=for_print)
    expected = pixels(FigureCanvasAgg(new))

    figure = build_trend_figure(
        sample(per_entry=False), width_in=9, height_in=5, dpi=130, for_print=for_print
    )
    canvas = GlyphCacheCanvas(figure)
    pixels(canvas)
    draw_trends(figure, sample(), for_print=for_print)
    assert (pixels(canvas) == expected).all()
    assert (pixels(canvas) == expected).all()  # drawn again from the kept glyphs


def test_the_point_under_the_pointer() -> None:
    figure = Figure(figsize=(12, 6), dpi=100)
    canvas = FigureCanvasAgg(figure)
    data = sample()
    drawn = draw_trends(figure, data)
    canvas.draw()
    target = data.points[20]
    x, y = drawn.display_position(target)
    assert drawn.point_near(x + 3, y - 3) == target
    assert drawn.point_near(x, y + 200) is None


def test_charts_import_no_qt_and_no_storage() -> None:
    code = (
        "import sys, tracker.charts; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'sqlalchemy'}) + "
        "[m for m in sys.modules if m.startswith(('tracker.storage', 'tracker.services'))])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_nerve_sign_not_asked_is_a_gap_in_its_line_never_zero() -> None:
    """Issue 17: points whose signs were not asked (None) draw as gaps (NaN), not as level 0."""
    data = sample()
    unasked = {p.entry_id for p in data.points[::5]}
    points = tuple(
        replace(p, weakness=None, numbness=None, walking=None) if p.entry_id in unasked else p
        for p in data.points
    )
    figure = build_trend_figure(replace(data, points=points), width_in=12, height_in=6, dpi=100)
    FigureCanvasAgg(figure).draw()
    (weakness,) = [
        line
        for axes in figure.axes
        for line in axes.get_lines()
        if line.get_label() == "Weakness (worst limb)"
    ]
    ys = [float(y) for y in weakness.get_ydata()]
    gaps = [i for i, y in enumerate(ys) if math.isnan(y)]
    assert gaps == [i for i, p in enumerate(points) if p.entry_id in unasked]
    assert all(not math.isnan(y) for i, y in enumerate(ys) if i not in gaps)
