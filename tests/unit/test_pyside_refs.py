"""PySide6 6.12.0 takes a reference to ``None`` away on each call that returns nothing, and the
process aborts once ``None``'s count reaches zero (docs/known-issues.md); ``tracker.pyside_refs``
gives ``None``, ``True`` and ``False`` a count no run can use up. Each case runs in a process of
its own: the abort is the thing shown."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12) or sys.implementation.name != "cpython",
    reason="None is immortal here: no count to run out",
)

CALLS = """
from PySide6.QtWidgets import QApplication, QPushButton
app = QApplication([])
button = QPushButton("Save")
button.clicked.connect(lambda: None)
for _ in range(20_000):
    app.processEvents()
    button.click()
print("alive")
"""


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )


def test_the_installed_pyside_still_drops_none_so_the_guard_is_needed() -> None:
    """When this fails PySide6 is fixed: remove tracker/pyside_refs.py and its call."""
    probe = run("from tracker.pyside_refs import void_calls_drop_none as f; print(f())")
    assert probe.stdout.strip() == "True", probe.stderr


def test_without_the_guard_a_few_thousand_calls_abort() -> None:
    result = run(CALLS)
    assert result.returncode != 0 and "alive" not in result.stdout
    assert "deallocating None" in result.stderr


def test_with_the_guard_the_same_calls_end_normally() -> None:
    result = run("from tracker.pyside_refs import keep_singletons_alive as k\nassert k()\n" + CALLS)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "alive"


def test_the_window_start_applies_the_guard() -> None:
    """``tracker.app`` makes its QApplication with the guard on (the soak test shows the week
    it buys)."""
    result = run(
        "import sys\nfrom tracker.app import _application\n_application()\n"
        "print(sys.getrefcount(None) > sys.maxsize // 8)"
    )
    assert result.stdout.strip() == "True", result.stderr[-2000:]
