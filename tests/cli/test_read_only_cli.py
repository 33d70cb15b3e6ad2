"""A journal in a folder that cannot be written to (0500) can still be read: check, export,
flags, report and chart work without a lock file; a command that writes says in one sentence
that the folder cannot be written to, and nothing changes.

Tests run as root, whom file modes do not stop. The commands here run as root without the
capabilities that override them (``setpriv`` drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
from the bounding set), so the folder's mode is enforced for real."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_JOURNAL, REPO, run_cli

SETPRIV = shutil.which("setpriv")
WITHOUT_OVERRIDE = [SETPRIV or "setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def enforced() -> str | None:
    """Why the folder's mode could not be enforced here, or ``None`` when it can."""
    if os.name != "posix":
        return "file modes are POSIX"
    if os.geteuid() != 0:
        return None  # an ordinary user: the mode applies as it is
    if SETPRIV is None:
        return "setpriv (util-linux) is not installed"
    probe = subprocess.run(
        [*WITHOUT_OVERRIDE, sys.executable, "-c", "pass"], capture_output=True, check=False
    )
    return None if probe.returncode == 0 else "setpriv cannot drop capabilities here"


def as_user(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    prefix = WITHOUT_OVERRIDE if os.geteuid() == 0 else []
    command = [*prefix, sys.executable, str(REPO / "main.py"), *args, "--data-dir", str(data_dir)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        command, capture_output=True, text=True, cwd=REPO, env=env, timeout=120, check=False
    )


@pytest.fixture
def read_only(data_dir: Path) -> Iterator[Path]:
    reason = enforced()
    if reason is not None:
        pytest.skip(f"a read-only folder cannot be made here: {reason}")
    assert run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir).returncode == 0
    (data_dir / "journal.lock.command").unlink(missing_ok=True)
    os.chmod(data_dir, 0o500)
    try:
        yield data_dir
    finally:
        os.chmod(data_dir, 0o700)


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_the_folder_really_is_read_only_to_the_commands(read_only: Path) -> None:
    probe = as_user("import", str(EXAMPLE_JOURNAL), data_dir=read_only)
    assert probe.returncode == 1
    assert probe.stderr.strip() == (
        f"spine-journal import: The journal folder {read_only} cannot be written to, so nothing "
        "was changed; commands that only read (check, export, flags, report, chart) still work."
    )


def test_reading_commands_work_and_write_nothing_there(read_only: Path, tmp_path: Path) -> None:
    before = listing(read_only)
    check = as_user("check", data_dir=read_only)
    assert check.returncode == 0, check.stderr
    assert "entries: 23" in check.stdout and "Integrity check: ok" in check.stdout

    exported = as_user("export", "--out", "-", data_dir=read_only)
    assert exported.returncode == 0, exported.stderr
    assert '"format": "spine-journal"' in exported.stdout

    flags = as_user("flags", data_dir=read_only)
    assert flags.returncode == 0, flags.stderr
    assert '"evaluated_entry"' in flags.stdout

    out = tmp_path / "out"
    out.mkdir()
    chart = as_user("chart", "--out", str(out / "c.png"), data_dir=read_only)
    assert chart.returncode == 0, chart.stderr
    report = as_user(
        "report", "--from", "2026-09-01", "--to", "2026-09-30", "--out", str(out / "r.pdf"),
        data_dir=read_only,
    )  # fmt: skip
    assert report.returncode == 0, report.stderr
    assert (out / "c.png").stat().st_size > 0 and (out / "r.pdf").stat().st_size > 0
    assert listing(read_only) == before  # no lock file, no -wal or -shm, nothing changed


@pytest.mark.parametrize(
    "command",
    [("backup",), ("restore",), ("demo",), ("import", str(EXAMPLE_JOURNAL))],
)
def test_a_command_that_writes_says_the_folder_cannot_be_written(
    command: tuple[str, ...], read_only: Path
) -> None:
    before = listing(read_only)
    result = as_user(*command, data_dir=read_only)
    assert result.returncode == 1
    assert "cannot be written to, so nothing was changed" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert listing(read_only) == before
    assert stat.S_IMODE(read_only.stat().st_mode) == 0o500


def test_a_data_folder_under_a_folder_that_cannot_be_written_is_bad_usage(
    read_only: Path,
) -> None:
    result = as_user("check", data_dir=read_only / "new")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"spine-journal check: the folder {read_only / 'new'} cannot be created "
        "(Permission denied)."
    )
    assert not (read_only / "new").exists()
