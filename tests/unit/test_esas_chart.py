"""The ESAS-r chart: ten panels in the form's order on one time axis, the bands labelled as the
instrument file allows, the treatments shaded behind, and a gap (not 0) for an item not
answered. A Figure of its own, no pyplot."""

from __future__ import annotations

import math
import sys
from datetime import date, datetime, timedelta, timezone
from typing import Any

from tracker.charts.esas_chart import build_esas_figure, default_span
from tracker.domain import esas
from tracker.domain.esas import form_of
from tracker.domain.model import Treatment

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
