"""Data safety in the window (issue 7): a damaged journal found at start, backups and restore,
export, and deleting everything. Each story drives the real widgets, then checks the files and
the database."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.gui.helpers import click_shown as click
from tracker.app import AppRun, build_window
from tracker.domain.model import Entry, Pain
from tracker.services.backups import BackupService
from tracker.services.journal import JournalService
from tracker.storage.database import open_journal
from tracker.ui.common import Confirm
from tracker.ui.dialogs.backups_dialog import BackupsDialog
from tracker.ui.dialogs.delete_data_dialog import DeleteDataDialog
from tracker.ui.dialogs.export_dialog import WARNING, ExportDialog
from tracker.ui.main_window import MainWindow

# ---- set-up ------------------------------------------------------------------------------------


@pytest.fixture
def sessions(qtbot: QtBot) -> Iterator[list[AppRun]]:
    opened: list[AppRun] = []
    yield opened
    for session in opened:
        session.close()


def open_window(qtbot: QtBot, data_dir: Path, sessions: list[AppRun]) -> MainWindow:
    """The whole window as the app builds it; returns once the start-up check has run and the
    journal is open and its start-up backup made, or the damaged-journal panel is shown."""
    session = build_window(data_dir)
    sessions.append(session)
    window = session.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: window.started_up or window.damaged_panel.isVisible(), timeout=5000)
    return window


def add_entries(data_dir: Path, scores: list[int]) -> list[str]:
    """Entries written as another program would, on their own connection; their ids."""
    db = open_journal(data_dir)
    try:
        journal = JournalService(db)
        start = datetime(2026, 11, 21, 8, tzinfo=UTC)
        return [
            str(journal.save_entry(
                Entry(recorded_at=start + timedelta(hours=n), pain=Pain(score))
            ).entry.id)
            for n, score in enumerate(scores)
        ]  # fmt: skip
    finally:
        db.close()


def stored_ids(data_dir: Path) -> list[str]:
    """The entries in the journal file now (it must exist: opening would create one)."""
    assert (data_dir / "journal.sqlite3").exists()
    db = open_journal(data_dir)
    try:
        return sorted(str(e.id) for e in JournalService(db).entries())
    finally:
        db.close()


def save_by_form(qtbot: QtBot, window: MainWindow, score: int) -> None:
    form = window.entry_form
    form.new_entry()
    form.pain_score.setValue(score)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "saved" in form.message.text()


def answer(monkeypatch: pytest.MonkeyPatch, reply: bool) -> list[str]:
    """Confirm.ask answers ``reply``; the questions asked are listed."""
    asked: list[str] = []

    def ask(_parent: object, _title: str, question: str) -> bool:
        asked.append(question)
        return reply

    monkeypatch.setattr(Confirm, "ask", ask)
    return asked


def corrupt_entries_table(path: Path) -> None:
    """Bytes overwritten in the middle of the file: the entries table's first page."""
    with contextlib.closing(sqlite3.connect(path)) as con:
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'entries'").fetchone()
        page_size = int(con.execute("PRAGMA page_size").fetchone()[0])  # SQLCipher: text
    with path.open("r+b") as stream:
        stream.seek((root[0] - 1) * page_size)
        stream.write(b"\xff" * 64)


DAMAGE: dict[str, Callable[[Path], object]] = {
    "damaged page": corrupt_entries_table,
    "zero bytes": lambda path: path.write_bytes(b""),
    "not a journal": lambda path: path.write_text("Dear diary\n" * 500),
}


