"""Where the window's start spends its time, for the start-up figures of ``make bench``.

    .venv/bin/spine-journal --data-dir /tmp/j10 demo --years 10 --busy   (once)
    QT_QPA_PLATFORM=offscreen PYTHONPYCACHEPREFIX=/tmp/pyc \\
        .venv/bin/python -m benchmarks.profile_start /tmp/j10 [N]

Starts the app as ``python main.py`` does, chooses the Trends tab as soon as the journal is
ready (as the benchmark's probe does), and quits at the chart's first paint. It prints a
timeline of both threads (milliseconds from the start of this script: the window's first paint,
the pages, the start thread's imports, journal_ready, the opening finished, the chart made,
its first paint), then the N functions (default 40) that took longest, by cumulative time, on
the window's thread from the Trends tab's choice to that paint (cProfile: the figures are about
twice the real ones). Run it twice: the first run also writes the bytecode cache.

N = 0 leaves the profiler out, so that the timeline's figures are the real ones. Each mark
also gives the CPU time its thread had used by then, and the end the CPU time of the whole
process: the threads take turns holding the GIL, so the start is about one CPU's work, and the
time to the chart is about the sum of what every thread does before it.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import cProfile  # noqa: E402
import functools  # noqa: E402
import pstats  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

MARKS: list[tuple[float, float, str, str]] = []
CPU: list[float] = []


def mark(what: str) -> None:
    """When (ms from the start of this script), and the CPU time its thread had used by then."""
    at, cpu = (time.perf_counter() - T0) * 1000, time.thread_time() * 1000
    MARKS.append((at, cpu, threading.current_thread().name, what))


def timed(owner: Any, name: str) -> None:
    """Mark when ``owner.name`` is entered and left."""
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        mark(f"> {name}")
        try:
            return original(*args, **kwargs)
        finally:
            mark(f"< {name}")

    setattr(owner, name, wrapper)


def main() -> int:
    data_dir, *rest = sys.argv[1:]
    rows = int(rest[0]) if rest else 40
    import tracker.app as app
    from tracker import opening as steps
    from tracker.ui import main_window
    from tracker.ui.widgets import trends_page

    profile = cProfile.Profile()
    timed(steps, "open_folder")
    opening = steps.open_folder

    def open_folder(*args: Any, **kwargs: Any) -> Any:
        """``open_folder``'s own imports first (its first step), then its steps timed."""
        mark("> imports")
        from tracker.services import registry
        from tracker.services.backups import BackupService
        from tracker.services.trends import TrendsService
        from tracker.services.unreadable import UnreadableService
        from tracker.storage import database

        mark("< imports")
        timed(BackupService, "check_on_start")
        timed(UnreadableService, "find")
        timed(database, "open_journal")
        timed(registry, "build_services")
        timed(TrendsService, "prepare_first_chart")
        return opening(*args, **kwargs)

    steps.open_folder = open_folder
    timed(trends_page.TrendsPage, "build")
    timed(trends_page.TrendsPage, "set_services")
    timed(app.AppRun, "_started")
    timed(main_window.MainWindow, "_build_pages")
    timed(main_window.MainWindow, "attach")
    build_window = app.build_window

    def watched(folder: Any) -> Any:
        session = build_window(folder)
        window = session.window
        window.shell_painted.connect(lambda: mark("first paint (shell)"))

        def ready() -> None:
            from PySide6.QtCore import QTimer

            mark("journal_ready")

            def choose() -> None:
                mark("Trends tab chosen")
                if rows:
                    profile.enable()
                window.tabs.setCurrentWidget(window.panels["trends"].as_widget())

            QTimer.singleShot(0, choose)

        def painted() -> None:
            from PySide6.QtWidgets import QApplication

            profile.disable()
            mark("chart painted")
            used = resource.getrusage(resource.RUSAGE_SELF)
            CPU.append((used.ru_utime + used.ru_stime) * 1000)
            QApplication.quit()

        window.journal_ready.connect(ready)
        window.chart_painted.connect(painted)
        return session

    app.build_window = watched
    code = app.main(["--data-dir", data_dir])
    print("      ms  thread cpu  thread                what")
    for at, cpu, thread, what in MARKS:
        print(f"{at:8.1f}  {cpu:10.1f}  {thread[:20]:<20}  {what}")
    if CPU:  # the chart painted
        print(f"CPU time of the process (all threads, from its start) at the chart: {CPU[0]:.0f}")
    if rows:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(rows)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
