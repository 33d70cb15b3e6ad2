"""A record that cannot be read, met by ``check``: named (its list and when, never what it says),
exit 1, and ``check --set-aside`` (a verified backup first) leaves the rest usable.

The journal: the example journal (old entries) and two entries of the last days (recent ones,
which the window lists first), one row then made unreadable with ``sqlite3`` as damage or an
older program could: an hour of 25, a level of 2.5, text that is not UTF-8, a painkiller dose
dated in a 13th month. ``PRAGMA quick_check`` passes each.
"""

from __future__ import annotations

import contextlib
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_JOURNAL, run_cli
from tracker.domain import journal_format
from tracker.domain.esas import EsasForm
from tracker.domain.model import Entry, Pain
from tracker.os_files import has_modes
from tracker.services.backups import BackupService
from tracker.services.esas import EsasService
from tracker.services.exchange import ExchangeService
from tracker.services.journal import JournalService
from tracker.storage.database import open_journal

SECRET = "a-private-note-about-my-legs"  # in the bad entry: never in a sentence or a file name
KINDS = ["time", "level", "text"]
AGES = ["recent", "old"]


def make_journal(data_dir: Path) -> int:
    """The example journal and two recent entries; the number of entries."""
    db = open_journal(data_dir)
    ExchangeService(db).import_journal(journal_format.loads(EXAMPLE_JOURNAL.read_text("utf-8")))
    journal = JournalService(db)
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    for days, score in ((2, 4), (1, 3)):
        journal.save_entry(
            Entry(recorded_at=now - timedelta(days=days), pain=Pain(score=score), note=SECRET)
        )
    total = journal.counts()["entries"]
    db.close()
    return total


def bad_entry_pk(data_dir: Path, age: str) -> int:
    """The newest entry (recent) or the oldest (old)."""
    order = "DESC" if age == "recent" else "ASC"
    with contextlib.closing(sqlite3.connect(data_dir / "journal.sqlite3")) as con:
        row = con.execute(f"SELECT pk FROM entries ORDER BY recorded_utc {order} LIMIT 1")
        return int(row.fetchone()[0])


def entry_id(data_dir: Path, pk: int) -> str:
    with contextlib.closing(sqlite3.connect(data_dir / "journal.sqlite3")) as con:
        return str(con.execute("SELECT id FROM entries WHERE pk = ?", (pk,)).fetchone()[0])


def expected_words(data_dir: Path, pk: int, kind: str) -> str:
    """How the entry is named: its day and time in its own offset (its day alone when its
    time is what cannot be read)."""
    with contextlib.closing(sqlite3.connect(data_dir / "journal.sqlite3")) as con:
        utc, offset, day = con.execute(
            "SELECT recorded_utc, utc_offset_min, local_day FROM entries WHERE pk = ?", (pk,)
        ).fetchone()
    if kind == "time":
        stored = datetime.fromisoformat(day)
        return f"An entry of {stored.day} {stored:%B %Y} cannot be read (nor its time of day)."
    local = datetime.fromisoformat(utc) + timedelta(minutes=offset)
    return f"An entry of {local.day} {local:%B %Y}, {local:%H:%M} cannot be read."


def spoil(data_dir: Path, kind: str, pk: int = 0) -> None:
    """One row made unreadable; ``PRAGMA quick_check`` still passes."""
    with contextlib.closing(sqlite3.connect(data_dir / "journal.sqlite3")) as con, con:
        if kind == "time":
            con.execute(
                "UPDATE entries SET recorded_utc = substr(recorded_utc, 1, 11) || '25' || "
                "substr(recorded_utc, 14) WHERE pk = ?",
                (pk,),
            )
        elif kind == "level":
            con.execute("UPDATE entries SET weak_left_leg = 2.5 WHERE pk = ?", (pk,))
        elif kind == "text":
            con.execute(
                "UPDATE entries SET note = CAST(? || x'ff' AS TEXT) WHERE pk = ?", (SECRET, pk)
            )
        else:  # a painkiller dose dated in a 13th month
            con.execute(
                "UPDATE medications SET taken_utc = '2026-13-01 08:00:00.000000' WHERE pk = "
                "(SELECT min(pk) FROM medications)"
            )
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"


DOSE_WORDS = "The 1st of 2 painkiller doses cannot be read (nor when it is)."


