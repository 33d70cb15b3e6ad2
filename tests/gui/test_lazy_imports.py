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


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
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
