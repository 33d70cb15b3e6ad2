"""One copy of the app per journal, and an installed wheel that finds its own files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

HOLD_LOCK = """
import sys, time
from pathlib import Path
from tracker.paths import JournalLock
lock = JournalLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def _lock_holder(folder: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "locked"
    return process


def test_a_second_copy_of_the_app_is_told_the_journal_is_already_open(data_dir: Path) -> None:
    holder = _lock_holder(data_dir)
    try:
        window = subprocess.Popen(
            [sys.executable, str(REPO / "main.py"), "--data-dir", str(data_dir)],
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert window.stderr is not None
        message = window.stderr.readline()
        window.kill()
        window.communicate()
        assert f"already open on this journal (process {holder.pid})" in message
        assert not (data_dir / "journal.sqlite3").exists()  # it did not open the journal
        imported = run_cli("demo", "--years", "1", data_dir=data_dir)
        assert imported.returncode == 1 and "already open" in imported.stderr
    finally:
        holder.kill()
        holder.communicate()


def test_a_lock_left_by_a_killed_process_is_taken_over(data_dir: Path) -> None:
    holder = _lock_holder(data_dir)
    holder.send_signal(signal.SIGKILL)
    holder.communicate()
    assert (data_dir / "journal.lock").exists()
    result = run_cli("demo", "--years", "1", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert not (data_dir / "journal.lock").exists()


@pytest.mark.slow
def test_the_installed_wheel_finds_its_resources_and_migrations(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(REPO)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("spine_journal-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tracker/storage/migrations/versions/0001_initial.py" in names
    assert "tracker/storage/migrations/env.py" in names
    assert "tracker/resources/style.qss" in names
    assert "tracker/resources/icons/spine-journal.svg" in names

    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    site = next((env_dir / "lib").glob("python*/site-packages"))
    # The new environment sees the already-installed dependencies (no network), not the checkout:
    # a plain path line adds the folder but does not run its .pth files (the editable install).
    dependencies = next(p for p in map(Path, sys.path) if (p / "sqlalchemy").is_dir())
    (site / "deps.pth").write_text(f"{dependencies}\n")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "install",
         "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    script = env_dir / "bin" / "spine-journal"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}
    where = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c", "import tracker; print(tracker.__file__)"],
        capture_output=True, text=True, cwd=outside, env=env,
    )  # fmt: skip
    assert where.stdout.startswith(str(site)), where.stdout + where.stderr
    found = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c",
         "import tracker; print(tracker.resource('style.qss'))"],
        capture_output=True, text=True, cwd=outside, env=env,
    )  # fmt: skip
    assert found.stdout.strip() == str(site / "tracker" / "resources" / "style.qss"), found.stderr
    helped = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, cwd=outside, env=env
    )
    assert helped.returncode == 0 and "check" in helped.stdout, helped.stderr
    checked = subprocess.run(
        [str(script), "check", "--data-dir", str(tmp_path / "journal")],
        capture_output=True, text=True, cwd=outside, env=env,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert "Integrity check: ok" in checked.stdout


def test_the_window_command_line_accepts_a_data_dir(data_dir: Path) -> None:
    """The window starts, paints, opens the journal in --data-dir and can be closed."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "QTimer.singleShot(3000, app.quit)\n"
        "from tracker.app import main\n"
        "sys.exit(main(['--data-dir', sys.argv[1]]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(data_dir)],
        capture_output=True, text=True, cwd=REPO, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (data_dir / "journal.sqlite3").exists()
