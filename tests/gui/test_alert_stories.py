"""Red flags as the person meets them: saved by keyboard or mouse, alerted at once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tracker.app import AppRun, build_window
from tracker.domain.model import Contacts, Entry, Pain, Profile
from tracker.services.registry import Services, build_services
from tracker.storage.database import open_journal
from tracker.ui.dialogs.emergency_alert import EmergencyAlertDialog
from tracker.ui.main_window import MainWindow

HELPLINE = "0800 123 4567"


def open_window(qtbot: QtBot, data_dir: Path) -> AppRun:
    session = build_window(data_dir)
    qtbot.addWidget(session.window)
    with qtbot.waitSignal(session.window.first_painted, timeout=5000):
        session.window.show()
    qtbot.waitUntil(lambda: session.window.services is not None, timeout=5000)
    return session


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    services = stored(data_dir)
    services.journal.set_profile_and_contacts(
        Profile(), Contacts(helpline=HELPLINE, emergency="999", team="020 7000 0000")
    )
    session = open_window(qtbot, data_dir)
    yield session.window
    dialog = session.window.alerts.dialog
    if dialog is not None and dialog.isVisible():
        dialog.buttons["discussed_with_team"].click()
    session.close()


def stored(data_dir: Path) -> Services:
    return build_services(open_journal(data_dir))


def save_by_form(qtbot: QtBot, window: MainWindow, score: int, **choices: int) -> None:
    form = window.entry_form
    form.new_entry()
    form.pain_score.setValue(score)
    for limb, level in choices.items():
        form.weakness[limb].setCurrentIndex(level)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)


def test_new_leg_weakness_opens_the_emergency_window_that_needs_a_choice(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    save_by_form(qtbot, window, 3, left_leg=2)
    dialog = window.alerts.dialog
    assert isinstance(dialog, EmergencyAlertDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    text = " ".join(label.text() for label in (dialog.symptoms, dialog.advice, dialog.numbers))
    assert "new or worse weakness or heaviness in an arm or leg" in text
    assert HELPLINE in dialog.numbers.text() and "999" in dialog.numbers.text()
    assert "Call your 24-hour cancer helpline" in dialog.advice.text()
    # the numbers are whole on screen, above the choices (wrapped text once overlapped them)
    first_choice = dialog.buttons["called_helpline"].geometry()
    assert dialog.numbers.geometry().bottom() < first_choice.top()
    assert dialog.numbers.height() >= dialog.numbers.heightForWidth(dialog.numbers.width())
    layout = dialog.layout()
    assert dialog.minimumHeight() >= layout.totalHeightForWidth(dialog.width())
    # Escape and the close button do not close it
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    dialog.close()
    assert dialog.isVisible()
    event = QCloseEvent()
    dialog.closeEvent(event)
    assert not event.isAccepted()
    # the entry is saved already, and the alert is logged without an action yet
    (alert,) = [a for a in stored(data_dir).alerts.all_alerts() if a.rule == "R1"]
    assert alert.tier == "emergency" and alert.action is None
    qtbot.mouseClick(dialog.buttons["called_helpline"], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    (alert,) = [a for a in stored(data_dir).alerts.all_alerts() if a.rule == "R1"]
    assert alert.action == "called_helpline"
    assert alert.acknowledged_at is not None
    assert abs(alert.acknowledged_at - datetime.now().astimezone()) < timedelta(minutes=2)


def test_the_same_weakness_the_next_time_does_not_interrupt_again(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    save_by_form(qtbot, window, 3, left_leg=1)
    first = window.alerts.dialog
    assert first is not None
    first.buttons["went_to_hospital"].click()
    save_by_form(qtbot, window, 3, left_leg=1)
    assert window.alerts.dialog is first and not first.isVisible()
    rules = [a.rule for a in stored(data_dir).alerts.all_alerts()]
    assert rules.count("R1") == 2  # every firing is logged
    save_by_form(qtbot, window, 3, left_leg=2)  # worse: interrupts again
    assert window.alerts.dialog is not first and window.alerts.dialog.isVisible()


def test_an_unanswered_emergency_is_shown_again_at_the_next_start(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    save_by_form(qtbot, window, 3, right_leg=1)
    assert window.alerts.dialog is not None and window.alerts.dialog.isVisible()
    # the app is closed without an answer (the dialog is hidden as the process ends)
    window.alerts.dialog.hide()
    again = open_window(qtbot, data_dir)
    try:
        dialog = again.window.alerts.dialog
        assert dialog is not None and dialog.isVisible()
        assert "weakness" in dialog.symptoms.text()
        dialog.buttons["discussed_with_team"].click()
        assert {a.action for a in stored(data_dir).alerts.all_alerts()} == {"discussed_with_team"}
    finally:
        again.close()


def test_remind_me_in_15_minutes_brings_it_back(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    save_by_form(qtbot, window, 3, left_arm=1)
    window.alerts.dialog.buttons["reminder"].click()  # type: ignore[union-attr]
    (alert,) = stored(data_dir).alerts.all_alerts()
    assert alert.action == "reminder"
    assert window.alerts.reminder.isActive()
    assert window.alerts.reminder.interval() == 15 * 60 * 1000
    window.alerts.reminder.timeout.emit()  # fifteen minutes later
    assert window.alerts.dialog is not None and window.alerts.dialog.isVisible()


def test_an_urgent_banner_stays_until_acknowledged(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    form = window.entry_form
    form.pain_score.setValue(5)
    form.night.setChecked(True)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    banner = window.urgent_banner
    assert banner.isVisible()
    assert "pain at night that stops you sleeping" in banner.text.text()
    assert "within 24 hours" in banner.text.text()
    assert "020 7000 0000" in banner.text.text() and HELPLINE in banner.text.text()
    save_by_form(qtbot, window, 2)  # another entry: the banner stays
    assert banner.isVisible()
    qtbot.mouseClick(banner.ack_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    (alert,) = [a for a in stored(data_dir).alerts.all_alerts() if a.rule == "A6"]
    assert alert.action == "acknowledged" and alert.tier == "urgent"


def test_without_contacts_the_alert_names_where_to_find_the_number(
    qtbot: QtBot, data_dir: Path
) -> None:
    session = open_window(qtbot, data_dir)
    try:
        save_by_form(qtbot, session.window, 2, left_leg=3)
        dialog = session.window.alerts.dialog
        assert dialog is not None
        assert "the 24-hour number on your treatment card" in dialog.numbers.text()
        dialog.buttons["called_helpline"].click()
    finally:
        session.close()


def test_if_the_check_fails_the_entry_is_saved_and_the_person_is_told(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.domain import redflags

    def broken(*_args: object) -> None:
        raise RuntimeError("engine bug")

    monkeypatch.setattr(redflags, "evaluate", broken)
    save_by_form(qtbot, window, 4, left_leg=2)
    assert len(stored(data_dir).journal.entries()) == 1
    message = window.entry_form.message.text()
    assert "red-flag check could not run" in message and "call your care team" in message


def test_watch_flags_are_noted_in_the_history_without_interrupting(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    form = window.entry_form
    form.pain_score.setValue(2)
    form.bowel.setCurrentIndex(1)  # constipated: W2
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert window.alerts.dialog is None and not window.urgent_banner.isVisible()
    model = window.history.model
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert model.index(0, column.index("Red flags")).data() == "W2"


def test_my_team_has_assessed_this_fills_in_a_review(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    form = window.entry_form
    form.pain_score.setValue(5)
    form.tender.setChecked(True)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.urgent_banner.assessed_button, Qt.MouseButton.LeftButton)
    reviews = window.panels["reviews"]
    assert window.tabs.currentWidget() is reviews
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    (review,) = stored(data_dir).reviews.list()
    assert (review.symptom, review.level) == ("pain.tender", 1)
    # with the review in place, the same symptom no longer raises A5
    save_by_form(qtbot, window, 5)
    window.entry_form.tender.setChecked(True)
    services = stored(data_dir)
    later = services.journal.save_entry(
        Entry(
            recorded_at=datetime.now().astimezone() + timedelta(minutes=1),
            pain=Pain(score=5, tender=True),
        )
    )
    assert "A5" not in [f.rule for f in later.flags.evaluation.flags]  # type: ignore[union-attr]
