"""Nothing leaves the laptop: no network module is ever loaded, no socket is ever opened."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

FULL_RUN = """
import socket, sys
from pathlib import Path
opened = []
real = socket.socket
class Spy(real):
    def __init__(self, family=-1, *args, **kwargs):
        if family in (socket.AF_INET, socket.AF_INET6):
            opened.append(family)
        super().__init__(family, *args, **kwargs)
socket.socket = Spy
from PySide6.QtCore import QTimer
from tracker.app import _application, build_window
app = _application()
session = build_window(Path(sys.argv[1]))
window = session.window
def done():
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
    app.quit()
window.journal_ready.connect(lambda: QTimer.singleShot(500, done))
window.show()
QTimer.singleShot(30000, app.quit)
app.exec()
session.close()
# (not "ssl": SQLAlchemy imports asyncio, which imports ssl; no socket is opened by that)
net = ("http.client", "urllib.request", "urllib3", "requests")
loaded = sorted(m for m in sys.modules if "QtNetwork" in m or m in net)
print("LOADED", loaded, "SOCKETS", opened)
"""


def test_a_full_gui_run_loads_no_network_module_and_opens_no_socket(data_dir: Path) -> None:
    assert run_cli("demo", "--years", "1", data_dir=data_dir).returncode == 0
    result = subprocess.run(
        [sys.executable, "-c", FULL_RUN, str(data_dir)],
        capture_output=True, text=True, cwd=REPO, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "LOADED [] SOCKETS []" in result.stdout, result.stdout


def test_the_suite_runs_with_network_sockets_disabled() -> None:
    with pytest.raises(AssertionError, match="network socket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    local = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    local.close()
