"""The lock as a person meets it: Ctrl+L or the idle time hides the journal, Unlock brings it
back as it was (the typed entry, an open dialog, an emergency waiting for an answer)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.helpers import click, focused, press
from tests.gui.test_alert_stories import open_window
from tracker import APP_NAME
from tracker.app import AppRun
from tracker.domain.model import Contacts, Profile
from tracker.services.registry import build_services
from tracker.storage.database import open_journal
from tracker.ui.dialogs.emergency_alert import EmergencyAlertDialog
from tracker.ui.lock import IDLE_KEY, Answered, PlainUnlocker, WindowLock
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets.lock_page import PRIVACY_SCREEN, PROTECTED
from tracker.ui.window_place import settings

NOTE = "Walked to the shop and back"


@pytest.fixture
def session(qtbot: QtBot, data_dir: Path) -> Iterator[AppRun]:
    services = build_services(open_journal(data_dir))
    services.journal.set_profile_and_contacts(
        Profile(), Contacts(helpline="0800 123 4567", emergency="999", team="020 7000 0000")
    )
    run = open_window(qtbot, data_dir)  # the alert stories' way in
    yield run
    if run.window.lock.locked:
        run.window.lock.unlock()
    dialog = run.window.alerts.dialog
    if dialog is not None and dialog.isVisible():
        dialog.buttons["discussed_with_team"].click()
    run.close()


def type_an_entry(window: MainWindow) -> None:
    form = window.entry_form
    form.pain_score.setValue(4)
    form.weakness["left_leg"].setCurrentIndex(1)
    form.note.setPlainText(NOTE)


def typed(window: MainWindow) -> tuple[object, ...]:
    form = window.entry_form
    return (
        form.pain_score.value(),
        form.weakness["left_leg"].currentIndex(),
        form.note.toPlainText(),
    )


def shown_outside_the_lock_page(window: MainWindow) -> list[QWidget]:
    """Every widget a person could see that is not the lock page or within it."""
    page = window.lock.page
    assert page is not None
    shown = [w for w in window.findChildren(QWidget) if w.isVisible()]
    inside = {page, *page.findChildren(QWidget)}
    others = [w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible()]
    return [w for w in shown if w not in inside] + others


def shown(window: MainWindow) -> set[QWidget]:
    return {w for w in window.findChildren(QWidget) if w.isVisible()}


def assert_locked(window: MainWindow) -> None:
    assert window.lock.locked
    assert window.windowTitle() == APP_NAME
    assert shown_outside_the_lock_page(window) == []
    page = window.lock.page
    assert page is not None and page.isVisible()
    assert NOTE not in " ".join(label.text() for label in (page.title, page.words))


def test_ctrl_l_hides_the_journal_and_its_dialog_and_enter_brings_them_back(
    qtbot: QtBot, session: AppRun
) -> None:
    window = session.window
    type_an_entry(window)
    before = typed(window)
    window.summary_action.trigger()  # "Prepare for appointment…", a dialog over the window
    summary = window.summary_dialog
    assert summary is not None
    qtbot.waitUntil(summary.isVisible, timeout=10000)
    seen = shown(window)
    summary.activateWindow()
    summary.setFocus()
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # from within the dialog
    qtbot.waitUntil(lambda: window.lock.locked, timeout=3000)
    assert_locked(window)
    assert not summary.isVisible()
    page = window.lock.page
    assert page is not None
    assert page.words.text() == PRIVACY_SCREEN  # no passphrase: it says it is a screen
    assert focused() is page.unlock_button  # the lock page's default
    press(qtbot, Qt.Key.Key_Return)
    assert not window.lock.locked
    assert not page.isVisible()
    assert summary.isVisible()
    assert shown(window) == seen  # the window as it was, menus and all
    assert typed(window) == before


def test_a_click_on_unlock_brings_the_window_back(qtbot: QtBot, session: AppRun) -> None:
    window = session.window
    type_an_entry(window)
    seen = shown(window)
    window.lock.lock_action.trigger()  # Journal > Lock now
    assert_locked(window)
    page = window.lock.page
    assert page is not None
    assert page.accessibleName() == f"{APP_NAME} is locked"
    assert page.unlock_button.accessibleName() == "Unlock"
    assert focused() is page.unlock_button
    # the window's shortcuts do nothing while locked: Ctrl+P opens no summary over the page
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.summary_dialog is None
    assert_locked(window)
    window.resize(window.width() + 120, window.height() + 60)  # still the whole window
    qtbot.waitUntil(lambda: page.geometry() == window.rect())
    click(qtbot, page.unlock_button)
    assert not window.lock.locked
    assert shown(window) == seen
    assert window.entry_form.note.toPlainText() == NOTE


def raise_an_emergency(qtbot: QtBot, window: MainWindow) -> EmergencyAlertDialog:
    """An entry saved with a new leg weakness: the emergency window, waiting for an answer."""
    form = window.entry_form
    form.pain_score.setValue(3)
    form.weakness["left_leg"].setCurrentIndex(2)
    click(qtbot, form.save_button)
    dialog = window.alerts.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def test_an_emergency_waiting_for_an_answer_comes_back_after_unlocking(
    qtbot: QtBot, session: AppRun
) -> None:
    emergency_comes_back(qtbot, session.window, lambda: press(qtbot, Qt.Key.Key_Enter))


def emergency_comes_back(qtbot: QtBot, window: MainWindow, unlock: Callable[[], None]) -> None:
    """An emergency waiting for an answer, the window locked, ``unlock``: it is back, and
    answered."""
    dialog = raise_an_emergency(qtbot, window)
    window.lock.lock_now()
    assert_locked(window)
    assert not dialog.isVisible()
    unlock()
    assert window.alerts.dialog is dialog and dialog.isVisible()
    click(qtbot, dialog.buttons["called_helpline"])
    assert not dialog.isVisible()


def test_the_window_locks_after_the_chosen_idle_time_and_remembers_it(
    qtbot: QtBot, session: AppRun
) -> None:
    window = session.window
    lock = window.lock
    assert lock.idle_actions[0].isChecked()  # off by default without a passphrase
    assert not lock.idle_timer.isActive()
    lock.minute_ms = 20  # a test's minute
    lock.idle_actions[2].trigger()  # Journal > Lock after… > 2 minutes
    assert lock.idle_timer.interval() == 40
    qtbot.waitUntil(lambda: lock.locked, timeout=10000)
    assert_locked(window)
    assert int(str(settings().value(IDLE_KEY))) == 2  # a number of minutes, nothing else
    assert lock.idle_minutes() == 2
    lock.unlock()
    assert not lock.locked


def test_off_never_locks(qtbot: QtBot, session: AppRun) -> None:
    lock = session.window.lock
    lock.minute_ms = 1
    lock.idle_actions[5].trigger()
    lock.idle_actions[0].trigger()  # back to Off
    assert not lock.idle_timer.isActive()
    with qtbot.assertNotEmitted(lock.locked_changed, wait=300):
        click(qtbot, session.window.entry_form.note)
    assert not lock.locked


class Protected(PlainUnlocker):
    """An unlocker with a passphrase that refuses the first try (the crypt branch's shape)."""

    protected = True

    def __init__(self) -> None:
        self.tries = 0
        self.locks = 0
        self.shown = False

    def lock(self) -> None:
        self.locks += 1

    def unlock(self, parent: QWidget, answered: Answered) -> None:
        self.tries += 1
        asking = QDialog(parent)  # stands for the passphrase dialog: shown over the lock
        asking.show()
        QApplication.processEvents()  # as its own loop would, while the person types
        self.shown = asking.isVisible()
        asking.done(0)
        answered(self.tries > 1)


def test_a_protected_journal_locks_after_ten_minutes_and_unlocks_only_when_allowed(
    qtbot: QtBot, session: AppRun
) -> None:
    window = session.window
    lock: WindowLock = window.lock
    unlocker = Protected()
    lock.set_unlocker(unlocker)
    assert lock.idle_actions[10].isChecked() and lock.idle_timer.isActive()
    lock.lock_now()
    assert unlocker.locks == 1
    page = lock.page
    assert page is not None and page.words.text() == PROTECTED
    click(qtbot, page.unlock_button)
    assert unlocker.shown  # the unlocker's own dialog is not hidden by the lock
    assert_locked(window)  # refused: still locked
    click(qtbot, page.unlock_button)
    assert not lock.locked


def test_a_question_open_when_the_window_locks_is_cancelled_and_nothing_is_deleted(
    qtbot: QtBot, session: AppRun, data_dir: Path
) -> None:
    """A yes/no question runs its own loop (``exec``): hidden, Qt ends it as "No"."""
    window = session.window
    form = window.entry_form
    form.pain_score.setValue(2)
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: len(build_services(open_journal(data_dir)).journal.entries()) == 1)
    (entry,) = build_services(open_journal(data_dir)).journal.entries()
    window.tabs.setCurrentWidget(window.history)
    window.history.select_entry(str(entry.id))
    window.history.table.setFocus()
    asked: list[QWidget] = []

    def lock_while_asked() -> None:
        asked.extend(w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window)
        window.lock.lock_now()

    QTimer.singleShot(0, lock_while_asked)  # runs inside the question's own loop
    press(qtbot, Qt.Key.Key_Delete)
    assert asked  # the question was on screen when the window locked
    assert_locked(window)
    assert [e.id for e in build_services(open_journal(data_dir)).journal.entries()] == [entry.id]
    window.lock.unlock()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]


def test_locked_while_the_journal_opens_a_window_that_shows_up_is_hidden_until_unlocked(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock watches the app's input only once the start is over (its event filter slowed
    the first chart); a lock taken before then watches from that moment on."""
    from tests.gui.test_window_start import _slow_start
    from tracker.app import build_window

    release = _slow_start(monkeypatch)  # the opening held back until it is set
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.first_painted, timeout=5000):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: focused() is not None, timeout=3000)
        press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.lock.locked, timeout=3000)
        assert window.services is None  # the journal is still opening
        arrived = QDialog(window)  # as a reminder would, under the lock
        arrived.show()
        qtbot.waitUntil(lambda: not arrived.isVisible(), timeout=3000)
        release.set()
        qtbot.waitUntil(lambda: window.services is not None, timeout=10000)
        assert window.lock.locked and not arrived.isVisible()
        click(qtbot, window.lock.page.unlock_button)  # type: ignore[union-attr]
        assert not window.lock.locked
        assert arrived.isVisible()
    finally:
        release.set()
        session.close()
