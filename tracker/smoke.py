"""``--smoke-test``: the window starts, opens its journal, says when, and closes itself.

    SpineJournal --smoke-test [--data-dir DIR]      (or: python main.py --smoke-test ...)

For checking a build (``tests/cli/test_bundle.py``) and timing its start (``make bench``): the
window starts as usual; once its journal is ready (``MainWindow.journal_ready``: the form can be
saved and the latest entries are listed) it prints one JSON line on standard output,
``{"first_frame": T1, "journal_ready": T2}``, the wall-clock instants (``time.time()``) of its
first paint (taken as ``benchmarks/probe.py`` takes it: in a zero timer started inside the first
Paint event) and of ``journal_ready``, then closes as Quit does, with exit code 0. A journal not
ready within ``TIMEOUT_S`` seconds (damaged, or it could not be opened) is one sentence on
standard error with the window's own status line, and exit code 1.
"""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from tracker.app import AppRun

TIMEOUT_S = 120.0
EXIT_NOT_READY = 1


def watch(session: AppRun, app: QApplication) -> None:
    """Make the window of ``session`` close itself once its journal is ready."""
    from PySide6.QtCore import QTimer

    window = session.window
    marks: dict[str, float] = {}

    def first_frame() -> None:
        marks.setdefault("first_frame", time.time())

    def ready() -> None:
        marks["journal_ready"] = time.time()
        print(json.dumps(marks), flush=True)
        QTimer.singleShot(0, window, close)

    def close() -> None:
        window.close()
        app.quit()

    def too_late() -> None:
        if "journal_ready" in marks:
            return
        status = window.status.text()
        print(
            f"spine-journal --smoke-test: the journal was not ready after {TIMEOUT_S:g} s "
            f"(the window says: {status})",
            file=sys.stderr,
            flush=True,
        )
        window.close()
        app.exit(EXIT_NOT_READY)

    window.shell_painted.connect(first_frame)  # emitted from the first paint's zero timer
    window.journal_ready.connect(ready)
    QTimer.singleShot(round(TIMEOUT_S * 1000), window, too_late)
