"""An entry is stored whole or not at all: saves killed at random moments, and a full disk.

The saves run in child processes through the service layer (``JournalService.save_entry``), as
the window makes them. A child prints an entry's id only after ``save_entry`` returned, so every
printed id is a save that reported success to the person.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import REPO
from tracker.storage.database import open_journal

SAVER = r"""
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tracker.domain.model import Entry, Pain
from tracker.services.journal import JournalService
from tracker.storage.database import open_journal

T0 = datetime(2026, 1, 1, 8, 0, tzinfo=timezone.utc)


def note(n):
    return (f"entry {n} of the crash test. " * 200)[:3000]


service = JournalService(open_journal(Path(sys.argv[1])))
n = int(sys.argv[2])
print("ready", flush=True)
while True:
    saved = service.save_entry(
        Entry(recorded_at=T0 + timedelta(hours=n), pain=Pain(n % 11), walking=n % 4, note=note(n))
    )
    print(saved.entry.id, n, flush=True)
    n += 1
"""

KILLS_PER_LANE = 16  # two lanes, one per core: 32 kills in all
LONGEST_WAIT_S = 0.25


def expected_note(n: int) -> str:
    return (f"entry {n} of the crash test. " * 200)[:3000]


def stored_entries(path: Path) -> dict[str, tuple[str, int, int]]:
    """id -> (note, pain, walking), read from a copy so that the journal keeps its -wal."""
    copy = path.parent.parent / f"{path.parent.name}-check"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(path.parent, copy)
    try:
        with contextlib.closing(sqlite3.connect(copy / path.name)) as con:
            assert [row[0] for row in con.execute("PRAGMA integrity_check")] == ["ok"]
            rows = con.execute("SELECT id, note, pain_score, walking FROM entries").fetchall()
    finally:
        shutil.rmtree(copy)
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def kill_rounds(folder: Path, rng: random.Random) -> tuple[dict[str, int], int]:
    """Start a saver, kill it at a random moment, check; again. One round in four kills it
    while it opens the journal, the others at a random moment after its first save. Returns
    the reported saves (id -> n) and the number of kills after the first save."""
    reported: dict[str, int] = {}
    next_n, while_saving = 0, 0
    for number in range(KILLS_PER_LANE):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(folder), str(next_n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n", child.stderr.read() if child.stderr else ""
        first = ""
        if number % 4 == 0:
            time.sleep(rng.uniform(0, 0.02))
        else:
            first = child.stdout.readline()
            time.sleep(rng.uniform(0, LONGEST_WAIT_S))
        os.kill(child.pid, signal.SIGKILL)
        output, errors = child.communicate()
        assert child.returncode == -signal.SIGKILL, errors
        lines = (first + output).split("\n")
        for line in lines[:-1]:  # the last piece is incomplete, or empty
            entry_id, n = line.split()
            reported[entry_id] = int(n)
            next_n = int(n) + 1
        next_n += 1  # the save in flight may have been stored: never reuse its number
        while_saving += 1 if first else 0
        stored = stored_entries(folder / "journal.sqlite3")
        missing = set(reported) - set(stored)
        assert not missing, f"saves reported but lost: {sorted(missing)}"
    return reported, while_saving


@pytest.mark.slow
def test_saves_killed_at_random_moments_lose_nothing_reported(tmp_path: Path) -> None:
    seed = random.randrange(2**32)
    lanes = [tmp_path / "lane-a", tmp_path / "lane-b"]
    for folder in lanes:
        open_journal(folder).close()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(kill_rounds, lanes, [random.Random(seed + i) for i in range(len(lanes))])
        )
    for folder, (reported, while_saving) in zip(lanes, results, strict=True):
        assert while_saving == KILLS_PER_LANE * 3 // 4
        stored = stored_entries(folder / "journal.sqlite3")
        assert set(reported) <= set(stored), f"seed {seed}"
        # whole or nothing: every stored entry is exactly what its save asked for, and at most
        # one save per kill was stored without having been reported
        for entry_id, (note, pain, walking) in stored.items():
            n = int(note.split()[1])
            assert (note, pain, walking) == (expected_note(n), n % 11, n % 4), f"seed {seed}"
            assert reported.get(entry_id, n) == n, f"seed {seed}"
        assert len(stored) - len(reported) <= KILLS_PER_LANE, f"seed {seed}"
        db = open_journal(folder)  # and the app opens it normally afterwards
        db.close()


DISK_FULL = r"""
import resource, signal, sqlite3, sys
from datetime import datetime, timezone
from pathlib import Path

from tracker.domain.model import Entry, Pain
from tracker.services.journal import JournalService
from tracker.storage.database import open_journal
from tracker.storage.errors import StorageWriteError


def entry(hour):
    return Entry(datetime(2026, 1, 1, hour, tzinfo=timezone.utc), Pain(4), note="x" * 4000)


db = open_journal(Path(sys.argv[1]))
service = JournalService(db)
for hour in range(3):
    print("saved", service.save_entry(entry(hour)).entry.id, flush=True)
if sys.argv[2] == "held":
    # another connection keeps the -wal and -shm, so the limit falls inside a -wal frame
    held = sqlite3.connect(db.path)
    held.execute("SELECT count(*) FROM entries").fetchone()
wal = db.path.with_name(db.path.name + "-wal")
limit = (wal.stat().st_size if wal.exists() else 0) + 1000
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
try:
    service.save_entry(entry(10))
    print("stored anyway", flush=True)
except StorageWriteError as error:
    print("refused", error, flush=True)
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
print("saved", service.save_entry(entry(11)).entry.id, flush=True)  # space again: it works
"""


@pytest.mark.parametrize("how", ["held", "fresh"])
def test_a_full_disk_during_a_save_stores_nothing_partial(data_dir: Path, how: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", DISK_FULL, str(data_dir), how],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    refused = [line.removeprefix("refused ") for line in lines if line.startswith("refused ")]
    assert len(refused) == 1, result.stdout
    # RLIMIT_FSIZE fails writes with EFBIG, which SQLite reports as SQLITE_IOERR_WRITE (a -wal
    # frame) or SQLITE_IOERR_SHMSIZE (a new -shm); a real full disk gives SQLITE_FULL for the
    # first and the same IOERR_SHMSIZE for the second. Either way: one plain sentence.
    message = refused[0]
    assert "disk" in message and message.endswith(("nothing was saved.", "try again."))
    assert "sqlite" not in message.lower() and "(" not in message
    saved = [line.split()[1] for line in lines if line.startswith("saved ")]
    assert len(saved) == 4
    with contextlib.closing(sqlite3.connect(data_dir / "journal.sqlite3")) as con:
        assert [row[0] for row in con.execute("PRAGMA integrity_check")] == ["ok"]
        stored = {row[0]: row[1] for row in con.execute("SELECT id, note FROM entries")}
    assert set(stored) == set(saved)  # the earlier entries and the later one; nothing partial
    assert all(note == "x" * 4000 for note in stored.values())
