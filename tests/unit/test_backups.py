"""Backups are verified, rotated and restored; a damaged journal is set aside, a backup offered."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_JOURNAL, REPO
from tracker.domain import journal_format
from tracker.domain.model import Entry, Pain
from tracker.services.backups import (
    BackupService,
    StartState,
    describe_backup,
    describe_damage,
)
from tracker.services.exchange import ExchangeService
from tracker.services.journal import JournalService
from tracker.storage import backups, journal_file, recovery
from tracker.storage.backups import BackupError, BackupInfo
from tracker.storage.database import open_journal
from tracker.storage.errors import JournalError, StorageWriteError
from tracker.storage.journal_file import UNCHECKED, Unchecked

NOW = datetime(2026, 11, 22, 23, 15, 0)
NAME = re.compile(r"^journal-\d{8}-\d{6}(-[a-z0-9]+(-[a-z0-9]+)*)?(\.\d+)?\.sqlite3$")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def entry(minute: int, note: str = "") -> Entry:
    return Entry(recorded_at=datetime(2026, 11, 20, 8, minute, tzinfo=UTC), pain=Pain(3), note=note)


def entry_count(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as con:
        return int(con.execute("SELECT count(*) FROM entries").fetchone()[0])


def integrity(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as con:
        return [row[0] for row in con.execute("PRAGMA integrity_check")]


@pytest.fixture
def journal(data_dir: Path) -> Path:
    """The example journal (23 entries) stored, all connections closed."""
    db = open_journal(data_dir)
    ExchangeService(db).import_journal(
        journal_format.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    )
    db.close()
    return db.path


@pytest.fixture
def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


@contextlib.contextmanager
def saved_while_held(path: Path, count: int) -> Iterator[None]:
    """``count`` entries saved through the service while another connection stays open, so
    that they are in the -wal only (the last connection's close would checkpoint them)."""
    held = sqlite3.connect(path)
    held.execute("SELECT count(*) FROM entries").fetchone()
    db = open_journal(path.parent)
    try:
        for minute in range(count):
            JournalService(db).save_entry(entry(minute))
        yield
    finally:
        db.close()
        held.close()


def crash_image(folder: Path, target: Path) -> None:
    """The files as a crash at this moment would leave them."""
    target.mkdir()
    for path in folder.iterdir():
        if path.is_file():
            shutil.copy(path, target / path.name)


def corrupt_entries_table(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as con:
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'entries'").fetchone()
        page_size = int(con.execute("PRAGMA page_size").fetchone()[0])  # SQLCipher: text
    with path.open("r+b") as stream:
        stream.seek((root[0] - 1) * page_size)
        stream.write(b"\xff" * 64)


# ---- making backups ---------------------------------------------------------------------------


def test_a_backup_is_verified_private_and_named_without_symptoms(
    journal: Path, backup_dir: Path
) -> None:
    info = backups.make_backup(journal, backup_dir, now=NOW)
    assert info.path == backup_dir / "journal-20261122-231500.sqlite3"
    assert info.verified and info.entries == 23 and info.created == NOW
    assert info.counts["alerts"] == 3 and info.size == info.path.stat().st_size
    assert mode(backup_dir) == 0o700 and mode(info.path) == 0o600
    assert integrity(info.path) == ["ok"]
    assert [p.name for p in backup_dir.iterdir()] == [info.name]  # no .partial left
    tagged = backups.make_backup(journal, backup_dir, now=NOW, tag="before-import")
    again = backups.make_backup(journal, backup_dir, now=NOW, tag="before-import")
    assert tagged.name == "journal-20261122-231500-before-import.sqlite3"
    assert again.name == "journal-20261122-231500-before-import.2.sqlite3"
    assert all(NAME.match(p.name) for p in backup_dir.iterdir())


def test_a_backup_holds_what_is_still_only_in_the_wal(journal: Path, backup_dir: Path) -> None:
    with saved_while_held(journal, 2):
        assert journal.with_name("journal.sqlite3-wal").stat().st_size > 0
        info = backups.make_backup(journal, backup_dir, now=NOW)
    assert info.entries == 25 == entry_count(info.path)


def test_a_copy_that_does_not_verify_is_refused_and_nothing_is_left(
    journal: Path, backup_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_copy = backups.copy_with_counts

    def copy_then_damage(source: Path, destination: Path, *, immutable: bool) -> dict[str, int]:
        counts = real_copy(source, destination, immutable=immutable)
        corrupt_entries_table(destination)
        return counts

    monkeypatch.setattr(backups, "copy_with_counts", copy_then_damage)
    with pytest.raises(BackupError, match="did not verify"):
        backups.make_backup(journal, backup_dir, now=NOW)
    assert list(backup_dir.iterdir()) == []


@pytest.mark.plain_journal
def test_a_backup_that_cannot_be_written_is_one_plain_sentence(
    journal: Path, backup_dir: Path, tmp_path: Path
) -> None:
    """The file-size limit stops the copy part-way, as a full disk does."""
    script = (
        "import resource, signal, sys\n"
        "from datetime import datetime\nfrom pathlib import Path\n"
        "from tracker.storage import backups\nfrom tracker.storage.errors import JournalError\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, resource.RLIM_INFINITY))\n"
        "try:\n"
        "    backups.make_backup(Path(sys.argv[1]), Path(sys.argv[2]), now=datetime.now())\n"
        "except JournalError as error:\n"
        "    print(type(error).__name__, error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(journal), str(backup_dir)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        f"StorageWriteError The backup could not be written in {backup_dir}"
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert list(backup_dir.iterdir()) == []


# ---- listing and "changed since the newest backup" -------------------------------------------


def test_listing_is_newest_first_and_shows_a_backup_damaged_later(
    journal: Path, backup_dir: Path
) -> None:
    older = backups.make_backup(journal, backup_dir, now=NOW - timedelta(days=1))
    newer = backups.make_backup(journal, backup_dir, now=NOW)
    (backup_dir / "notes.txt").write_text("not a backup")
    assert [b.name for b in backups.list_backups(backup_dir)] == [newer.name, older.name]
    corrupt_entries_table(newer.path)
    listed = backups.list_backups(backup_dir)
    assert [b.verified for b in listed] == [False, True]
    assert "damage" in listed[0].problem or "cannot read" in listed[0].problem
    assert backups.newest_verified(backup_dir) == replace(older, problem="")


def test_an_edit_counts_as_a_change_and_reading_does_not(journal: Path, backup_dir: Path) -> None:
    db = open_journal(journal.parent)
    service = JournalService(db)
    saved = service.save_entry(entry(1, note="first"))
    db.close()
    info = backups.make_backup(journal, backup_dir, now=NOW)
    assert not backups.changed_since(journal, info)
    db = open_journal(journal.parent)
    assert len(JournalService(db).entries()) == 24  # reading only
    db.close()
    assert not backups.changed_since(journal, info)
    db = open_journal(journal.parent)
    JournalService(db).update_entry(replace(saved.entry, note="later"))  # same counts and rowids
    db.close()
    assert backups.changed_since(journal, info)
    assert backups.changed_since(journal, None)


# ---- rotation ---------------------------------------------------------------------------------


def _fake(created: datetime, tag: str = "", verified: bool = True) -> BackupInfo:
    suffix = f"-{tag}" if tag else ""
    path = Path(f"journal-{created:%Y%m%d-%H%M%S}{suffix}.sqlite3")
    return BackupInfo(path, created, tag, 1, verified)


def test_rotation_keeps_7_daily_4_weekly_12_monthly_and_each_kind_of_the_day() -> None:
    now = datetime(2026, 11, 22, 12, 0)  # a Sunday
    daily = [_fake(datetime(2025, 6, 1, 9) + timedelta(days=n)) for n in range(540)]
    daily = [b for b in daily if b.created < now]
    today = [
        _fake(datetime(2026, 11, 22, 8)),
        _fake(datetime(2026, 11, 22, 10), "before-import"),
        _fake(datetime(2026, 11, 22, 11)),
    ]
    kept = {p.name for p in backups.keep_set(daily + today, now)}
    expected_days = [f"202611{d:02d}" for d in range(16, 22)]  # the last 7 days, with today
    expected_days += ["20261101", "20261108", "20261115"]  # the last 4 weeks
    expected_days += ["20251231", "20260131", "20260228", "20260331", "20260430", "20260531"]
    expected_days += ["20260630", "20260731", "20260831", "20260930", "20261031"]  # 12 months
    expected = {f"journal-{day}-090000.sqlite3" for day in expected_days}
    expected |= {"journal-20261122-110000.sqlite3", "journal-20261122-100000-before-import.sqlite3"}
    assert kept == expected


def test_rotation_never_drops_the_newest_verified_backup() -> None:
    now = datetime(2026, 11, 22, 12, 0)
    ancient = _fake(datetime(2024, 1, 1, 9))
    broken = [_fake(now - timedelta(days=n), verified=False) for n in range(3)]
    kept = backups.keep_set([ancient, *broken], now)
    assert ancient.path in kept
    slot = [_fake(datetime(2026, 11, 22, 9)), _fake(datetime(2026, 11, 22, 10), verified=False)]
    assert backups.keep_set(slot, now) == {slot[0].path}  # a verified one wins its slot


def test_rotate_deletes_files_and_partial_leftovers(journal: Path, backup_dir: Path) -> None:
    first = backups.make_backup(journal, backup_dir, now=NOW - timedelta(hours=2))
    second = backups.make_backup(journal, backup_dir, now=NOW - timedelta(hours=1))
    (backup_dir / "journal-20261122-200000.sqlite3.partial").write_bytes(b"half")
    removed = backups.rotate(backup_dir, NOW)
    assert first.path in removed
    assert sorted(p.name for p in backup_dir.iterdir()) == [second.name]


# ---- restore ----------------------------------------------------------------------------------


def foreign_wal(tmp_path: Path) -> bytes:
    """The -wal of another database, holding real committed frames."""
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (x TEXT)")
    con.execute("INSERT INTO t VALUES (?)", ("y" * 3000,))
    con.commit()
    data = other.with_name("other.sqlite3-wal").read_bytes()
    con.close()
    return data


def test_restore_replaces_the_journal_and_ignores_a_stale_wal(
    journal: Path, backup_dir: Path, tmp_path: Path
) -> None:
    info = backups.make_backup(journal, backup_dir, now=NOW)
    with saved_while_held(journal, 3):
        pass
    assert entry_count(journal) == 26
    journal.with_name("journal.sqlite3-wal").write_bytes(foreign_wal(tmp_path))
    restored = recovery.restore_backup(journal, info.path)
    assert restored.entries == 23
    assert sorted(p.name for p in journal.parent.iterdir()) == ["backups", "journal.sqlite3"]
    assert mode(journal) == 0o600
    db = open_journal(journal.parent)
    try:
        assert len(JournalService(db).entries()) == 23
    finally:
        db.close()
    assert integrity(journal) == ["ok"]


@pytest.mark.parametrize("kind", ["text", "damaged", "newer"])
def test_an_unusable_backup_is_refused_and_the_journal_is_untouched(
    journal: Path, backup_dir: Path, tmp_path: Path, kind: str
) -> None:
    bad = tmp_path / "bad.sqlite3"
    if kind == "text":
        bad.write_text("shopping list\n" * 200)
    else:
        shutil.copy(backups.make_backup(journal, backup_dir, now=NOW).path, bad)
        if kind == "damaged":
            corrupt_entries_table(bad)
        else:
            with contextlib.closing(sqlite3.connect(bad)) as con, con:
                con.execute("UPDATE alembic_version SET version_num = '9999'")
    before = journal.read_bytes()
    message = {"text": "not a Spine Journal", "damaged": "damage|cannot read", "newer": "newer"}
    with pytest.raises(BackupError, match=message[kind]):
        recovery.restore_backup(journal, bad)
    assert journal.read_bytes() == before
    assert not list(journal.parent.glob(".journal.sqlite3.restore-*"))


# ---- damage found at start --------------------------------------------------------------------


def test_quarantine_moves_the_journal_and_its_wal_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    for name, content in (("", b"one"), ("-wal", b"wal"), ("-shm", b"shm")):
        path.with_name(path.name + name).write_bytes(content)
    first = recovery.quarantine_damaged(path, NOW)
    assert first.name == "journal.damaged-20261122-231500.sqlite3"
    assert first.read_bytes() == b"one"
    assert first.with_name(first.name + "-wal").read_bytes() == b"wal"
    assert first.with_name(first.name + "-shm").read_bytes() == b"shm"
    path.write_bytes(b"two")
    second = recovery.quarantine_damaged(path, NOW)
    assert second.name == "journal.damaged-20261122-231500.2.sqlite3"
    assert (first.read_bytes(), second.read_bytes()) == (b"one", b"two")
    assert not path.exists()


@pytest.mark.parametrize("kind", ["empty", "text", "other program", "damaged page"])
def test_a_damaged_journal_is_moved_aside_and_the_newest_backup_offered(
    journal: Path, backup_dir: Path, kind: str
) -> None:
    backups.make_backup(journal, backup_dir, now=NOW - timedelta(days=2))
    newest = backups.make_backup(journal, backup_dir, now=NOW - timedelta(days=1))
    if kind == "empty":
        journal.write_bytes(b"")
    elif kind == "text":
        journal.write_text("shopping list\n" * 300)
    elif kind == "other program":
        journal.unlink()
        with contextlib.closing(sqlite3.connect(journal)) as con, con:
            con.execute("CREATE TABLE recipes (name TEXT)")
    else:
        corrupt_entries_table(journal)
    content = journal.read_bytes()
    check = recovery.check_on_start(journal, backup_dir, NOW)
    assert check.state is StartState.DAMAGED
    assert check.damaged_copy == journal.with_name("journal.damaged-20261122-231500.sqlite3")
    assert check.damaged_copy.read_bytes() == content and not journal.exists()
    assert check.backup is not None and check.backup.name == newest.name
    assert check.backup.entries == 23
    # the next start says the same, and no new empty journal appears
    again = recovery.check_on_start(journal, backup_dir, NOW + timedelta(minutes=1))
    assert again.state is StartState.DAMAGED and again.damaged_copy == check.damaged_copy
    assert not journal.exists()


def test_a_damaged_journal_open_elsewhere_is_reported_and_left_in_place(
    journal: Path, backup_dir: Path
) -> None:
    corrupt_entries_table(journal)
    check = recovery.check_on_start(journal, backup_dir, NOW, sole_user=False)
    assert check.state is StartState.DAMAGED and check.damaged_copy is None
    assert journal.exists() and not recovery.damaged_copies(journal)
    assert "close the Spine Journal window first" in describe_damage(check)


def test_a_healthy_journal_and_a_missing_one(journal: Path, backup_dir: Path) -> None:
    assert recovery.check_on_start(journal, backup_dir, NOW).state is StartState.OK
    backups.changed_since(journal, backups.make_backup(journal, backup_dir, now=NOW))
    # reading leaves no -wal/-shm behind (they would look like a crash to the next start)
    assert sorted(p.name for p in journal.parent.iterdir()) == ["backups", "journal.sqlite3"]
    journal.unlink()
    assert recovery.check_on_start(journal, backup_dir, NOW).state is StartState.NEW


def test_a_lost_wal_after_a_crash_is_damage_and_what_the_file_held_is_saved(
    journal: Path, backup_dir: Path, tmp_path: Path
) -> None:
    backups.make_backup(journal, backup_dir, now=NOW - timedelta(days=3))
    with saved_while_held(journal, 2):
        crash_image(journal.parent, tmp_path / "crash")
    crashed = tmp_path / "crash" / "journal.sqlite3"
    shutil.copytree(backup_dir, crashed.parent / "backups")
    crashed.with_name("journal.sqlite3-wal").unlink()
    check = recovery.check_on_start(crashed, crashed.parent / "backups", NOW)
    assert check.state is StartState.DAMAGED
    assert "journal.sqlite3-wal) is missing" in check.reason
    assert check.backup is not None
    assert check.backup.name == "journal-20261122-231500-recovered.sqlite3"
    assert check.backup.entries == 23  # the file as of its last checkpoint; 2 saves are lost
    assert check.damaged_copy is not None
    assert check.damaged_copy.with_name(check.damaged_copy.name + "-shm").exists()


def test_a_missing_wal_whose_frames_were_all_checkpointed_is_not_damage(
    journal: Path, backup_dir: Path, tmp_path: Path
) -> None:
    held = sqlite3.connect(journal)
    with saved_while_held(journal, 2):
        held.execute("PRAGMA wal_checkpoint(PASSIVE)")
        crash_image(journal.parent, tmp_path / "crash")
    held.close()
    crashed = tmp_path / "crash" / "journal.sqlite3"
    crashed.with_name("journal.sqlite3-wal").unlink()
    assert recovery.check_on_start(crashed, backup_dir, NOW).state is StartState.OK
    assert entry_count(crashed) == 25


def test_a_wal_left_without_its_journal_is_moved_aside(journal: Path, backup_dir: Path) -> None:
    journal.with_name("journal.sqlite3-wal").write_bytes(b"frames")
    journal.unlink()
    check = recovery.check_on_start(journal, backup_dir, NOW)
    assert check.state is StartState.DAMAGED and "left behind" in check.reason
    assert check.damaged_copy == journal.with_name("journal.damaged-20261122-231500.sqlite3-wal")
    assert check.backup is None


# ---- the service ------------------------------------------------------------------------------


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def test_start_up_backs_up_only_when_the_journal_changed(journal: Path, data_dir: Path) -> None:
    service = BackupService(data_dir, Clock(NOW))
    first = service.start_up()
    assert first.check.state is StartState.OK and first.backup is not None
    assert first.backup.tag == "" and first.backup.entries == 23
    assert service.start_up().backup is None
    db = open_journal(data_dir)
    JournalService(db).save_entry(entry(5))
    db.close()
    third = service.start_up()
    assert third.backup is not None and third.backup.entries == 24
    assert [b.entries for b in service.backups()] == [24]  # the newest automatic of the day


def test_a_failed_automatic_backup_does_not_stop_the_start(
    journal: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kwargs: object) -> BackupInfo:
        raise StorageWriteError("No backup could be written in x (No space left on device).")

    monkeypatch.setattr(backups, "make_backup", full)
    started = BackupService(data_dir, Clock(NOW)).start_up()
    assert started.check.state is StartState.OK and started.backup is None
    assert "No space left on device" in started.backup_problem


def test_restoring_over_a_damaged_journal_then_working_normally(
    journal: Path, data_dir: Path
) -> None:
    service = BackupService(data_dir, Clock(NOW))
    service.backup_now()
    corrupt_entries_table(journal)
    result = service.restore()
    assert result.previous_was_damaged and result.previous is not None
    assert result.previous.name.startswith("journal.damaged-")
    assert result.restored.entries == 23
    db = open_journal(data_dir)
    try:
        JournalService(db).save_entry(entry(7))
        assert len(JournalService(db).entries()) == 24
    finally:
        db.close()
    assert service.check_on_start().state is StartState.OK


def test_restoring_a_healthy_journal_saves_it_first(journal: Path, data_dir: Path) -> None:
    service = BackupService(data_dir, Clock(NOW))
    old = service.backup_now()
    db = open_journal(data_dir)
    JournalService(db).save_entry(entry(9))
    db.close()
    result = service.restore(service.find(old.name.removesuffix(".sqlite3")))
    assert not result.previous_was_damaged and result.previous is not None
    assert result.previous.name.endswith("-before-restore.sqlite3")
    assert entry_count(result.previous) == 24 and entry_count(journal) == 23


def test_start_empty_only_replaces_a_damaged_journal(journal: Path, data_dir: Path) -> None:
    service = BackupService(data_dir, Clock(NOW))
    with pytest.raises(Exception, match="is not damaged"):
        service.start_empty()
    journal.write_bytes(b"")
    check = service.check_on_start()
    assert check.state is StartState.DAMAGED and check.backup is None
    assert "there is no backup to restore" in describe_damage(check)
    assert "spine-journal restore --start-empty" in describe_damage(check)
    assert service.start_empty() == journal
    assert entry_count(journal) == 0 and service.check_on_start().state is StartState.OK
    assert len(recovery.damaged_copies(journal)) == 1  # the damaged copy is kept


def test_the_damage_sentence_names_the_backup_its_date_entries_and_the_command(
    journal: Path, data_dir: Path
) -> None:
    service = BackupService(data_dir, lambda: NOW)
    made = service.backup_now()
    journal.write_text("not a journal")
    text = describe_damage(service.check_on_start())
    assert text == (
        "The journal cannot be used: the file is not a Spine Journal journal and was moved "
        f"aside to {data_dir / 'journal.damaged-20261122-231500.sqlite3'}; the newest verified "
        f"backup is {made.name} (22 November 2026, 23:15, 23 entries): "
        "run `spine-journal restore` to use it."
    )
    assert describe_backup(replace(made, counts={"entries": 1})).endswith("1 entry)")


def test_delete_all_data_removes_the_journal_every_backup_and_damaged_copy(
    journal: Path, data_dir: Path
) -> None:
    service = BackupService(data_dir, Clock(NOW))
    service.backup_now()
    service.backup_before("import")
    journal.with_name("journal.damaged-20260101-000000.sqlite3").write_bytes(b"old")
    (data_dir / "unrelated.txt").write_text("kept")
    removed = service.delete_all_data()
    assert journal in removed and service.backup_dir in removed
    assert sorted(p.name for p in data_dir.iterdir()) == ["unrelated.txt"]


def test_files_are_private_even_with_a_permissive_umask(journal: Path, backup_dir: Path) -> None:
    previous = os.umask(0o022)
    try:
        info = backups.make_backup(journal, backup_dir, now=NOW)
        recovery.restore_backup(journal, info.path)
    finally:
        os.umask(previous)
    assert mode(info.path) == 0o600 and mode(journal) == 0o600 and mode(backup_dir) == 0o700


# ---- the early check, beside the start's imports -------------------------------------------


def _early(path: Path) -> str | Unchecked | None:
    from tracker.opening import quick_check

    return quick_check(path.parent)


def test_the_early_check_finds_what_the_start_up_check_finds(
    journal: Path, backup_dir: Path
) -> None:
    """The window runs the quick check beside its imports and hands the answer to the start-up
    check: the same verdict, and the damaged file is still moved aside."""
    assert _early(journal) is None
    assert recovery.check_on_start(journal, backup_dir, NOW, checked=None).state is StartState.OK
    assert not any(p.exists() for p in journal_file.sidecars(journal))  # no crash to see next time
    corrupt_entries_table(journal)
    found = _early(journal)
    assert found == journal_file.journal_problem(journal)
    assert isinstance(found, str) and "malformed" in found
    check = recovery.check_on_start(journal, backup_dir, NOW, checked=found)
    assert check.state is StartState.DAMAGED and check.reason == found
    assert check.damaged_copy is not None and not journal.exists()
    # a missing journal is left to the start-up check, which says it is new
    assert _early(journal) is UNCHECKED


def test_the_early_check_leaves_a_shm_without_its_wal_to_the_start_up_check(
    journal: Path, backup_dir: Path, tmp_path: Path
) -> None:
    """Opening the file would replace the -shm that tells whether a crash lost commits, so the
    early check does not open it; the start-up check then finds the loss."""
    with saved_while_held(journal, 2):
        crash_image(journal.parent, tmp_path / "crash")
    crashed = tmp_path / "crash" / "journal.sqlite3"
    crashed.with_name("journal.sqlite3-wal").unlink()
    shm = crashed.with_name("journal.sqlite3-shm").read_bytes()
    assert _early(crashed) is UNCHECKED
    assert crashed.with_name("journal.sqlite3-shm").read_bytes() == shm
    check = recovery.check_on_start(crashed, backup_dir, NOW, checked=UNCHECKED)
    assert check.state is StartState.DAMAGED and "is missing" in check.reason


def test_the_early_check_leaves_a_failure_to_the_start_up_check(
    journal: Path, backup_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A journal that cannot be checked (here, locked by another program past the wait) is left
    unchecked by the early check, and the start-up check says so: not a silent pass."""
    monkeypatch.setattr(journal_file, "BUSY_TIMEOUT_MS", 100)
    held = sqlite3.connect(journal, isolation_level=None)
    held.execute("PRAGMA locking_mode=EXCLUSIVE")
    held.execute("BEGIN EXCLUSIVE")
    try:
        assert _early(journal) is UNCHECKED
        with pytest.raises(JournalError, match="could not be checked"):
            recovery.check_on_start(journal, backup_dir, NOW, checked=UNCHECKED)
    finally:
        held.close()


def test_the_early_check_imports_no_sqlalchemy() -> None:
    code = "import sys, tracker.storage.journal_file; print('sqlalchemy' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.strip() == "False"


def test_backups_made_at_once_from_two_threads_are_both_kept(journal: Path, data_dir: Path) -> None:
    """The window's start-up backup runs in a thread of its own while "Back up now" may be
    pressed: neither rotation may remove the other's half-written copy."""
    service = BackupService(data_dir, Clock(NOW))
    failures: list[BaseException] = []
    for _round in range(8):
        together = threading.Barrier(2)

        def back_up(tag: str, together: threading.Barrier) -> None:
            together.wait()
            try:
                service.backup_now(tag=tag)
            except BaseException as error:
                failures.append(error)

        threads = [threading.Thread(target=back_up, args=(tag, together)) for tag in ("", "manual")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
    assert all(b.verified for b in service.backups())
    assert not [p for p in (data_dir / "backups").iterdir() if p.name.endswith(".partial")]
