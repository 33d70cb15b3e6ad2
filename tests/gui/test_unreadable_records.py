"""A record that cannot be read, met by the window's start: the start ends (never "Opening your
journal…" for ever) with the record named, and the person sets it aside (the rest opens) or
restores the newest backup without it. The journals are those of ``test_unreadable_cli``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.cli.test_unreadable_cli import (
    AGES,
    DOSE_WORDS,
    KINDS,
    SECRET,
    bad_entry_pk,
    entries_in,
    expected_words,
    make_journal,
    private,
    spoil,
)
from tracker.app import AppRun, build_window
from tracker.services.backups import BackupService

START_TIMEOUT = 15000  # ms: the start must have ended by then, one way or the other


def click(qtbot: QtBot, button: QWidget) -> None:
    """A click on ``button``, as a person's mouse gives it."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def started(qtbot: QtBot, data_dir: Path) -> AppRun:
    """The window shown, once its start has ended: the journal open, or the panel saying why."""
    run = build_window(data_dir)
    qtbot.addWidget(run.window)
    with qtbot.waitSignal(run.window.first_painted, timeout=START_TIMEOUT):
        run.window.show()
    panel = run.window.damaged_panel
    qtbot.waitUntil(
        lambda: panel.isVisible() or run.window.services is not None, timeout=START_TIMEOUT
    )
    return run


@pytest.mark.parametrize("age", AGES)
@pytest.mark.parametrize("kind", KINDS)
def test_an_unreadable_entry_is_named_at_start_and_set_aside(
    qtbot: QtBot, data_dir: Path, kind: str, age: str
) -> None:
    total = make_journal(data_dir)
    pk = bad_entry_pk(data_dir, age)
    words = expected_words(data_dir, pk, kind)
    spoil(data_dir, kind, pk)
    run = started(qtbot, data_dir)
    window = run.window
    panel = window.damaged_panel
    assert panel.isVisible() and window.services is None
    assert words in window.status.text() and words in panel.text.text()
    assert SECRET not in window.status.text() + panel.text.text()
    assert not window.entry_form.save_button.isEnabled()  # nothing is saved into it meanwhile

    click(qtbot, panel.set_aside_button)
    assert not panel.isVisible()
    assert window.services is not None
    assert window.services.journal.counts()["entries"] == total - 1
    recent = 1 if age == "recent" else 2  # the two entries of the last days, less the bad one
    assert window.history.model.rowCount() == recent
    assert window.entry_form.save_button.isEnabled()
    (kept,) = (data_dir / "set-aside").iterdir()
    assert kept.name in window.status.text() and SECRET not in kept.name
    assert private(kept)
    (before,) = [b for b in BackupService(data_dir).backups() if b.tag == "before-set-aside"]
    assert before.verified and before.entries == total
    run.close()
    assert entries_in(data_dir) == total - 1


def test_an_unreadable_painkiller_dose_is_named_at_start_and_set_aside(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_journal(data_dir)
    spoil(data_dir, "dose")
    run = started(qtbot, data_dir)
    window = run.window
    assert DOSE_WORDS in window.status.text()
    click(qtbot, window.damaged_panel.set_aside_button)
    assert window.services is not None
    assert window.services.journal.counts()["medications"] == 1
    run.close()


def test_the_newest_backup_without_the_unreadable_record_is_restored(
    qtbot: QtBot, data_dir: Path
) -> None:
    total = make_journal(data_dir)
    good = BackupService(data_dir).backup_now()
    spoil(data_dir, "text", bad_entry_pk(data_dir, "old"))
    run = started(qtbot, data_dir)
    window = run.window
    panel = window.damaged_panel
    assert panel.restore_button.isVisible()
    assert panel.backup is not None and panel.backup.name == good.name
    click(qtbot, panel.restore_button)
    assert not panel.isVisible()
    assert window.services is not None
    assert window.services.journal.counts()["entries"] == total
    assert "Restored the backup" in window.status.text()
    run.close()
    # the journal it replaced is kept as a backup, its unreadable record with it
    replaced = [b for b in BackupService(data_dir).backups() if b.tag == "before-restore"]
    assert len(replaced) == 1 and replaced[0].entries == total


def test_setting_aside_is_refused_when_the_backup_first_cannot_be_made(
    qtbot: QtBot, data_dir: Path
) -> None:
    total = make_journal(data_dir)
    spoil(data_dir, "level", bad_entry_pk(data_dir, "recent"))
    (data_dir / "backups").write_text("not a folder")
    run = started(qtbot, data_dir)
    panel = run.window.damaged_panel
    click(qtbot, panel.set_aside_button)
    assert panel.isVisible() and run.window.services is None
    assert "The backup could not be written" in panel.message.text()
    assert entries_in(data_dir) == total  # nothing stored lost
    assert not (data_dir / "set-aside").exists()
    run.close()


def test_a_level_its_constraint_forbids_ends_the_start_with_the_damaged_journal_offer(
    qtbot: QtBot, data_dir: Path
) -> None:
    """A weakness level of 9 breaks the table's CHECK constraint, which ``PRAGMA quick_check``
    reports: the journal is handled as damaged (moved aside, never deleted; a backup offered),
    and the start still ends."""
    import contextlib
    import sqlite3

    make_journal(data_dir)
    BackupService(data_dir).backup_now()
    with contextlib.closing(sqlite3.connect(data_dir / "journal.sqlite3")) as con, con:
        con.execute("PRAGMA ignore_check_constraints=1")
        con.execute("UPDATE entries SET weak_left_leg = 9 WHERE pk = 1")
    run = started(qtbot, data_dir)
    panel = run.window.damaged_panel
    assert panel.isVisible() and run.window.services is None
    assert "CHECK constraint failed" in panel.text.text()
    assert panel.restore_button.isVisible() and not panel.set_aside_button.isVisible()
    assert list(data_dir.glob("journal.damaged-*.sqlite3"))
    run.close()