# ---- 1. a damaged journal at start ---------------------------------------------------------


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_journal_is_set_aside_and_the_newest_backup_restored_from_the_window(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun], kind: str
) -> None:
    in_backup = add_entries(data_dir, [2, 3])
    backup = BackupService(data_dir).backup_now()
    add_entries(data_dir, [7])  # written after the backup: lost with the damage
    journal = data_dir / "journal.sqlite3"
    DAMAGE[kind](journal)
    damaged_bytes = journal.read_bytes()

    window = open_window(qtbot, data_dir, sessions)
    panel = window.damaged_panel
    assert panel.isVisible() and window.services is None
    assert not window.entry_form.save_button.isEnabled()
    (copy,) = data_dir.glob("journal.damaged-*.sqlite3")
    assert not journal.exists()  # moved aside; no new empty journal in its place
    text = panel.text.text()
    assert "could not be read" in text and copy.name in text and "never deletes it" in text
    day = f"{backup.created.day} {backup.created:%B %Y, %H:%M}"
    assert panel.restore_button.text().replace("&", "") == (
        f"Restore the backup of {day} (2 entries)"
    )
    assert panel.empty_button.isVisible()  # the second choice
    assert "could not be read" in window.status.text()

    click(qtbot, panel.restore_button)
    qtbot.waitUntil(lambda: window.services is not None, timeout=5000)
    assert not panel.isVisible()
    assert stored_ids(data_dir) == sorted(in_backup)
    assert window.history.model.rowCount() == 2
    assert copy.read_bytes() == damaged_bytes  # the damaged copy is kept as it was
    assert "Restored the backup of" in window.status.text() and copy.name in window.status.text()
    assert str(data_dir) not in window.status.text()  # the file's name, not its path
    # the window works as usual
    save_by_form(qtbot, window, 4)
    assert len(stored_ids(data_dir)) == 3
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600


