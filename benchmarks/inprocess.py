"""Figures measured inside one app process on the 10-year journal: save, chart redraw and its
bare baseline, summary PDF. Each is a list of milliseconds, one per run; no run is discarded
(a cold first run shows in the maximum)."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

RUNS = 7
DEADLINE_S = 120


def _timed(action: Callable[[], object], runs: int = RUNS) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


class Pump:
    """Processes pending events. Through a ``QEventLoop``: in PySide6 6.12 on CPython 3.11 each
    ``QApplication.processEvents()`` call drops a reference to ``None``, and a few thousand
    calls abort the process ("none_dealloc"); ``QEventLoop.processEvents`` does not."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEventLoop

        self._loop = QEventLoop()

    def run_pending(self) -> None:
        self._loop.processEvents()


def _wait_for(app: Pump, condition: Callable[[], bool]) -> None:
    """Process events until ``condition()`` holds."""
    deadline = time.monotonic() + DEADLINE_S
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError("timed out waiting for the window")
        app.run_pending()


def _drain(app: Pump, seconds: float) -> None:
    """Process events for ``seconds`` (deferred refreshes and paints), outside any timing."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.run_pending()


def run(data_dir: str) -> dict[str, Any]:
    from tracker.app import _application, build_window

    _application()
    app = Pump()
    session = build_window(Path(data_dir))
    window = session.window
    window.show()
    _wait_for(app, lambda: window.services is not None)
    _drain(app, 1.0)  # the start-up backup, the alert presenter
    results: dict[str, Any] = {"save_entry_ms": _save_entry(app, window)}
    results.update(_redraw(app, window))
    results["summary_pdf_ms"] = _summary_pdf(window)
    session.close()
    return results


def _save_entry(app: Pump, window: Any) -> list[float]:
    """Save pressed (the button clicked) to the entry committed, the red-flag rules run and
    their outcome presented, the entry table and every non-lazy panel that shows entries or
    alerts (the red-flag log) refreshed, and the events that posted processed. The trend chart
    is not on screen, so it is only marked stale (``redraw_all_ms`` measures a redraw)."""
    form = window.entry_form
    services = window.services
    samples = []
    for _ in range(RUNS):
        form.new_entry()
        form.pain_score.setValue(2)
        form.regions["lumbar"].setChecked(True)
        stored = services.journal.counts()["entries"]
        listed = window.history.model.rowCount()
        start = time.perf_counter()
        form.save_button.click()
        app.run_pending()
        samples.append((time.perf_counter() - start) * 1000)
        text = form.message.text()
        assert "saved" in text, text
        assert services.journal.counts()["entries"] == stored + 1
        assert window.history.model.rowCount() == listed + 1, "the entry table was not refreshed"
    return samples


def _redraw(app: Pump, window: Any) -> dict[str, list[float]]:
    """The trends view showing all ten years, as the "All" button does: the series asked of
    the trends service, the figure rebuilt, the canvas drawn (its idle draw, through the event
    loop) and painted onto the widget; each run next to a run of its bare baseline
    (``_bare_redraw``). The service keeps the series it read while the journal is unchanged, so
    ``redraw_all_ms`` does not read the journal (an uncounted first run does).
    ``redraw_changed_ms`` (no budget) is the same redraw just after an entry was saved (the
    save not timed), so that the series are read again from the journal every time."""
    from tracker.domain.trends import Preset

    page = window.panels["trends"]  # the Trends tab makes its chart when first shown
    window.tabs.setCurrentWidget(page)
    _wait_for(app, lambda: page.view is not None)
    _drain(app, 1.0)  # the chart's first draw
    trends = page.view
    canvas = trends.canvas
    draws: list[int] = []
    canvas.mpl_connect("draw_event", lambda _event: draws.append(1))

    def redraw_all() -> None:
        before = len(draws)
        trends.show_preset(Preset.ALL)
        _wait_for(app, lambda: len(draws) > before)
        canvas.repaint()

    redraw_all()  # the series read once, as the service keeps them while the journal is unchanged
    series = _drawn_series(trends.figure)
    bare_draw = _bare_redraw(series, trends.figure.get_size_inches(), trends.figure.dpi)
    redraw: list[float] = []
    bare: list[float] = []
    for _ in range(RUNS):  # interleaved, so that a slow spell of the machine falls on both
        redraw += _timed(redraw_all, 1)
        bare += _timed(bare_draw, 1)
    changed = []
    for minutes in range(5):
        _save_quietly(window, minutes)
        changed += _timed(redraw_all, 1)
    return {"redraw_all_ms": redraw, "bare_redraw_ms": bare, "redraw_changed_ms": changed}


def _save_quietly(window: Any, minutes: int) -> None:
    """An entry stored through the journal service, as the form would, outside the timing (the
    window is not told, so the chart does not redraw on its own)."""
    from tracker.domain.model import Entry, Pain

    when = datetime.now().astimezone().replace(microsecond=0) - timedelta(minutes=minutes + 1)
    window.services.journal.save_entry(Entry(recorded_at=when, pain=Pain(score=3)))


def _drawn_series(figure: Any) -> list[tuple[list[datetime], list[float]]]:
    """The points the trend figure drew, as (dates, values): each line's (marker-only and
    stepped ones included) and the dose outline's (a step per day)."""
    import matplotlib.dates as mdates
    from matplotlib.patches import StepPatch

    def dates(numbers: Any) -> list[datetime]:
        return [d.replace(tzinfo=None) for d in mdates.num2date(list(numbers))]

    series = []
    for axes in figure.axes:
        for line in axes.get_lines():
            xs, ys = line.get_xdata(orig=False), line.get_ydata(orig=False)
            if len(xs):
                series.append((dates(xs), [float(y) for y in ys]))
        for patch in axes.patches:
            if isinstance(patch, StepPatch):
                steps = patch.get_data()
                series.append((dates(steps.edges[:-1]), [float(v) for v in steps.values]))
    return series


def _bare_redraw(
    series: list[tuple[list[datetime], list[float]]], size_in: Any, dpi: float
) -> Callable[[], None]:
    """A bare matplotlib Figure of the same size and dpi drawing the same points (the same
    values, as many lines) as plain lines on one date axes, rendered with Agg; the dates and
    values made beforehand."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def draw() -> None:
        figure = Figure(figsize=tuple(size_in), dpi=dpi)
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        for xs, ys in series:
            axes.plot(xs, ys, linewidth=1)
        canvas.draw()

    return draw


def _summary_pdf(window: Any) -> list[float]:
    """The 90-day appointment summary ending on the journal's last recorded day: its data read
    (the service, as the dialog does), laid out and written to a PDF file."""
    from tracker.ui.printout import write_pdf

    services = window.services
    span = services.trends.span()
    assert span is not None
    end = span[1]
    start = end - timedelta(days=89)
    folder = Path(tempfile.mkdtemp(prefix="spine-bench-pdf-"))

    def one() -> None:
        pages = write_pdf(services.summary.summary_data(start, end), folder / "summary.pdf")
        assert pages > 0

    samples = _timed(one, 5)
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    return samples
