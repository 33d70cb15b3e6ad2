"""``--smoke-test``: the window starts, opens its journal, prints when, and closes itself
(``tracker/smoke.py``); a journal that never gets ready is an exit code of 1 and one sentence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE_JOURNAL, REPO, run_cli


def _marks(stdout: str) -> dict[str, float]:
    marks: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
    assert set(marks) == {"first_frame", "journal_ready"}
    assert marks["first_frame"] <= marks["journal_ready"]
    return marks


def test_the_window_opens_a_new_journal_prints_its_instants_and_closes(data_dir: Path) -> None:
    result = run_cli("--smoke-test", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    _marks(result.stdout)
    assert (data_dir / "journal.sqlite3").is_file()
    assert not (data_dir / "journal.lock").exists()  # closed: the lock is released
    checked = run_cli("check", data_dir=data_dir)
    assert checked.returncode == 0 and "Integrity check: ok" in checked.stdout


def test_the_window_closes_itself_on_a_journal_with_entries(data_dir: Path) -> None:
    assert run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir).returncode == 0
    result = run_cli("--smoke-test", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    _marks(result.stdout)
    checked = run_cli("check", data_dir=data_dir)
    assert "entries: 23" in checked.stdout


# in a process of its own, as a person runs it; the wait cut to 6 s (the window stays
# responsive while the start works, so the wait must outlast the start on a busy machine)
NOT_READY = """
import sys
import tracker.smoke
from tracker.app import main
tracker.smoke.TIMEOUT_S = 6.0
sys.exit(main(["--smoke-test", "--data-dir", sys.argv[1]]))
"""


def test_a_journal_that_never_gets_ready_is_exit_code_1_and_one_sentence(data_dir: Path) -> None:
    data_dir.mkdir()
    damaged = "Dear diary\n" * 500
    (data_dir / "journal.sqlite3").write_text(damaged)
    result = subprocess.run(
        [sys.executable, "-c", NOT_READY, str(data_dir)],
        capture_output=True, text=True, cwd=REPO, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stdout == ""  # no instants: the journal was never ready
    assert "the journal was not ready after 6 s" in result.stderr
    assert "The journal could not be read" in result.stderr  # the window's own words, again
    (kept,) = data_dir.glob("journal.damaged-*.sqlite3")  # set aside, never deleted
    assert kept.read_text() == damaged
    assert not (data_dir / "journal.lock").exists()


def test_the_data_folder_may_be_given_with_an_equals_sign(data_dir: Path) -> None:
    result = run_cli("--smoke-test", f"--data-dir={data_dir}")
    assert result.returncode == 0, result.stderr
    _marks(result.stdout)
    assert (data_dir / "journal.sqlite3").is_file()


def test_a_data_folder_option_without_its_folder_is_refused_in_one_sentence(
    tmp_path: Path,
) -> None:
    """Refused before any window or folder is made: nothing is written where the default
    journal would be."""
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "share"), "APPDATA": str(home)}
    result = run_cli("--smoke-test", "--data-dir", env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "spine-journal: --data-dir needs a folder after it.\n"
    assert list(home.iterdir()) == []
