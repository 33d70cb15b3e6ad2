"""Issue 18 in the window: the passphrase asked at start before anything of the journal is
shown, and Protect / Change / Remove from the Journal menu, driven through the real dialogs,
then checked in the files."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.helpers import click_shown as click
from tracker.app import AppRun, build_window
from tracker.domain.model import Entry, Pain
from tracker.services.journal import JournalService
from tracker.services.passphrase import PassphraseService
from tracker.storage import cipher
from tracker.storage.cipher import SQLITE_HEADER
from tracker.storage.database import open_journal
from tracker.ui.common import Confirm
from tracker.ui.dialogs.export_dialog import ENCRYPTED_WARNING, ExportDialog
from tracker.ui.dialogs.passphrase_dialog import PassphraseDialog, UnlockDialog
from tracker.ui.main_window import MainWindow

PASSPHRASE = "blue heron at dawn"
NOTE = "Slept badly, the left hip again."


@pytest.fixture
def sessions(data_dir: Path) -> Iterator[list[AppRun]]:
    opened: list[AppRun] = []
    yield opened
    for session in opened:
        session.close()
    cipher.forget(data_dir)


def add_entries(data_dir: Path, count: int) -> None:
    db = open_journal(data_dir)
    try:
        journal = JournalService(db)
        start = datetime(2026, 11, 21, 8, tzinfo=UTC)
        for n in range(count):
            journal.save_entry(
                Entry(recorded_at=start + timedelta(hours=n), pain=Pain(score=4), note=NOTE)
            )
    finally:
        db.close()


def protected_with_an_entry(data_dir: Path) -> None:
    """One entry, then the passphrase; its key dropped, as after closing."""
    add_entries(data_dir, 1)
    PassphraseService(data_dir).protect(PASSPHRASE)
    cipher.forget(data_dir)


def type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    qtbot.keyClicks(field, text)  # type: ignore[no-untyped-call]


def started(qtbot: QtBot, data_dir: Path, sessions: list[AppRun]) -> AppRun:
    session = build_window(data_dir)
    sessions.append(session)
    qtbot.addWidget(session.window)
    with qtbot.waitSignal(session.window.first_painted, timeout=5000):
        session.window.show()
    return session


def asked_passphrase(qtbot: QtBot, session: AppRun) -> UnlockDialog:
    """The dialog that asks for the passphrase at start, once it is shown."""
    qtbot.waitUntil(lambda: isinstance(session.unlock_dialog, UnlockDialog), timeout=3000)
    dialog = session.unlock_dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def wait_open(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.started_up, timeout=10000)


def no_plain_text(data_dir: Path) -> bool:
    for path in data_dir.rglob("*"):
        if path.is_file() and path.name != cipher.SALT_NAME:
            data = path.read_bytes()
            if NOTE.encode() in data or SQLITE_HEADER in data or PASSPHRASE.encode() in data:
                return False
    return True


def test_the_passphrase_is_asked_before_anything_is_shown(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    add_entries(data_dir, 2)
    PassphraseService(data_dir).protect(PASSPHRASE)
    cipher.forget(data_dir)  # as after the app was closed
    before = (data_dir / "journal.sqlite3").read_bytes()
    session = started(qtbot, data_dir, sessions)
    window = session.window
    dialog = asked_passphrase(qtbot, session)
    assert window.history.model.rowCount() == 0 and not window.started_up

    type_into(qtbot, dialog.passphrase, "blue heron at dusk")
    click(qtbot, dialog.open_button)
    qtbot.waitUntil(lambda: "does not open" in dialog.message.text(), timeout=10000)  # a thread
    assert dialog.isVisible()
    assert dialog.message.text().count(".") == 1  # one sentence
    assert dialog.passphrase.text() == ""
    assert window.history.model.rowCount() == 0
    assert (data_dir / "journal.sqlite3").read_bytes() == before

    type_into(qtbot, dialog.passphrase, PASSPHRASE)
    click(qtbot, dialog.open_button)
    wait_open(qtbot, window)
    assert not dialog.isVisible()
    assert window.history.model.rowCount() == 2


def test_cancelling_the_passphrase_keeps_the_journal_closed(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    protected_with_an_entry(data_dir)
    session = started(qtbot, data_dir, sessions)
    asked_passphrase(qtbot, session).reject()
    qtbot.waitUntil(lambda: "stays closed" in session.window.status.text(), timeout=3000)
    assert session.window.history.model.rowCount() == 0 and session.window.services is None


def open_passphrase_dialog(qtbot: QtBot, window: MainWindow, action: object) -> PassphraseDialog:
    action.trigger()  # type: ignore[attr-defined]
    dialog = window.flows.passphrase_dialog
    assert isinstance(dialog, PassphraseDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def test_protect_change_and_remove_from_the_journal_menu(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun], tmp_path: Path
) -> None:
    add_entries(data_dir, 2)
    window = started(qtbot, data_dir, sessions).window
    wait_open(qtbot, window)
    journal = data_dir / "journal.sqlite3"

    dialog = open_passphrase_dialog(qtbot, window, window.protect_action)
    assert "nobody can recover it" in dialog.warning.text()
    type_into(qtbot, dialog.new, PASSPHRASE)
    type_into(qtbot, dialog.again, PASSPHRASE + "!")
    click(qtbot, dialog.apply_button)
    assert dialog.isVisible() and "differ" in dialog.message.text()
    assert journal.read_bytes().startswith(SQLITE_HEADER)  # nothing changed

    type_into(qtbot, dialog.hint, "the bird by the lake")
    sheet = tmp_path / "sheet.txt"
    dialog.write_sheet(sheet)
    text = sheet.read_text(encoding="utf-8")
    assert "the bird by the lake" in text and str(journal) in text and PASSPHRASE not in text
    type_into(qtbot, dialog.again, PASSPHRASE)
    click(qtbot, dialog.apply_button)
    assert not dialog.isVisible(), dialog.message.text()
    assert no_plain_text(data_dir)
    assert window.history.model.rowCount() == 2
    assert "encrypted" in window.status.text()
    form = window.entry_form
    form.new_entry()
    form.pain_score.setValue(6)
    click(qtbot, form.save_button)
    assert "saved" in form.message.text()
    assert window.history.model.rowCount() == 3

    dialog = open_passphrase_dialog(qtbot, window, window.change_passphrase_action)
    type_into(qtbot, dialog.current, "not it")
    type_into(qtbot, dialog.new, "a newer passphrase")
    type_into(qtbot, dialog.again, "a newer passphrase")
    click(qtbot, dialog.apply_button)
    assert dialog.isVisible() and "does not open" in dialog.message.text()
    assert window.history.model.rowCount() == 3  # open again, as it was
    type_into(qtbot, dialog.current, PASSPHRASE)
    click(qtbot, dialog.apply_button)
    assert not dialog.isVisible(), dialog.message.text()
    cipher.forget(data_dir)
    with pytest.raises(cipher.PassphraseError):
        cipher.unlock(data_dir, journal, PASSPHRASE)
    cipher.unlock(data_dir, journal, "a newer passphrase")

    dialog = open_passphrase_dialog(qtbot, window, window.remove_passphrase_action)
    type_into(qtbot, dialog.current, "a newer passphrase")
    click(qtbot, dialog.apply_button)
    assert not dialog.isVisible(), dialog.message.text()
    assert journal.read_bytes().startswith(SQLITE_HEADER)
    assert not (data_dir / cipher.SALT_NAME).exists()
    assert window.history.model.rowCount() == 3


def test_the_recovery_sheet_prints_without_the_passphrase(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun], tmp_path: Path
) -> None:
    """Print, through the print dialog (opened with ``open()``, so the window goes on: the
    lock can hide it), to a PDF file typed in the dialog as a person would; the text read back."""
    add_entries(data_dir, 1)
    window = started(qtbot, data_dir, sessions).window
    wait_open(qtbot, window)
    dialog = open_passphrase_dialog(qtbot, window, window.protect_action)
    type_into(qtbot, dialog.new, PASSPHRASE)
    type_into(qtbot, dialog.again, PASSPHRASE)
    type_into(qtbot, dialog.hint, "the bird by the lake")
    click(qtbot, dialog.sheet.print_button)
    printing = dialog.sheet.print_dialog
    assert isinstance(printing, QPrintDialog)
    qtbot.waitUntil(printing.isVisible, timeout=3000)
    assert printing.isModal() and dialog.isVisible()
    pdf = tmp_path / "sheet.pdf"
    file_field = printing.findChild(QLineEdit, "filename")
    assert isinstance(file_field, QLineEdit)
    file_field.clear()
    type_into(qtbot, file_field, str(pdf))
    with qtbot.waitSignal(printing.accepted, timeout=3000):
        qtbot.keyClick(printing, Qt.Key.Key_Return)  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: "printer" in dialog.message.text(), timeout=3000)
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Passphrase hint: the bird by the lake" in text
    assert str(data_dir / "journal.sqlite3") in text
    assert f"Protected on: {date.today().isoformat()}" in text
    assert PASSPHRASE not in text and PASSPHRASE.encode() not in pdf.read_bytes()
    assert (data_dir / "journal.sqlite3").read_bytes().startswith(SQLITE_HEADER)  # not yet


def test_every_export_of_an_encrypted_journal_says_the_file_is_plain(
    qtbot: QtBot,
    data_dir: Path,
    sessions: list[AppRun],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    add_entries(data_dir, 2)
    PassphraseService(data_dir).protect(PASSPHRASE)  # the key stays held, as after the menu
    window = started(qtbot, data_dir, sessions).window
    wait_open(qtbot, window)
    asked: list[str] = []

    def ask(_parent: object, _title: str, question: str) -> bool:
        asked.append(question)
        return True

    monkeypatch.setattr(Confirm, "ask", ask)
    for name in ("first.json", "second.json"):
        window.export_action.trigger()
        dialog = window.export_dialog
        assert isinstance(dialog, ExportDialog)
        qtbot.waitUntil(dialog.isVisible, timeout=3000)
        dialog.path.setText(str(tmp_path / name))
        click(qtbot, dialog.export_button)
        assert NOTE in (tmp_path / name).read_text(encoding="utf-8")  # an export is plain
        dialog.reject()
    assert len(asked) == 2 and all(ENCRYPTED_WARNING in question for question in asked)


def test_a_backup_the_passphrase_does_not_open_is_named_after_the_removal(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun]
) -> None:
    protected_with_an_entry(data_dir)
    damaged = sorted((data_dir / "backups").iterdir())[0]
    with damaged.open("r+b") as stream:
        stream.write(bytes(4096))  # its first page: no key opens it now
    before = damaged.read_bytes()
    session = started(qtbot, data_dir, sessions)
    window = session.window
    prompt = asked_passphrase(qtbot, session)
    type_into(qtbot, prompt.passphrase, PASSPHRASE)
    click(qtbot, prompt.open_button)
    wait_open(qtbot, window)

    dialog = open_passphrase_dialog(qtbot, window, window.remove_passphrase_action)
    type_into(qtbot, dialog.current, PASSPHRASE)
    click(qtbot, dialog.apply_button)
    assert not dialog.isVisible(), dialog.message.text()
    assert (data_dir / "journal.sqlite3").read_bytes().startswith(SQLITE_HEADER)
    assert window.status.text() == (
        "The passphrase was removed: the journal and its backups are plain files. "
        "One backup could not be opened (damaged, or made with another passphrase) and was "
        f"left as it was: {damaged.name}."
    )
    assert damaged.read_bytes() == before


def test_a_removal_a_crash_cut_off_is_finished_before_the_window_reads_the_journal(
    qtbot: QtBot, data_dir: Path, sessions: list[AppRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The removal's record says "commit", the backups are plain and the journal still
    encrypted (the process died before its rename): the window finishes the removal before it
    reads anything, so it opens the journal plain, never asking for a passphrase."""
    from tracker.storage import conversion, encryption

    protected_with_an_entry(data_dir)

    class Killed(BaseException):
        """Where the process would have died."""

    def step_or_die(name: str) -> None:
        if name == "replace":
            raise Killed(name)

    monkeypatch.setattr(encryption, "_step", step_or_die)
    with pytest.raises(Killed):
        PassphraseService(data_dir).remove(PASSPHRASE)
    monkeypatch.undo()
    cipher.forget(data_dir)  # a new process holds no key
    assert conversion.interrupted(data_dir) and cipher.is_encrypted(data_dir / "journal.sqlite3")

    session = started(qtbot, data_dir, sessions)
    wait_open(qtbot, session.window)
    assert session.unlock_dialog is None
    assert session.window.history.model.rowCount() == 1
    assert not conversion.interrupted(data_dir)
    assert (data_dir / "journal.sqlite3").read_bytes().startswith(SQLITE_HEADER)
    assert not (data_dir / cipher.SALT_NAME).exists()
