"""The window remembers its size and place: the next start shows it there, on a screen that
exists then. Each start is a separate process on Qt's offscreen platform, given screens like a
desktop's (one, or two side by side); Qt's settings go to the test's temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QRect, QSize

from tests.conftest import REPO
from tracker.ui.window_place import KEYS, clamped

START = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
from tracker.ui.main_window import MainWindow
window = MainWindow(Path(sys.argv[2]) / "journal.sqlite3")
window.show()
app.processEvents()
print(*window.geometry().getRect(), int(window.isMaximized()))
if sys.argv[3] == "move":
    window.setGeometry(*(int(n) for n in sys.argv[4:8]))
elif sys.argv[3] == "maximize":
    window.showMaximized()
app.processEvents()
window.close()
"""
ONE = [(0, 0, 1920, 1080)]
TWO = [(0, 0, 1920, 1080), (1920, 0, 1280, 1024)]


def _start(tmp_path: Path, screens: list[tuple[int, int, int, int]], *do: str) -> list[int]:
    """One start of the window: where it first shows (x, y, width, height, maximized)."""
    config = tmp_path / f"screens-{len(screens)}.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": f"screen {n}", "x": x, "y": y, "width": w, "height": h}
                    for n, (x, y, w, h) in enumerate(screens)
                ]
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    settings, data = tmp_path / "settings", tmp_path / "data"
    data.mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", START, str(settings), str(data), *(do or ("look",))],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return [int(n) for n in result.stdout.split()[-5:]]


def test_the_window_comes_back_where_it_was(tmp_path: Path) -> None:
    first = _start(tmp_path, TWO, "move", "2100", "90", "1100", "800")
    assert first == [*first[:4], 0]  # a first start: no place kept yet
    assert _start(tmp_path, TWO) == [2100, 90, 1100, 800, 0]
    ini = next((tmp_path / "settings").rglob("*.ini"))
    written = ini.read_text(encoding="utf-8")
    assert {line.split("=")[0] for line in written.splitlines() if "=" in line} == {
        key.split("/")[1] for key in KEYS
    }  # numbers only: nothing of the journal


def test_a_screen_that_is_gone_brings_the_window_onto_one_there_is(tmp_path: Path) -> None:
    _start(tmp_path, TWO, "move", "2100", "90", "1100", "800")
    x, y, width, height, _ = _start(tmp_path, ONE)
    assert QRect(0, 0, 1920, 1080).contains(QRect(x, y, width, height))
    assert (width, height) == (1100, 800)


def test_a_maximized_window_comes_back_maximized(tmp_path: Path) -> None:
    _start(tmp_path, ONE, "maximize")
    assert _start(tmp_path, ONE)[4] == 1


def test_settings_that_are_not_numbers_leave_the_usual_size(tmp_path: Path) -> None:
    folder = tmp_path / "settings" / "spine-journal"
    folder.mkdir(parents=True)
    (folder / "window.ini").write_text("[window]\nx=left\ny=2\nwidth=3\nheight=4\nmaximized=0\n")
    assert _start(tmp_path, ONE)[2:] == [1280, 720, 0]


def test_a_place_larger_than_the_screen_is_shrunk_but_not_below_the_minimum() -> None:
    screen = QRect(0, 0, 1366, 768)
    minimum = QSize(1024, 640)
    assert clamped(QRect(-300, 500, 3000, 2000), [screen], minimum) == QRect(0, 0, 1366, 768)
    assert clamped(QRect(900, 700, 1100, 700), [screen], minimum) == QRect(266, 68, 1100, 700)
    small = QRect(0, 0, 800, 600)
    assert clamped(QRect(50, 50, 900, 700), [small], minimum) == QRect(0, 0, 1024, 640)
