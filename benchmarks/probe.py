"""Child processes the benchmark starts: each prints one JSON object on its last line.

    python -m benchmarks.probe bare_window
    python -m benchmarks.probe themed_window
    python -m benchmarks.probe ready_floor
    python -m benchmarks.probe chart_floor
    python -m benchmarks.probe chart_panels_floor
    python -m benchmarks.probe app DATA_DIR
    python -m benchmarks.probe inprocess DATA_DIR

The start-up probes print wall-clock instants (``time.time()``) that the harness compares with
the instant it started the process. Every instant is taken the same way on both sides: in a
zero-delay timer started from inside the watched widget's first ``Paint`` event, so it falls
just after that paint has finished (the app's own ``first_painted`` and ``chart_painted`` are
emitted the same way).

The floors and the app run under the same conditions: Python's cycle collector as any script
has it (the app no longer pauses it: ``benchmarks/README.md``).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _emit(values: dict[str, Any]) -> None:
    print(json.dumps(values), flush=True)


def peak_rss_mib() -> float:
    """The peak resident set of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _after_first_paint(widget: Any, then: Callable[[], None]) -> None:
    """Call ``then`` once, from a zero timer started inside ``widget``'s first Paint event."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, then)
            return False

    watcher = FirstPaint(widget)
    widget.installEventFilter(watcher)


# ---- the floors: a bare PySide6 window, shown the way the app shows its own ----------------


def _bare_window(
    after_paint: Callable[[Any, dict[str, float]], bool], *, themed: bool = False
) -> None:
    """A bare QMainWindow of the app's size; ``after_paint`` runs just after its first paint
    and returns True when the process may quit. ``themed``: with the app's theme installed
    first, as the app does (the scheme its palette shows, the palette and the style sheet)."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    if themed:  # as ``tracker.app`` makes its QApplication
        from tracker.ui.theme import STYLE_ARGUMENTS, install

        app = QApplication([sys.argv[0], *STYLE_ARGUMENTS])
        install(app, styled=True, following=False)
    else:
        app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Spine Journal"))
    window.resize(1280, 720)
    marks: dict[str, float] = {}

    def painted() -> None:
        marks["first_frame"] = time.time()
        if after_paint(window, marks):
            app.quit()

    _after_first_paint(window.centralWidget(), painted)
    window.show()
    app.exec()
    _emit(marks)


def bare_window() -> None:
    _bare_window(lambda _window, _marks: True)


def themed_window() -> None:
    _bare_window(lambda _window, _marks: True, themed=True)


def _import_orm(marks: dict[str, float]) -> None:
    import sqlalchemy.orm  # noqa: F401 - the import is what is measured

    marks["ready"] = time.time()


def ready_floor() -> None:
    def after(_window: Any, marks: dict[str, float]) -> bool:
        _import_orm(marks)
        return True

    _bare_window(after)


def chart_floor(panels: int = 0) -> None:
    """The ready floor, then matplotlib's Qt backend imported and one empty figure painted in
    the window; with ``panels``, a figure of that many empty panels one above the other
    (matplotlib's own axes and ticks, nothing drawn in them)."""

    def after(window: Any, marks: dict[str, float]) -> bool:
        _import_orm(marks)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure
        from PySide6.QtWidgets import QApplication

        figure = Figure()
        if panels:
            figure.subplots(panels, 1)
        canvas = FigureCanvasQTAgg(figure)

        def painted() -> None:
            marks["chart"] = time.time()
            QApplication.quit()

        _after_first_paint(canvas, painted)
        window.setCentralWidget(canvas)
        return False

    _bare_window(after)


# ---- the app, started through its real entry point -------------------------------------------


def app(data_dir: str) -> None:
    """``tracker.app.main(["--data-dir", DATA_DIR])``, as ``python main.py`` runs it, with the
    window watched: its first paint, the journal ready (the ``journal_ready`` signal: form
    enabled, latest entries listed), the event loop free again (a key press would be handled),
    then the Trends tab chosen at once (as a person clicking it) and the chart's first paint.
    Also the peak memory once the chart is shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import tracker.app

    marks: dict[str, float] = {}
    build_window = tracker.app.build_window

    def watched(folder: Any) -> Any:
        session = build_window(folder)
        window = session.window

        def first_frame() -> None:
            marks["first_frame"] = time.time()

        # Installed after the window's own filter, so called before it: this zero timer is
        # queued (and fires) before the one that emits ``first_painted`` and opens the journal.
        _after_first_paint(window.centralWidget(), first_frame)

        def ready() -> None:
            marks["ready"] = time.time()
            marks["entries_listed"] = window.history.model.rowCount()
            marks["save_enabled"] = window.entry_form.save_button.isEnabled()
            QTimer.singleShot(0, responsive)

        def responsive() -> None:
            # The first moment the event loop is back, so a key press would be handled: the
            # work done in the same slot after ``journal_ready`` (the chart's set-up) is over.
            marks["responsive"] = time.time()
            window.tabs.setCurrentWidget(window.panels["trends"])

        def chart() -> None:
            marks["chart"] = time.time()
            marks["peak_rss_mib"] = peak_rss_mib()
            QApplication.quit()

        window.journal_ready.connect(ready)
        window.chart_painted.connect(chart)
        return session

    tracker.app.build_window = watched
    code = tracker.app.main(["--data-dir", data_dir])
    if code != 0:
        raise SystemExit(f"the app exited with {code}")
    _emit(marks)


def main() -> int:
    kind, *rest = sys.argv[1:]
    if kind == "app":
        app(rest[0])
    elif kind == "inprocess":
        from benchmarks.inprocess import run

        _emit(run(rest[0]))
    else:
        {
            "bare_window": bare_window,
            "themed_window": themed_window,
            "ready_floor": ready_floor,
            "chart_floor": chart_floor,
            "chart_panels_floor": lambda: chart_floor(panels=4),
        }[kind]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
