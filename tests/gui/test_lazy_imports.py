"""Building the main window imports no matplotlib (about 0.7 s with its Qt backend): the chart
comes after the first paint. Each check runs in a fresh interpreter, where ``sys.modules`` shows
what the import chain really pulls in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

BUILD_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tracker.app import build_window
session = build_window(Path(sys.argv[1]))
app.processEvents()
heavy = ("matplotlib", "tracker.charts", "tracker.ui.widgets.chart_view")
print(sorted(m for m in sys.modules if m.startswith(heavy)))
"""

CHART_VIEW_ALONE = """
import sys
import tracker.ui.widgets.chart_view
print(sorted(m for m in sys.modules if m.startswith(("tracker.ui.main_window", "tracker.app"))))
"""


def _run(code: str, *args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **variables}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def test_building_the_main_window_imports_no_matplotlib(tmp_path: Path) -> None:
    result = _run(BUILD_WINDOW, str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_the_chart_view_imports_on_its_own() -> None:
    result = _run(CHART_VIEW_ALONE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


TRENDS_CHOSEN_EARLY = """
import sys, threading
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import tracker.app as app_module
from tracker.domain.model import Entry, Pain
from tracker.services.journal import JournalService
from tracker.storage.database import open_journal
from datetime import datetime, timedelta

data = Path(sys.argv[1])
db = open_journal(data)
now = datetime.now().astimezone().replace(microsecond=0)
JournalService(db).save_entry(Entry(recorded_at=now - timedelta(days=1), pain=Pain(score=3)))
db.close()
imports_done = threading.Event()
import tracker.opening as opening
original = opening.open_folder
def held_back(folder, **kwargs):
    imports_done.wait(60)
    return original(folder, **kwargs)
opening.open_folder = held_back
app = QApplication([])
session = app_module.build_window(data)
window = session.window
seen = {}
def ready():
    window.tabs.setCurrentWidget(window.panels["trends"])
    QTimer.singleShot(200, look)
def look():
    seen["matplotlib before the services"] = (
        "matplotlib" in sys.modules and window.services is None
    )
    imports_done.set()
window.journal_ready.connect(ready)
window.chart_painted.connect(app.quit)
QTimer.singleShot(60000, app.quit)
window.show()
app.exec()
seen["chart drawn"] = window.panels["trends"].view is not None
print(seen)
"""


def test_the_trends_tab_chosen_while_the_journal_opens_imports_matplotlib_at_once(
    tmp_path: Path,
) -> None:
    """The chart's slow import starts as soon as the tab is chosen, beside the storage's, and
    the chart is drawn once the journal is open."""
    result = _run(TRENDS_CHOSEN_EARLY, str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last == "{'matplotlib before the services': True, 'chart drawn': True}", last


# The window started as ``python main.py`` starts it, its central widget watched by the
# script's ``FirstPaint`` (which reports and ends the process).
WATCHED_START = """
build_window = app_module.build_window

def watched(folder):
    session = build_window(folder)
    central = session.window.centralWidget()
    central.installEventFilter(FirstPaint(central))
    return session

app_module.build_window = watched
app_module.main(["--data-dir", sys.argv[1]])
"""

FIRST_FRAME = (
    """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import tracker.app as app_module

class FirstPaint(QObject):
    def eventFilter(self, _watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, report)
        return False

def report():
    # the reminders; the start's steps, the passphrase change's record and the commands
    # (``tracker.opening``, ``tracker.storage.conversion``, ``tracker.cli``)
    later = (
        "tracker.ui.reminders_flow", "tracker.domain.reminders", "tracker.opening",
        "tracker.storage", "tracker.cli", "tracker.commands",
    )
    print(sorted(m for m in sys.modules if m.startswith(later)))
    import PySide6.QtCore
    print("Qt namespace made:", "Qt" in vars(PySide6.QtCore))
    app = QApplication.instance()
    app.setStyleSheet("")  # the style sheet's style wraps the app's own
    print(app.style().name())
    sys.stdout.flush()
    os._exit(0)
"""
    + WATCHED_START
)


def test_the_first_frame_waits_for_what_comes_after_it_and_is_drawn_in_fusion(
    tmp_path: Path,
) -> None:
    """As ``python main.py`` starts: the reminders' flow, the start's steps, the storage (a
    passphrase change a crash left is settled once the window has painted) and the commands
    come after the first paint; so does the ``Qt`` namespace (its 93 enum classes, ~21 ms: a
    module on the first frame's path that imports ``Qt`` at its top makes them at once, see
    ``tracker/ui/theme.py``); and the style is Fusion (given to QApplication as
    ``-style Fusion``), even where the desktop asks for another (``QT_STYLE_OVERRIDE``)."""
    result = _run(FIRST_FRAME, str(tmp_path / "data"), QT_STYLE_OVERRIDE="Windows")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-3:] == [
        "[]",
        "Qt namespace made: False",
        "fusion",
    ]


DARK_DESKTOP = (
    """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
import tracker.app as app_module

make_app = app_module._application

def window_colour():
    return QApplication.instance().palette().color(QPalette.ColorRole.Window).name()

def dark_desktop():
    # the palette a dark desktop gives the app, set before the app is made
    QApplication.setPalette(QPalette(QColor("#303030"), QColor("#202020")))
    return make_app()

class FirstPaint(QObject):
    def eventFilter(self, _watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
            self.seen = True
            print("at the first paint:", window_colour())
            QTimer.singleShot(200, switched)
        return False

def switched():
    from PySide6.QtCore import Qt
    print("once painted:", window_colour())
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    print("switched to light:", window_colour())
    sys.stdout.flush()
    os._exit(0)

app_module._application = dark_desktop
"""
    + WATCHED_START
)


def test_a_dark_desktop_is_dark_from_the_first_paint_and_its_switches_are_followed(
    tmp_path: Path,
) -> None:
    """The first paint takes the scheme from the desktop's palette (a dark one: the dark
    palette at once, no light frame first); the desktop's named scheme is followed once the
    window has painted (``theme.follow_desktop``), so switching the desktop to light switches
    the window. Offscreen, the desktop names no scheme, so the palette's stays after the paint.
    """
    from tracker.ui.palettes import DARK, LIGHT

    result = _run(DARK_DESKTOP, str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-3:] == [
        f"at the first paint: {DARK.window}",
        f"once painted: {DARK.window}",
        f"switched to light: {LIGHT.window}",
    ]
