"""Re-take the README's screenshots on a real X screen:

- ``welcome.png``: the welcome page of a new, empty journal;
- ``example.png``: the example journal, opened from it ("Look around with example data first");
- ``checkin-light.png`` / ``checkin-dark.png``: today's check-in, on a fresh demo journal
  (ending yesterday), in the light and the dark palette;
- ``history-*.png``, ``trends-*.png``, ``redflags-*.png``: its History, Trends and Red flags
  tabs, light and dark.

    make screenshot        (or: .venv/bin/python docs/screenshot.py)

Without a display it re-runs itself under Xvfb (Debian's xvfb package, installed by
`make deps`). Each picture is a grab of the whole virtual screen, as a person would see it. The
window's remembered place (Qt's settings) is kept in the temporary folder, not the user's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from tracker.app import AppRun
    from tracker.ui.main_window import MainWindow

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SCREEN = "1280x720x24"
SETTLE_MS = 1500  # after a page is shown: its fonts, layout and chart painted
PAGES = ("checkin", "history", "trends", "redflags")


def main() -> int:
    if not os.environ.get("DISPLAY"):
        if shutil.which("xvfb-run") is None:
            print("screenshot: xvfb-run is missing (run `make deps` as root).", file=sys.stderr)
            return 1
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", sys.executable, __file__]
        return subprocess.call(command, env={**os.environ, "QT_QPA_PLATFORM": "xcb"})
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory() as folder:
        new, demo = Path(folder) / "spine-journal", Path(folder) / "demo"
        made = subprocess.run(
            [sys.executable, str(REPO / "main.py"), "demo", "--data-dir", str(demo)],
            capture_output=True, text=True,
        )  # fmt: skip
        if made.returncode != 0:
            print(made.stderr, file=sys.stderr)
            return 1
        from PySide6.QtCore import QSettings

        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(folder) / "settings")
        )
        return _shoot(new, demo)


def _wait(app: QApplication, done: Callable[[], bool], what: str, timeout: float = 90.0) -> None:
    from PySide6.QtTest import QTest

    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise SystemExit(f"screenshot: {what} did not happen within {timeout:.0f} s")
        QTest.qWait(50)
    QTest.qWait(SETTLE_MS)
    app.processEvents()


def _open(app: QApplication, folder: Path) -> AppRun:
    from tracker.app import build_window

    session = build_window(folder)
    window = session.window
    window.setGeometry(0, 0, 1280, 720)
    window.showMaximized()
    window.activateWindow()  # the focus ring shows only in the active window
    _wait(app, lambda: window.started_up, "the window's start")
    return session


def _save(app: QApplication, name: str) -> None:
    out = HERE / name
    app.primaryScreen().grabWindow(0).save(str(out))
    print(f"Saved {out}")


def _scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """The desktop's light or dark scheme; where Xvfb's desktop cannot be asked, its signal is
    sent as a desktop sends it (the window follows either way: tracker/ui/theme.py)."""
    hints = app.styleHints()
    hints.setColorScheme(scheme)
    if hints.colorScheme() != scheme:
        hints.colorSchemeChanged.emit(scheme)


def _page(window: MainWindow, name: str) -> QWidget:
    if name == "checkin":
        return window.entry_form
    if name == "history":
        return window.history
    page = window.panel("alerts" if name == "redflags" else name)
    assert page is not None
    return page


def _open_an_episode(page: QWidget) -> None:
    """The Red flags page with its newest episode of repeats opened, so that the picture shows
    an episode's row and its single alerts."""
    from tracker.ui.widgets.alert_log_panel import AlertLogPanel

    assert isinstance(page, AlertLogPanel)
    proxy = page.proxy
    for row in range(proxy.rowCount()):
        if proxy.rowCount(proxy.index(row, 0)) > 1:
            page.table.expand(proxy.index(row, 0))
            page.table.setCurrentIndex(proxy.index(row, 0))
            return


def _shoot(new: Path, demo: Path) -> int:
    from PySide6.QtCore import Qt

    from tracker.app import _application

    app = _application()
    _scheme(app, Qt.ColorScheme.Light)
    session = _open(app, new)
    _save(app, "welcome.png")
    session.window.first_start.page.example_button.click()
    _wait(app, session.window.first_start.bar.isVisible, "the example journal's bar")
    _save(app, "example.png")
    session.window.close()
    session.close()

    session = _open(app, demo)
    window = session.window
    painted: list[bool] = []
    window.chart_painted.connect(lambda: painted.append(True))
    for scheme, suffix in ((Qt.ColorScheme.Light, "light"), (Qt.ColorScheme.Dark, "dark")):
        _scheme(app, scheme)
        for name in PAGES:
            page = _page(window, name)
            window.tabs.setCurrentWidget(page)
            if name == "checkin":
                window.entry_form.focus_pain_score()
            if name == "redflags":
                _open_an_episode(page)
            _wait(app, (lambda: bool(painted)) if name == "trends" else page.isVisible, name)
            _save(app, f"{name}-{suffix}.png")
    _scheme(app, Qt.ColorScheme.Light)
    window.close()
    session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
