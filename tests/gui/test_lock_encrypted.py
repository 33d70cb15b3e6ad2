"""The lock of a journal with a passphrase, as a person meets it: Ctrl+L closes the journal
(its engine disposed, its key dropped), Unlock asks for the passphrase with the start's dialog
(a wrong one is one sentence and another try, Cancel stays locked), and the right one brings
the window back as it was, the typed entry kept and saves landing in the journal."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.helpers import click, focused, press
from tests.gui.test_lock import (
    NOTE,
    assert_locked,
    emergency_comes_back,
    raise_an_emergency,
    type_an_entry,
    typed,
)
from tests.gui.test_passphrase_window import type_into
from tracker.app import AppRun, build_window
from tracker.domain.model import Contacts, Profile
from tracker.services.passphrase import PassphraseError, PassphraseService
from tracker.services.registry import build_services
from tracker.storage import cipher
from tracker.storage.database import JournalDatabase, open_journal
from tracker.storage.journal_file import JOURNAL_NAME
from tracker.ui.lock import IDLE_KEY
from tracker.ui.main_window import MainWindow
from tracker.ui.passphrase_unlock import PassphrasePrompt
from tracker.ui.reminders_flow import RemindersFlow
from tracker.ui.widgets.lock_page import PRIVACY_SCREEN, PROTECTED
from tracker.ui.window_place import settings

PASSPHRASE = "blue heron at dawn"


def protected_journal(data_dir: Path) -> None:
    """A journal with the numbers set, then encrypted; the key dropped, as after closing."""
    db = open_journal(data_dir)
    try:
        build_services(db).journal.set_profile_and_contacts(
            Profile(), Contacts(helpline="0800 123 4567", emergency="999", team="020 7000 0000")
        )
    finally:
        db.close()
    PassphraseService(data_dir).protect(PASSPHRASE)
    cipher.forget(data_dir)


def shown_prompt(qtbot: QtBot) -> PassphrasePrompt:
    def found() -> list[PassphrasePrompt]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, PassphrasePrompt) and w.isVisible()
        ]

    qtbot.waitUntil(lambda: len(found()) == 1, timeout=3000)
    return found()[0]


def answer(qtbot: QtBot, prompt: PassphrasePrompt, passphrase: str) -> None:
    """The passphrase typed and "Open the journal" clicked; its check (a thread) waited for."""
    type_into(qtbot, prompt.passphrase, passphrase)
    click(qtbot, prompt.open_button)
    qtbot.waitUntil(lambda: not prompt.checking, timeout=10000)


@pytest.fixture
def session(qtbot: QtBot, data_dir: Path) -> Iterator[AppRun]:
    protected_journal(data_dir)
    run = build_window(data_dir)
    qtbot.addWidget(run.window)
    with qtbot.waitSignal(run.window.first_painted, timeout=10000):
        run.window.show()
    answer(qtbot, shown_prompt(qtbot), PASSPHRASE)  # asked at start, in a thread too
    qtbot.waitUntil(lambda: run.window.started_up, timeout=10000)
    run.window.activateWindow()  # as the desktop does once the question has gone
    qtbot.waitUntil(run.window.isActiveWindow, timeout=3000)
    yield run
    dialog = run.window.alerts.dialog
    if dialog is not None and dialog.isVisible():
        dialog.buttons["discussed_with_team"].click()
    run.close()
    cipher.forget(data_dir)


def unlock(qtbot: QtBot, window: MainWindow) -> None:
    """A click on Unlock, then the right passphrase."""
    page = window.lock.page
    assert page is not None
    click(qtbot, page.unlock_button)
    answer(qtbot, shown_prompt(qtbot), PASSPHRASE)
    # the key derivation takes about half a second, several on a busy machine
    qtbot.waitUntil(lambda: not window.lock.locked, timeout=10000)


def notes_stored(data_dir: Path) -> list[str]:
    db = open_journal(data_dir)
    try:
        return [entry.note for entry in build_services(db).journal.entries()]
    finally:
        db.close()


def open_connections(db: object) -> int:
    assert isinstance(db, JournalDatabase)
    pool = db.engine.pool
    return int(pool.checkedin() + pool.checkedout())  # type: ignore[attr-defined]


def test_ctrl_l_closes_the_journal_and_only_its_passphrase_opens_it(
    qtbot: QtBot, session: AppRun, data_dir: Path
) -> None:
    window = session.window
    journal = data_dir / "journal.sqlite3"
    type_an_entry(window)
    before = typed(window)
    assert open_connections(session.db) > 0  # the control: the open journal has one
    window.entry_form.note.setFocus()
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert_locked(window)
    page = window.lock.page
    assert page is not None and page.words.text() == PROTECTED
    # the journal is closed: no connection, no key, and none opens while locked
    assert open_connections(session.db) == 0
    assert cipher.held_key(journal) is None and not session.key_held
    services = window.services
    assert services is not None
    with pytest.raises(PassphraseError, match="locked"):
        services.journal.entries()
    stored = journal.read_bytes()

    press(qtbot, Qt.Key.Key_Return)
    prompt = shown_prompt(qtbot)
    answer(qtbot, prompt, "blue heron at dusk")
    assert prompt.isVisible() and "does not open" in prompt.message.text()
    assert prompt.message.text().count(".") == 1  # one sentence
    assert prompt.passphrase.text() == "" and prompt.open_button.isEnabled()
    assert window.lock.locked and cipher.held_key(journal) is None
    assert journal.read_bytes() == stored  # nothing changed

    prompt.reject()  # Cancel: still locked, nothing of the journal shown
    assert not prompt.isVisible()
    assert_locked(window)
    qtbot.waitUntil(lambda: focused() is page.unlock_button, timeout=3000)

    unlock(qtbot, window)
    assert window.windowTitle() == "Spine Journal" and page.isHidden()
    assert typed(window) == before  # the entry being typed, as it was
    click(qtbot, window.entry_form.save_button)
    qtbot.waitUntil(lambda: "saved" in window.entry_form.message.text(), timeout=5000)
    assert notes_stored(data_dir) == [NOTE]  # the save landed in the journal


def test_an_emergency_waiting_for_an_answer_comes_back_after_the_passphrase(
    qtbot: QtBot, session: AppRun
) -> None:
    window = session.window
    emergency_comes_back(qtbot, window, lambda: unlock(qtbot, window))
    services = window.services  # the answer was logged: the journal is open
    assert services is not None and services.alerts.pending_emergencies() == []


def test_timers_wait_while_locked_and_run_again_after(qtbot: QtBot, session: AppRun) -> None:
    """The emergency's "remind me" and the reminders' clock would reach the closed journal."""
    window = session.window
    (flow,) = [child for child in window.children() if isinstance(child, RemindersFlow)]
    assert flow.clock.timer.isActive()  # started with the journal
    dialog = raise_an_emergency(qtbot, window)
    window.alerts.reminder.setInterval(200)  # a test's quarter of an hour
    click(qtbot, dialog.buttons["reminder"])
    assert window.alerts.reminder.isActive()
    window.lock.lock_now()
    assert not flow.clock.timer.isActive() and not window.alerts.reminder.isActive()
    # nothing asks the closed journal meanwhile (an attempt would raise in the event loop)
    with qtbot.assertNotEmitted(window.alerts.dialog_shown, wait=400):
        pass
    assert window.lock.locked
    with qtbot.waitSignal(window.alerts.dialog_shown, timeout=5000):
        unlock(qtbot, window)  # the reminder was due meanwhile: it comes at once
    assert flow.clock.timer.isActive()
    assert window.alerts.reminder.interval() == 200  # its own wait again, for the next time


def test_an_encrypted_journal_locks_after_ten_minutes_unless_chosen(
    qtbot: QtBot, session: AppRun, data_dir: Path
) -> None:
    lock = session.window.lock
    assert settings().value(IDLE_KEY) is None  # nothing chosen
    assert lock.idle_minutes() == 10 and lock.idle_actions[10].isChecked()
    assert lock.idle_timer.isActive() and lock.idle_timer.interval() == 10 * 60_000
    lock.minute_ms = 20  # a test's minute
    lock.idle_actions[2].trigger()
    qtbot.waitUntil(lambda: lock.locked, timeout=10000)
    assert_locked(session.window)
    assert cipher.held_key(data_dir / "journal.sqlite3") is None
    unlock(qtbot, session.window)
    assert session.window.services is not None
    assert session.window.services.journal.entries() == []
    lock.idle_actions[0].trigger()  # Off: this window's lock acts on no later test's window


@pytest.mark.parametrize("locked_when", ["asked", "passphrase checked"])
def test_locked_while_the_start_asks_for_the_passphrase(
    qtbot: QtBot, data_dir: Path, locked_when: str
) -> None:
    """Locked while the start's question is on screen, or while the key it was given is
    derived (the key is then dropped again as it comes): nothing of the journal is open or
    read under the lock; unlocking needs no passphrase, the start's question comes back and
    opens it."""
    protected_journal(data_dir)
    run = build_window(data_dir)
    qtbot.addWidget(run.window)
    try:
        with qtbot.waitSignal(run.window.first_painted, timeout=10000):
            run.window.show()
        prompt = shown_prompt(qtbot)
        if locked_when == "passphrase checked":
            type_into(qtbot, prompt.passphrase, PASSPHRASE)
            click(qtbot, prompt.open_button)
            assert prompt.checking
        run.window.lock.lock_now()
        qtbot.waitUntil(lambda: not prompt.checking, timeout=10000)
        assert not run.key_held and run.window.services is None
        with qtbot.assertNotEmitted(run._start.passed, wait=300):
            pass  # no start under the lock
        assert_locked(run.window)
        assert not prompt.isVisible()
        page = run.window.lock.page
        assert page is not None
        click(qtbot, page.unlock_button)
        assert not run.window.lock.locked and prompt.isVisible()
        answer(qtbot, prompt, PASSPHRASE)
        qtbot.waitUntil(lambda: run.window.started_up, timeout=10000)
        assert run.window.services is not None
    finally:
        run.close()
        cipher.forget(data_dir)


def test_the_lock_follows_the_passphrase_set_and_removed_from_the_menu(
    qtbot: QtBot, data_dir: Path
) -> None:
    run = build_window(data_dir)
    qtbot.addWidget(run.window)
    lock = run.window.lock
    try:
        with qtbot.waitSignal(run.window.first_painted, timeout=10000):
            run.window.show()
        qtbot.waitUntil(lambda: run.window.started_up, timeout=10000)
        assert lock.idle_minutes() == 0  # a plain journal: off
        run.change_passphrase(None, PASSPHRASE)  # what "Protect with a passphrase…" calls
        assert lock.idle_minutes() == 10 and lock.idle_actions[10].isChecked()
        lock.lock_now()
        page = lock.page
        assert page is not None and page.words.text() == PROTECTED
        assert not run.key_held
        unlock(qtbot, run.window)
        run.change_passphrase(PASSPHRASE, None)  # "Remove the passphrase…"
        lock.lock_now()
        assert page.words.text() == PRIVACY_SCREEN and lock.idle_minutes() == 0
        click(qtbot, page.unlock_button)  # a privacy screen: no passphrase asked
        assert not lock.locked
    finally:
        run.close()
        cipher.forget(data_dir)


def test_a_salt_file_that_cannot_be_read_is_one_sentence_and_the_window_stays_locked(
    qtbot: QtBot, session: AppRun, data_dir: Path
) -> None:
    window = session.window
    window.lock.lock_now()
    salt = data_dir / cipher.SALT_NAME
    kept = salt.read_bytes()
    salt.unlink()
    salt.mkdir()  # there, but not a file that can be read
    try:
        page = window.lock.page
        assert page is not None
        click(qtbot, page.unlock_button)
        prompt = shown_prompt(qtbot)
        answer(qtbot, prompt, PASSPHRASE)
        assert "could not be checked" in prompt.message.text()
        assert prompt.message.text().count(".") == 1
        assert window.lock.locked and prompt.open_button.isEnabled()
        prompt.reject()
        assert_locked(window)
    finally:
        salt.rmdir()
        salt.write_bytes(kept)
    unlock(qtbot, window)


@pytest.mark.parametrize("locked_when", ["shown", "key typed", "checked"])
def test_locked_as_the_journal_opens_the_start_ends_before_the_key_goes(
    qtbot: QtBot, data_dir: Path, locked_when: str
) -> None:
    """Locked as soon as the journal is shown, while the start-up backup may still run (or is
    yet to begin); as soon as the passphrase is taken, before the journal is shown (the start
    is then ended by the lock, and the backup's zero-delay timer is among the events the lock
    takes); or once the quick check has passed and posted so, the window not yet told (its
    opening is then begun and ended by the lock, never run on without the key, which would
    take the journal for damaged): the start is waited for and ends first, or its backup
    waits for the unlock (its end starts the reminders' clock). The journal is the same."""
    protected_journal(data_dir)
    run = build_window(data_dir)
    qtbot.addWidget(run.window)
    window = run.window
    checked = threading.Event()  # set in the start's thread, as the check posts "passed"
    run._start.passed.connect(checked.set, Qt.ConnectionType.DirectConnection)
    try:
        with qtbot.waitSignal(window.first_painted, timeout=10000):
            window.show()
        # the reminders' flow is made once the window has painted
        (flow,) = [child for child in window.children() if isinstance(child, RemindersFlow)]
        answer(qtbot, shown_prompt(qtbot), PASSPHRASE)
        if locked_when == "shown":
            qtbot.waitUntil(lambda: window.services is not None, timeout=10000)
        elif locked_when == "key typed":
            # the start's question answered and closed, the journal not yet shown
            start_prompt = run.unlock_dialog
            assert start_prompt is not None
            qtbot.waitUntil(lambda: run.key_held and not start_prompt.isVisible(), timeout=10000)
        else:
            assert checked.wait(10)  # no event taken meanwhile: "passed" waits in the queue
        window.lock.lock_now()
        # the start ended within the lock, or its backup waits for the unlock: nothing of it
        # ends under the lock, where the clock would start on a journal without its key
        with qtbot.assertNotEmitted(window.start_up_done, wait=300):
            pass
        assert not flow.clock.timer.isActive()
        assert_locked(window)
        unlock(qtbot, window)
        qtbot.waitUntil(lambda: window.started_up and flow.clock.timer.isActive(), timeout=10000)
        assert window.services is not None
        assert window.services.journal.profile_and_contacts()[1].helpline == "0800 123 4567"
        assert cipher.looks_protected(data_dir / JOURNAL_NAME)
        assert not list(data_dir.glob("*.damaged-*"))  # nothing taken for damaged
    finally:
        run.close()
        cipher.forget(data_dir)
