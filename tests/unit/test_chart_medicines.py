"""The trend chart's Regular medicines lane: the steroid dose a day as a step line in its own
row, doses skipped and not recorded as marks with their legend words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any, cast

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from tests.unit.test_charts import sample, texts
from tracker.charts import build_trend_figure
from tracker.domain.medicine_days import outcomes, steroid_per_day
from tracker.domain.medicines import CourseStep, DoseRecord, RegularMedicine

START = date(2026, 3, 1)


def test_the_lane_draws_the_steroid_steps_and_the_missed_doses() -> None:
    taper = RegularMedicine(
        name="Dexamethasone", dose=16, unit="mg", times=(time(8),), started_on=START,
        steps=tuple(CourseStep(d, 3) for d in (16, 8, 4, 2)), steroid=True, id="x",
    )  # fmt: skip
    steroid = steroid_per_day([taper], START, START + timedelta(days=29))
    assert steroid[:13] == [16] * 3 + [8] * 3 + [4] * 3 + [2] * 3 + [0]
    records = [DoseRecord("x", START, time(8), "skipped")]
    found = outcomes([taper], records, START, START + timedelta(days=3))
    assert [o.status for o in found] == ["skipped", "not recorded", "not recorded", "not recorded"]
    data = replace(
        sample(),
        steroid=tuple(steroid),
        skipped=(datetime(2026, 3, 1, 8),),
        unrecorded=(datetime(2026, 3, 2, 8), datetime(2026, 3, 3, 8)),
    )
    figure = build_trend_figure(data, width_in=12, height_in=6, dpi=100)
    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]
    words = texts(figure)
    assert {"Regular medicines", "Steroid dose a day", "Dose skipped", "Dose not recorded"} <= set(
        words
    )
    assert "top 16 mg" in words
    lanes = next(
        a for a in figure.axes if "Regular medicines" in [t.get_text() for t in a.get_yticklabels()]
    )
    row = [t.get_text() for t in lanes.get_yticklabels()].index("Regular medicines")
    steps = [line for line in lanes.get_lines() if line.get_drawstyle() == "steps-post"]
    (line,) = steps
    ys = [float(y) for y in cast(Any, line.get_ydata())]
    assert min(ys) == ys[0] == pytest.approx(row - 0.32)  # the top dose at the row's top
    assert ys[3] == pytest.approx(row)  # half the dose: the row's middle
    assert ys[12] == pytest.approx(row + 0.32)  # no steroid after the course: its bottom
    marks = [line for line in lanes.get_lines() if line.get_marker() in ("x", "o")]
    assert sorted(len(cast(Any, m.get_xdata())) for m in marks) == [1, 2]


def test_without_regular_medicines_there_is_no_lane() -> None:
    figure = build_trend_figure(sample(), width_in=12, height_in=6, dpi=100)
    assert "Regular medicines" not in texts(figure)