def entries_in(data_dir: Path) -> int:
    with contextlib.closing(sqlite3.connect(data_dir / "journal.sqlite3")) as con:
        return int(con.execute("SELECT count(*) FROM entries").fetchone()[0])


def private(path: Path) -> bool:
    return not has_modes() or stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("age", AGES)
@pytest.mark.parametrize("kind", KINDS)
def test_check_names_an_unreadable_entry_and_sets_it_aside(
    data_dir: Path, kind: str, age: str
) -> None:
    total = make_journal(data_dir)
    pk = bad_entry_pk(data_dir, age)
    words = expected_words(data_dir, pk, kind)
    stored_id = entry_id(data_dir, pk)
    spoil(data_dir, kind, pk)

    found = run_cli("check", data_dir=data_dir)
    assert found.returncode == 1
    assert f"spine-journal check: {words}" in found.stderr.splitlines()
    assert "check --set-aside" in found.stderr and "restore --list" in found.stderr
    assert SECRET not in found.stderr + found.stdout

    done = run_cli("check", "--set-aside", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "Every record can be read." in done.stdout
    assert entries_in(data_dir) == total - 1
    (kept,) = (data_dir / "set-aside").iterdir()
    assert kept.name.endswith("-entries.json") and SECRET not in kept.name
    assert private(kept)
    assert f'"id": "{stored_id}"' in kept.read_text("utf-8")  # the row as it was stored
    (before,) = [b for b in BackupService(data_dir).backups() if b.tag == "before-set-aside"]
    assert before.verified and before.entries == total  # the journal as it was, kept
    assert run_cli("check", data_dir=data_dir).returncode == 0


def test_check_names_an_unreadable_painkiller_dose_and_sets_it_aside(data_dir: Path) -> None:
    make_journal(data_dir)
    spoil(data_dir, "dose")
    found = run_cli("check", data_dir=data_dir)
    assert found.returncode == 1
    assert f"spine-journal check: {DOSE_WORDS}" in found.stderr.splitlines()
    assert run_cli("check", "--set-aside", data_dir=data_dir).returncode == 0
    (kept,) = (data_dir / "set-aside").iterdir()
    assert kept.name.endswith("-medications.json")
    assert run_cli("check", data_dir=data_dir).returncode == 0


def test_nothing_is_set_aside_when_the_backup_first_cannot_be_made(data_dir: Path) -> None:
    """The backups folder is a file: no verified backup, so the record stays where it is."""
    total = make_journal(data_dir)
    spoil(data_dir, "text", bad_entry_pk(data_dir, "old"))
    (data_dir / "backups").write_text("not a folder")
    refused = run_cli("check", "--set-aside", data_dir=data_dir)
    assert refused.returncode == 1
    assert "The backup could not be written" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert entries_in(data_dir) == total  # nothing stored lost
    assert not (data_dir / "set-aside").exists()


def test_set_aside_with_nothing_unreadable_changes_nothing(data_dir: Path) -> None:
    total = make_journal(data_dir)
    done = run_cli("check", "--set-aside", data_dir=data_dir)
    assert done.returncode == 0
    assert "Every record can be read." in done.stdout
    assert entries_in(data_dir) == total
    assert not (data_dir / "set-aside").exists()


def test_check_names_an_unreadable_esas_r_form_and_sets_it_aside(data_dir: Path) -> None:
    """The weekly forms' table is checked as the other lists are (issue 20)."""
    make_journal(data_dir)
    db = open_journal(data_dir)
    EsasService(db).add(
        EsasForm(completed_at=datetime.now().astimezone(), completed_by="patient", pain=3)
    )
    db.close()
    with contextlib.closing(sqlite3.connect(data_dir / "journal.sqlite3")) as con, con:
        con.execute("UPDATE esas_forms SET completed_utc = '2026-13-01 08:00:00.000000'")
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    found = run_cli("check", data_dir=data_dir)
    assert found.returncode == 1
    words = "The 1st of 1 ESAS-r forms cannot be read (nor when it is)."
    assert f"spine-journal check: {words}" in found.stderr.splitlines()
    assert run_cli("check", "--set-aside", data_dir=data_dir).returncode == 0
    (kept,) = (data_dir / "set-aside").iterdir()
    assert kept.name.endswith("-esas_forms.json")
    assert run_cli("check", data_dir=data_dir).returncode == 0
    db = open_journal(data_dir)
    assert EsasService(db).list() == []  # set aside: the rest of the journal opens
    db.close()
