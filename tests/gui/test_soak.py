"""A week running (issue 15): the real window, started as a person starts it, on the imported
example journal, driven through a week of one-second timer ticks with explicit event
processing, zero-delay calls, page switches and saves (tests/gui/soak_week.py, in a subprocess
so that an abort is seen as one). It must end alive, its saves stored, and its resident memory
at the end within 10% of what it was after the warm-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_JOURNAL, REPO, run_cli
from tests.gui import soak_week

EXAMPLE_ENTRIES = 23


def stored_entries(data_dir: Path) -> int:
    from tracker.services.registry import build_services
    from tracker.storage.database import open_journal

    db = open_journal(data_dir)
    try:
        return len(build_services(db).journal.entries())
    finally:
        db.close()


@pytest.mark.slow
def test_a_week_running_leaves_the_window_alive_and_its_memory_flat(data_dir: Path) -> None:
    assert run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir).returncode == 0
    assert stored_entries(data_dir) == EXAMPLE_ENTRIES
    result = subprocess.run(
        [sys.executable, "-m", "tests.gui.soak_week", str(data_dir)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    week = soak_week.WEEK_OF_SECONDS
    assert report["ticks"] == week
    assert report["process_events"] == week // soak_week.PROCESS_EVENTS_EVERY
    assert report["zero_calls_run"] == report["zero_calls"] == week // soak_week.ZERO_CALL_EVERY
    assert report["switches"] == week // soak_week.SWITCH_EVERY
    assert report["saves"] == week // soak_week.SAVE_EVERY
    assert stored_entries(data_dir) == EXAMPLE_ENTRIES + report["saves"]
    warm, end = report["warm_rss"], report["end_rss"]
    assert warm > 0
    assert end <= warm * 1.10, f"resident memory grew from {warm >> 20} MiB to {end >> 20} MiB"


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="Linux's /proc only")
def test_resident_memory_from_proc_is_what_ps_reports() -> None:
    from_proc, from_ps = soak_week.proc_resident_bytes(), soak_week.ps_resident_bytes()
    assert 0.8 < from_proc / from_ps < 1.25
    assert soak_week.resident_bytes() > 10 << 20


@pytest.mark.skipif(sys.platform == "win32", reason="no ps on Windows")
def test_resident_memory_from_ps_grows_with_what_is_held() -> None:
    before = soak_week.ps_resident_bytes()
    held = bytearray(64 << 20)
    held[::4096] = b"x" * len(held[::4096])  # touched, so resident
    assert soak_week.ps_resident_bytes() - before > 32 << 20
    del held


@pytest.mark.skipif(sys.platform != "win32", reason="Windows' working set")
def test_resident_memory_on_windows_is_the_working_set() -> None:
    before = soak_week.windows_working_set()
    held = bytearray(64 << 20)
    held[::4096] = b"x" * len(held[::4096])
    assert soak_week.windows_working_set() - before > 32 << 20
    assert soak_week.resident_bytes() > 10 << 20
    del held
