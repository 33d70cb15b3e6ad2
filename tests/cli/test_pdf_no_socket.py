"""Writing a PDF opens no socket: not ``report --out r.pdf``, not the window's "Save as PDF".
A ``QPrinter`` asks the print service (CUPS: 127.0.0.1:631, [::1]:631 or ``CUPS_SERVER``) for
its default printer as it is made, so PDFs go through a ``QPdfWriter``."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

pytestmark = pytest.mark.skipif(
    shutil.which("strace") is None, reason="strace (Linux only) watches the system calls"
)

INET = ("AF_INET", "AF_INET6")


def traced(
    command: list[str], trace: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """``command`` under ``strace -f``: its ``socket`` and ``connect`` calls logged to ``trace``,
    and made to fail."""
    return subprocess.run(
        ["strace", "-f", "-qq", "-o", str(trace), "-e", "trace=socket,connect",
         "-e", "inject=socket,connect:error=EACCES", *command],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=300,
    )  # fmt: skip


def calls(trace: Path) -> list[str]:
    """The ``socket`` and ``connect`` calls of the trace."""
    lines = trace.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if " socket(" in line or " connect(" in line]


class PrintServer:
    """A Unix socket standing in for the print server (``CUPS_SERVER`` may name one): every
    connection is counted and closed at once, so a client that came would fail fast rather
    than wait for an answer. (This test's process may open no internet socket itself.)"""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connections = 0
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(str(path))
        self._server.listen(8)
        self._server.settimeout(0.1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _address = self._server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            client.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._server.close()


def watched(command: list[str], tmp_path: Path, env: dict[str, str]) -> list[str]:
    """Run ``command`` twice and return the socket calls of the first run: once under
    ``strace`` with every ``socket`` and ``connect`` made to fail (the print server's default
    place is 127.0.0.1:631 and [::1]:631), once with ``CUPS_SERVER`` naming a listening
    socket, which must see no connection. Both runs must succeed."""
    env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "CUPS_SERVER"):
        env.pop(name, None)
    trace = tmp_path / "sockets.trace"
    result = traced(command, trace, env)
    assert result.returncode == 0, result.stderr
    assert trace.exists(), "strace could not watch the command"
    server = PrintServer(tmp_path / "cups.sock")
    try:
        again = subprocess.run(
            command, capture_output=True, text=True, cwd=REPO, timeout=300,
            env={**env, "CUPS_SERVER": str(server.path)},
        )  # fmt: skip
    finally:
        server.close()
    assert again.returncode == 0, again.stderr
    assert server.connections == 0, "the print server was asked"
    return calls(trace)


def assert_no_inet(made: list[str]) -> None:
    assert not [c for c in made if any(family in c for family in INET)], made
    assert not [c for c in made if " connect(" in c], made


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    made = run_cli("demo", "--years", "1", data_dir=folder)
    assert made.returncode == 0, made.stderr
    return folder


def test_report_opens_no_socket(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    command = [sys.executable, str(REPO / "main.py"), "report", "--out", str(out),
               "--data-dir", str(demo_dir)]  # fmt: skip
    assert_no_inet(watched(command, tmp_path, dict(os.environ)))
    assert "Spine Journal summary" in pdf_text(out)


WINDOW_SAVES_A_PDF = textwrap.dedent(
    """
    import sys
    from dataclasses import dataclass
    from pathlib import Path

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from tracker.services.summary import SummaryService
    from tracker.storage.database import open_journal
    from tracker.ui.dialogs.appointment_summary_dialog import AppointmentSummaryDialog


    @dataclass(frozen=True)
    class SummaryOnly:
        summary: SummaryService


    db = open_journal(Path(sys.argv[1]))
    dialog = AppointmentSummaryDialog(SummaryOnly(SummaryService(db)))
    dialog._ask_pdf_path = lambda suggested: Path(sys.argv[2])
    dialog.show()
    QTest.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert "saved as" in dialog.message.text(), dialog.message.text()
    db.close()
    """
)


def test_the_windows_save_as_pdf_opens_no_socket(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "saved.pdf"
    script = tmp_path / "save_as_pdf.py"
    script.write_text(WINDOW_SAVES_A_PDF, encoding="utf-8")
    command = [sys.executable, str(script), str(demo_dir), str(out)]
    assert_no_inet(watched(command, tmp_path, {**os.environ, "PYTHONPATH": str(REPO)}))
    assert "Spine Journal summary" in pdf_text(out)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
