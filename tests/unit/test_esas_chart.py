"""The ESAS-r chart: ten panels in the form's order on one time axis, the bands labelled as the
instrument file allows, the treatments shaded behind, and a gap (not 0) for an item not
answered. A Figure of its own, no pyplot. In the window's light or dark palette, greys on
paper."""

from __future__ import annotations

import itertools
import math
import sys
from datetime import date, datetime, timedelta, timezone
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from tests.unit.test_chart_dark import MARK_MINIMUM, TEXT_MINIMUM, colours_of, expected, shown_texts
from tracker.charts import PRINT, SCREEN, SCREEN_DARK
from tracker.charts.esas_chart import LANE_ALPHA, build_esas_figure, default_span
from tracker.charts.palette import Palette
from tracker.domain import esas
from tracker.domain.esas import form_of
from tracker.domain.model import Treatment
from tracker.ui.palettes import contrast

ZONE = timezone(timedelta(hours=1))


def weekly() -> list[esas.EsasForm]:
    return [
        form_of(datetime(2026, 3, 2, 10, tzinfo=ZONE), "patient", {"pain": 3, "nausea": 1}),
        form_of(datetime(2026, 3, 9, 10, tzinfo=ZONE), "patient", {"pain": 5}),
        form_of(datetime(2026, 3, 16, 10, tzinfo=ZONE), "patient", {"pain": 8, "nausea": 2}),
    ]


def ys(axes: Any) -> list[float]:
    """The panel's line's values (matplotlib's own types say little)."""
    return [float(y) for y in axes.lines[0].get_ydata()]


def test_ten_panels_in_order_with_the_bands_and_the_gaps() -> None:
    steroids = Treatment(kind="steroids", started_on=date(2026, 3, 5), ended_on=date(2026, 3, 10))
    figure = build_esas_figure(weekly(), [steroids], date(2026, 3, 1), date(2026, 3, 20))
    panels = [a for a in figure.axes if a.get_title(loc="left")]
    assert [a.get_title(loc="left") for a in panels] == [item.name for item in esas.ITEMS]
    assert len({a.get_xlim() for a in panels}) == 1  # one time axis
    for axes in panels:
        labels = {t.get_text() for t in axes.texts}
        assert labels == {"mild (1-3)", "moderate (4-6)", "severe (7-10)"}
    pain, _tiredness, _drowsiness, nausea = panels[:4]
    assert ys(pain) == [3.0, 5.0, 8.0]
    gap = ys(nausea)
    assert gap[0] == 1.0 and math.isnan(gap[1]) and gap[2] == 2.0  # not answered: no point
    assert len(pain.patches) == len(esas.BANDS) + 1  # the three bands and the steroid course
    assert [t.get_text() for t in figure.legends[0].get_texts()] == ["Steroids"]
    assert "matplotlib.pyplot" not in sys.modules


def test_the_span_runs_from_the_first_form_to_today() -> None:
    assert default_span(weekly(), date(2026, 4, 1)) == (date(2026, 3, 2), date(2026, 4, 1))
    assert default_span([], date(2026, 4, 1)) == (date(2026, 1, 7), date(2026, 4, 1))


def drawn(**scheme: bool) -> Figure:
    """The chart of three weeks with a steroid course, drawn (tick labels made) in a scheme."""
    steroids = Treatment(kind="steroids", started_on=date(2026, 3, 5), ended_on=date(2026, 3, 10))
    figure = build_esas_figure(weekly(), [steroids], date(2026, 3, 1), date(2026, 3, 20), **scheme)
    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]
    return figure


def dressing(figure: Figure) -> dict[str, Any]:
    """The figure's colours as a person sees them: ``colours_of`` (background, panels, every
    text, ticks and spines) with the bands, the hatching and the legend's frame and key."""
    panels = [a for a in figure.axes if a.get_title(loc="left")]
    legend = figure.legends[0]
    key = legend.legend_handles[0]
    assert key is not None and isinstance(key, Patch)
    return {
        **colours_of(figure),
        "bands": {tuple(to_hex(p.get_facecolor()) for p in a.patches[:3]) for a in panels},
        "hatch": {to_hex(p.get_edgecolor()) for a in panels for p in a.patches[3:]},
        "legend": (to_hex(legend.get_frame().get_facecolor()), to_hex(key.get_edgecolor())),
    }


def wearing(p: Palette) -> dict[str, Any]:
    return {
        **expected(p),
        "bands": {tuple(shade.lower() for shade in p.bands)},
        "hatch": {p.hatch.lower()},
        "legend": (p.background.lower(), p.key_hatch.lower()),
    }


def test_the_window_draws_it_in_the_light_or_dark_palette_and_paper_in_greys() -> None:
    light = drawn()
    assert dressing(light) == wearing(SCREEN)
    # the light chart as it was: white behind black words, the grey bands and hatching
    assert colours_of(light)["figure"] == {"#ffffff"} and colours_of(light)["texts"] == {"#000000"}
    assert dressing(light)["bands"] == {("#f7f7f7", "#eeeeee", "#e4e4e4")}
    assert dressing(drawn(dark=True)) == wearing(SCREEN_DARK)
    assert dressing(drawn(for_print=True, dark=True)) == wearing(PRINT)
    titles = [t.get_text() for t in shown_texts(drawn(dark=True))]
    assert "Pain" in titles and "severe (7-10)" in titles and "Treatments" in titles


def test_the_dark_chart_reads() -> None:
    """The scores' line on every band and on every course's shading (drawn at 60% over the
    band), the words on the background, at the contrasts the trend chart keeps; the bands a
    step apart."""
    p = SCREEN_DARK
    grounds = list(p.bands)
    grounds += [mix(band, lane, LANE_ALPHA) for band in p.bands for lane in p.lanes]
    assert [g for g in grounds if contrast(p.pain, g) < MARK_MINIMUM] == []
    assert contrast(p.ink, p.background) >= TEXT_MINIMUM
    steps = [p.face, *p.bands]
    assert all(contrast(a, b) > 1.05 for a, b in itertools.pairwise(steps))
    # the hatching tells the courses apart at least as well as on the light chart
    assert min(
        contrast(mix(band, p.hatch, LANE_ALPHA), mix(band, lane, LANE_ALPHA))
        for band in p.bands
        for lane in p.lanes
    ) >= min(
        contrast(mix(band, SCREEN.hatch, LANE_ALPHA), mix(band, lane, LANE_ALPHA))
        for band in SCREEN.bands
        for lane in SCREEN.lanes
    )


def mix(under: str, over: str, alpha: float) -> str:
    """``over`` drawn at ``alpha`` on ``under``."""
    (r0, g0, b0), (r1, g1, b1) = to_rgb(under), to_rgb(over)
    return to_hex((r0 + (r1 - r0) * alpha, g0 + (g1 - g0) * alpha, b0 + (b1 - b0) * alpha))


def test_the_time_axis_and_title_speak_as_the_trend_chart_and_the_instrument() -> None:
    figure = build_esas_figure(weekly(), [], date(2026, 3, 1), date(2026, 3, 20))
    FigureCanvasAgg(figure).draw()
    panels = [a for a in figure.axes if a.get_title(loc="left")]
    offsets = {a.xaxis.get_major_formatter().get_offset() for a in panels[-2:]}
    assert offsets == {"March 2026"}  # as the trend chart writes it, not "2026-Mar"
    title = figure.get_suptitle()
    assert "0 = no symptom, or best wellbeing" in title  # "Best Wellbeing" is item 9's 0
    assert "10 = worst possible" in title
