"""A week of the window, compressed: run as ``python -m tests.gui.soak_week DATA_DIR [TICKS]``
from the checkout (tests/gui/test_soak.py runs it in a subprocess).

The app starts as a person starts it (``tracker.app.main``); once its journal is ready a
zero-delay timer ticks ``TICKS`` times (604,800 by default: one a second for a week), and on its
ticks the person's week happens: events processed, zero-delay calls, a page chosen by a click on
its tab, an entry saved by typing its pain score and clicking Save. The widgets are found as a
person (or a screen reader) finds them: the window's tabs by their titles, the score by its
object name, the button by its text. At the end one JSON line on standard output has the counts
and the resident memory after the warm-up and at the end; the window then closes as Quit does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QPushButton, QTabWidget

WEEK_OF_SECONDS = 7 * 24 * 60 * 60
PROCESS_EVENTS_EVERY = 4  # an explicit processEvents() (as a long task does)
ZERO_CALL_EVERY = 8  # a QTimer.singleShot(0, ...) call
SWITCH_EVERY = 2_000  # a click on the next page's tab
SAVE_EVERY = 4_000  # a saved entry
WARM_UP_SHARE = 0.2  # memory is measured after this share of the ticks, and at the end


def resident_bytes() -> int:
    """This process's resident memory now (not its peak), on Linux, macOS and Windows."""
    if Path("/proc/self/statm").exists():
        return proc_resident_bytes()
    if sys.platform == "win32":
        return windows_working_set()
    return ps_resident_bytes()  # macOS and the other Unix systems


def proc_resident_bytes() -> int:
    statm = Path("/proc/self/statm").read_text(encoding="ascii")
    return int(statm.split()[1]) * os.sysconf("SC_PAGE_SIZE")


def ps_resident_bytes() -> int:
    ps = subprocess.run(
        ["ps", "-o", "rss=", "-p", str(os.getpid())], capture_output=True, text=True, check=True
    )
    return int(ps.stdout.strip()) * 1024


def windows_working_set() -> int:
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(Counters)
    windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]
    process = windll.kernel32.GetCurrentProcess()
    if not windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
        raise OSError("GetProcessMemoryInfo failed")
    return int(counters.WorkingSetSize)


class Week:
    """The person's week, driven from a zero-delay timer inside the app's own event loop."""

    def __init__(self, ticks: int) -> None:
        from PySide6.QtCore import QTimer

        self.ticks = ticks
        self.done = 0
        self.counts = {"process_events": 0, "zero_calls": 0, "switches": 0, "saves": 0}
        self.zero_calls_run = 0
        self.warm_rss = 0
        self.timer = QTimer()
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.tick)

    def start_when_ready(self) -> None:
        """Once the window's journal is open: its tabs shown and the form's Save usable."""
        from PySide6.QtCore import QTimer

        button = self._save_button()
        if button is not None and button.isEnabled():
            self.timer.start()
        else:
            QTimer.singleShot(50, self.start_when_ready)

    # ---- the window, found by what a person sees ------------------------------------------

    def _main_window(self) -> QMainWindow | None:
        from PySide6.QtWidgets import QApplication, QMainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
        return windows[0] if windows else None

    def _tabs(self) -> QTabWidget | None:
        """The window's pages: the visible tabs that have a History page."""
        from PySide6.QtWidgets import QTabWidget

        window = self._main_window()
        if window is None:
            return None
        for tabs in window.findChildren(QTabWidget):
            titles = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
            if "History" in titles and tabs.isVisible():
                return tabs
        return None

    def _pages(self) -> QTabWidget:
        tabs = self._tabs()
        assert tabs is not None, "the window's pages are not shown"
        return tabs

    def _save_button(self) -> QPushButton | None:
        from PySide6.QtWidgets import QPushButton

        tabs = self._tabs()
        page = None if tabs is None else tabs.widget(0)
        if page is None:
            return None
        for button in page.findChildren(QPushButton):
            if button.text().replace("&", "") == "Save entry":
                return button
        return None

    # ---- the week -----------------------------------------------------------------------

    def tick(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        self.done += 1
        n = self.done
        if n % PROCESS_EVENTS_EVERY == 0:
            QApplication.processEvents()
            self.counts["process_events"] += 1
        if n % ZERO_CALL_EVERY == 0:
            QTimer.singleShot(0, self._zero_call)
            self.counts["zero_calls"] += 1
        if n % SWITCH_EVERY == 0:
            self._switch_page()
        if n % SAVE_EVERY == 0:
            self._save()
        if n == int(self.ticks * WARM_UP_SHARE):
            self.warm_rss = resident_bytes()
        if n >= self.ticks:
            self.timer.stop()
            QTimer.singleShot(0, self._finish)

    def _zero_call(self) -> None:
        self.zero_calls_run += 1

    def _click_tab(self, index: int) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        bar = self._pages().tabBar()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        if bar.currentIndex() != index:
            raise AssertionError(f"the click on tab {index} did not show its page")

    def _switch_page(self) -> None:
        bar = self._pages().tabBar()
        self._click_tab((bar.currentIndex() + 1) % bar.count())
        self.counts["switches"] += 1

    def _save(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QWidget

        if self._pages().currentIndex() != 0:
            self._click_tab(0)
        page = self._pages().widget(0)
        assert page is not None, "the window has no entry page"
        score = page.findChild(QWidget, "painScore")  # the row of eleven score buttons
        button = self._save_button()
        assert score is not None and button is not None
        score.setFocus()
        QTest.keyClicks(score, str(2 + self.counts["saves"] % 2))
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self.counts["saves"] += 1

    def _finish(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        report = {
            "ticks": self.done,
            **self.counts,
            "zero_calls_run": self.zero_calls_run,
            "warm_rss": self.warm_rss,
            "end_rss": resident_bytes(),
            "none_refs": sys.getrefcount(None),
        }
        print(json.dumps(report), flush=True)
        window = self._main_window()
        assert window is not None, "the window is gone"
        window.close()


def main(argv: list[str]) -> int:
    """Start the app as ``tracker.app.main`` does, with the week hooked to its window."""
    from tracker import app

    data_dir = argv[0]
    ticks = int(argv[1]) if len(argv) > 1 else WEEK_OF_SECONDS
    real_build = app.build_window
    weeks: list[Week] = []  # kept alive while the window runs

    def build_then_drive(folder: Path) -> app.AppRun:
        session = real_build(folder)
        weeks.append(Week(ticks))
        weeks[-1].start_when_ready()
        return session

    app.build_window = build_then_drive
    return app.main(["--data-dir", data_dir])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