def test_with_no_backup_a_damaged_journal_offers_a_new_empty_one(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    add_entries(data_dir, [5])
    journal = data_dir / "journal.sqlite3"
    DAMAGE["not a journal"](journal)

    window = open_window(qtbot, data_dir, sessions)
    panel = window.damaged_panel
    assert panel.isVisible()
    assert panel.restore_button.isHidden()
    assert "There is no backup to restore" in panel.text.text()

    assert "Alt+Y" in window.status.text()
    # by keyboard, from wherever the focus is
    qtbot.keyClick(window.entry_form.pain_score, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.services is not None, timeout=5000)
    assert not panel.isVisible()
    assert stored_ids(data_dir) == []
    (copy,) = data_dir.glob("journal.damaged-*.sqlite3")
    assert copy.read_text() == "Dear diary\n" * 500
    save_by_form(qtbot, window, 6)
    assert len(stored_ids(data_dir)) == 1


def test_a_failed_backup_at_start_is_one_sentence_in_the_status_line(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    add_entries(data_dir, [1])
    (data_dir / "backups").write_text("not a folder")  # no backup can be written there

    window = open_window(qtbot, data_dir, sessions)
    assert window.services is not None and not window.damaged_panel.isVisible()
    status = window.status.text()
    assert status.startswith("The backup could not be written") and status.count(". ") == 0
    save_by_form(qtbot, window, 2)  # not blocked
    assert len(stored_ids(data_dir)) == 2


def test_each_start_with_a_changed_journal_makes_a_verified_backup(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    add_entries(data_dir, [1, 2])
    window = open_window(qtbot, data_dir, sessions)
    assert window.services is not None
    (automatic,) = BackupService(data_dir).backups()
    assert automatic.verified and automatic.entries == 2 and automatic.tag == ""


def next_turn_of_the_event_loop(qtbot: QtBot) -> None:
    """Returns once the event loop has run what was queued before this call: a zero-delay
    timer started now times out after the ones started earlier."""
    from PySide6.QtCore import QTimer

    marker = QTimer()
    marker.setSingleShot(True)
    marker.setInterval(0)
    with qtbot.waitSignal(marker.timeout, timeout=5000):
        marker.start()


def _held_back_backup(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """The start-up backup held back (as a slow disk would): the first event is set when it
    has begun, and it goes on once the second is set."""
    begun, copy_may_start = threading.Event(), threading.Event()
    original = BackupService.backup_if_changed

    def held_back(self: BackupService) -> object:
        begun.set()
        copy_may_start.wait(10)
        return original(self)

    monkeypatch.setattr(BackupService, "backup_if_changed", held_back)
    return begun, copy_may_start


def test_the_start_up_backup_does_not_hold_up_the_window(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup runs beside the window: the person can save meanwhile, and the backup is
    made and verified once it may go on."""
    add_entries(data_dir, [1, 2])
    begun, copy_may_start = _held_back_backup(monkeypatch)
    session = build_window(data_dir)
    sessions.append(session)
    window = session.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.services is not None, timeout=5000)
    qtbot.waitUntil(begun.is_set, timeout=5000)  # the backup has begun, and is held back
    assert not window.started_up  # the backup is still waiting
    save_by_form(qtbot, window, 3)
    assert len(stored_ids(data_dir)) == 3
    copy_may_start.set()
    qtbot.waitUntil(lambda: window.started_up, timeout=5000)
    (automatic,) = BackupService(data_dir).backups()
    assert automatic.verified and automatic.entries in (2, 3) and automatic.tag == ""


def test_an_unexpected_failure_of_the_start_up_backup_is_one_sentence(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_entries(data_dir, [1])

    def broken(_self: BackupService) -> object:
        raise RuntimeError("simulated")

    monkeypatch.setattr(BackupService, "backup_if_changed", broken)
    window = open_window(qtbot, data_dir, sessions)
    assert window.started_up and window.services is not None
    status = window.status.text()
    assert "unexpected problem (RuntimeError)" in status and "works" in status
    save_by_form(qtbot, window, 2)  # not blocked
    assert len(stored_ids(data_dir)) == 2


def test_closing_during_the_start_up_backup_waits_for_it(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing (or a restore, or deleting everything, which close the journal first) waits for
    the backup: no half-written copy is left, nothing is removed under it."""
    add_entries(data_dir, [1, 2])
    begun, copy_may_start = _held_back_backup(monkeypatch)
    session = build_window(data_dir)
    qtbot.addWidget(session.window)
    session.window.show()
    qtbot.waitUntil(begun.is_set, timeout=5000)
    threading.Timer(0.3, copy_may_start.set).start()
    session.close()
    assert copy_may_start.is_set()
    (automatic,) = BackupService(data_dir).backups()
    assert automatic.verified and automatic.entries == 2
    assert not [p for p in (data_dir / "backups").iterdir() if p.name.endswith(".partial")]


def test_a_start_up_backup_that_ends_as_the_window_closes_reads_the_journal_no_more(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup's end, posted while the window closed, is taken after the journal is
    closed: the pages made once the start is over (the weekly form's, the reminders') are not
    made then, so nothing reads the closed journal (an encrypted one's key may be gone by
    then: the app's lock, or its end)."""
    add_entries(data_dir, [1, 2])
    begun, copy_may_start = _held_back_backup(monkeypatch)
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(begun.is_set, timeout=5000)
    assert "esas_forms" not in window.panels  # made once the start is over
    copy_may_start.set()
    session.close()  # waits for the backup, whose end is then on its way to the window
    for _turn in range(3):
        next_turn_of_the_event_loop(qtbot)
    assert not window.started_up
    assert "esas_forms" not in window.panels
    (automatic,) = BackupService(data_dir).backups()
    assert automatic.verified and automatic.entries == 2


def test_a_journal_closed_before_its_start_up_backup_began_is_not_backed_up_after(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closed (for a restore, say) between opening and the backup's start: the backup does not
    begin later on a journal that is closed or replaced."""
    add_entries(data_dir, [1, 2])
    begun, copy_may_start = _held_back_backup(monkeypatch)
    copy_may_start.set()
    finish_open = AppRun._started

    def open_then_close(opening: AppRun, result: object) -> None:
        finish_open(opening, result)  # type: ignore[arg-type]
        opening.close()  # in the same turn of the event loop as the opening

    monkeypatch.setattr(AppRun, "_started", open_then_close)
    session = build_window(data_dir)
    qtbot.addWidget(session.window)
    session.window.show()
    qtbot.waitUntil(lambda: session.window.services is not None, timeout=5000)
    for _turn in range(3):  # what the opening had queued (the backup's start among it) has run
        next_turn_of_the_event_loop(qtbot)
    assert not begun.is_set()
    assert not (data_dir / "backups").exists() or not BackupService(data_dir).backups()


# ---- 2. backups and restore ----------------------------------------------------------------


def open_backups(qtbot: QtBot, window: MainWindow) -> BackupsDialog:
    window.backups_action.trigger()
    dialog = window.backups_dialog
    assert isinstance(dialog, BackupsDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def test_restore_a_backup_through_the_backups_dialog(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    window.contacts_panel.later_button.click()
    save_by_form(qtbot, window, 3)
    (first,) = stored_ids(data_dir)

    dialog = open_backups(qtbot, window)
    assert dialog.table.rowCount() == 0
    click(qtbot, dialog.backup_button)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells[1] == "Made by you" and cells[2] == "1" and cells[4] == "Checks out"
    assert cells[3].endswith((" KB", " MB"))  # plain units
    assert "Backed up and checked" in dialog.message.text()
    manual = dialog.chosen()
    assert manual is not None and manual.entries == 1
    dialog.reject()

    save_by_form(qtbot, window, 8)
    assert len(stored_ids(data_dir)) == 2

    asked = answer(monkeypatch, True)
    dialog = open_backups(qtbot, window)
    dialog.choose(manual.name)
    click(qtbot, dialog.restore_button)
    (question,) = asked
    assert "Your current journal is backed up first" in question and "(1 entry)" in question
    assert stored_ids(data_dir) == [first]
    # the window shows the restored journal and still works
    assert window.history.model.rowCount() == 1
    assert "Restored the backup of" in window.status.text()
    (before,) = (data_dir / "backups").glob("journal-*-before-restore.sqlite3")
    before_info = next(i for i in BackupService(data_dir).backups() if i.path == before)
    assert before_info.verified and before_info.entries == 2
    assert "Restored the backup of" in dialog.message.text() and before.name in (
        dialog.message.text()
    )
    assert before.name in [info.name for info in dialog.infos]  # listed in the dialog
    dialog.reject()
    save_by_form(qtbot, window, 1)
    assert len(stored_ids(data_dir)) == 2


def test_saying_no_to_the_restore_question_changes_nothing(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_entries(data_dir, [1])
    window = open_window(qtbot, data_dir, sessions)  # the start makes a backup
    add_entries(data_dir, [2])
    asked = answer(monkeypatch, False)
    dialog = open_backups(qtbot, window)
    assert dialog.table.rowCount() == 1
    click(qtbot, dialog.restore_button)
    assert len(asked) == 1
    assert len(stored_ids(data_dir)) == 2
    assert not list((data_dir / "backups").glob("*before-restore*"))


# ---- 3. export -----------------------------------------------------------------------------


def open_export(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    window.export_action.trigger()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


# an encrypted journal's export warns every time (tests/gui/test_passphrase_window.py)
@pytest.mark.plain_journal
def test_export_json_from_the_window_warns_the_first_time_only(
    qtbot: QtBot,
    data_dir: Path,
    sessions: list[AppRun],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    ids = add_entries(data_dir, [2, 6])
    window = open_window(qtbot, data_dir, sessions)
    asked = answer(monkeypatch, True)
    out = tmp_path / "exports"
    out.mkdir()

    dialog = open_export(qtbot, window)
    default = Path(dialog.path.text()).name
    assert default == f"spine-journal-export-{date.today().isoformat()}.json"
    assert dialog.format_name() == "json"
    target = out / default
    dialog.path.setText(str(target))
    click(qtbot, dialog.export_button)
    (warning,) = asked
    assert WARNING in warning
    assert "anyone who can open the file can read it" in warning
    data = json.loads(target.read_text(encoding="utf-8"))
    assert sorted(e["id"] for e in data["entries"]) == sorted(ids)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in out.iterdir()) == [default]  # no temporary file left
    assert "Exported the journal (2 entries)" in dialog.message.text()
    dialog.reject()

    # the second time: no warning (remembered in the journal), and another format
    dialog = open_export(qtbot, window)
    dialog.choose_format("csv")
    assert Path(dialog.path.text()).name.endswith(f"{date.today().isoformat()}.csv")
    second = out / "second.csv"
    dialog.path.setText(str(second))
    click(qtbot, dialog.export_button)
    assert len(asked) == 1
    assert second.read_text(encoding="utf-8").count("\n") >= 3  # a header and two rows
    assert stat.S_IMODE(second.stat().st_mode) == 0o600


def test_the_regular_medicines_doses_export_from_the_window(
    qtbot: QtBot,
    data_dir: Path,
    sessions: list[AppRun],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Export, "Doses of regular medicines": one row per dose due, up to today."""
    from datetime import time

    from tracker.domain.medicines import RegularMedicine
    from tracker.services.medicines import MedicineService

    db = open_journal(data_dir)
    try:
        started = date.today() - timedelta(days=2)
        twice = RegularMedicine("Morphine MR", 20, "mg", (time(8), time(20)), started)
        MedicineService(db).add(twice)
    finally:
        db.close()
    window = open_window(qtbot, data_dir, sessions)
    answer(monkeypatch, True)
    dialog = open_export(qtbot, window)
    dialog.choose_format("csv-doses")
    assert Path(dialog.path.text()).name.endswith("-doses.csv")
    target = tmp_path / "doses.csv"
    dialog.path.setText(str(target))
    click(qtbot, dialog.export_button)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("due_on,due_time,medicine_id,medicine,dose,")
    rows = lines[1:]
    assert 4 <= len(rows) <= 6  # two days before today and today, up to now
    assert all(",Morphine MR,20 mg," in row and ",not recorded," in row for row in rows)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    dialog.reject()


def test_declining_the_first_export_warning_writes_nothing_and_asks_again(
    qtbot: QtBot,
    data_dir: Path,
    sessions: list[AppRun],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    add_entries(data_dir, [2])
    window = open_window(qtbot, data_dir, sessions)
    asked = answer(monkeypatch, False)
    dialog = open_export(qtbot, window)
    dialog.choose_format("fhir")
    target = tmp_path / "care-team.json"
    dialog.path.setText(str(target))
    click(qtbot, dialog.export_button)
    assert len(asked) == 1 and not target.exists()
    asked = answer(monkeypatch, True)
    click(qtbot, dialog.export_button)
    assert len(asked) == 1
    assert json.loads(target.read_text(encoding="utf-8"))["resourceType"] == "Bundle"


def test_an_export_to_a_missing_folder_says_so(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun], tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    dialog = open_export(qtbot, window)
    dialog.path.setText(str(tmp_path / "nowhere" / "x.json"))
    click(qtbot, dialog.export_button)
    assert "Not exported" in dialog.message.text() and "does not exist" in dialog.message.text()


# ---- 4. delete all my data -----------------------------------------------------------------


def test_delete_all_my_data_needs_the_word_delete(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    add_entries(data_dir, [4, 5])
    window = open_window(qtbot, data_dir, sessions)
    backups = data_dir / "backups"
    assert list(backups.iterdir())  # the start's backup
    window.delete_data_action.trigger()
    dialog = window.delete_dialog
    assert isinstance(dialog, DeleteDataDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    explanation = dialog.explanation.text()
    assert "every backup" in explanation and "cannot be undone" in explanation
    assert str(backups) in explanation

    for wrong in ("delete", "DELET", "yes"):
        dialog.word.clear()
        qtbot.keyClicks(dialog.word, wrong)
        assert not dialog.delete_button.isEnabled()
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert len(stored_ids(data_dir)) == 2 and list(backups.iterdir())

    dialog.word.clear()
    qtbot.keyClicks(dialog.word, "DELETE")
    click(qtbot, dialog.delete_button)
    assert not dialog.isVisible()
    assert not backups.exists()
    assert stored_ids(data_dir) == []  # a new, empty journal
    assert window.history.model.rowCount() == 0
    assert "All your data was deleted" in window.status.text()
    save_by_form(qtbot, window, 3)
    assert len(stored_ids(data_dir)) == 1


# ---- the menu ------------------------------------------------------------------------------


def test_the_journal_menu_has_distinct_alt_letters(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    window = open_window(qtbot, data_dir, sessions)
    texts = [a.text() for a in window.journal_menu.actions() if not a.isSeparator()]
    assert {"&Backups…", "E&xport…", "&Delete all my data…"} <= set(texts)
    letters = [t[t.index("&") + 1].lower() for t in texts]
    assert len(letters) == len(set(letters)), texts
    bar = [a.text() for a in window.menuBar().actions()]
    assert not {t[t.index("&") + 1].lower() for t in bar} & {"b", "x", "d"}


def test_every_input_of_the_new_dialogs_has_a_buddy_label_and_a_name(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit

    window = open_window(qtbot, data_dir, sessions)
    dialogs = [open_backups(qtbot, window), open_export(qtbot, window)]
    window.delete_data_action.trigger()
    assert window.delete_dialog is not None
    dialogs.append(window.delete_dialog)
    for dialog in dialogs:
        buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
        inputs = [
            w
            for w in dialog.findChildren(QWidget)
            if isinstance(w, QLineEdit | QAbstractItemView)
            and not isinstance(w.parent(), QAbstractItemView)
            and w.objectName() != "qt_spinbox_lineedit"
        ]
        assert inputs
        for widget in inputs:
            assert widget.accessibleName() and widget in buddies, widget
        for button in dialog.findChildren(QAbstractButton):
            if button.objectName().startswith("qt_"):
                continue
            assert button.accessibleName() or button.text(), button
        dialog.close()
