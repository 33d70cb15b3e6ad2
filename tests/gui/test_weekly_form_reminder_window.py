"""The weekly symptom form's reminder in the window, as a person sets it: the Reminders dialog
by keyboard (tick, time, weekday), kept in the journal and shown by the form's page; then it
rings in the reminder bar like the others, and not on a day the form was filled in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from tests.gui.helpers import click_shown, focused, press, type_keys
from tests.gui.whole_window import whole_window
from tracker.domain import esas
from tracker.domain.reminders import TEXTS, WEEKLY_FORM, ReminderSettings
from tracker.local_zone import local_zone
from tracker.ui.main_window import MainWindow
from tracker.ui.reminder_clock import LAST_CHECKED, app_settings
from tracker.ui.reminders_flow import RemindersFlow
from tracker.ui.widgets.esas_page import EsasPage

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    yield from whole_window(qtbot, data_dir)


def _flow(window: MainWindow) -> RemindersFlow:
    flow = window.findChild(RemindersFlow)
    assert isinstance(flow, RemindersFlow)
    return flow


def test_turned_on_by_keyboard_with_a_weekday_and_a_time(qtbot: QtBot, window: MainWindow) -> None:
    assert window.services is not None
    window.services.esas.set_weekday(2)  # the form's page offers it on Tuesdays
    flow = _flow(window)
    flow.settings_action.trigger()
    dialog = flow.settings_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: focused() is dialog.boxes["check_in"])
    box = dialog.boxes["weekly_form"]
    assert not box.isChecked() and not dialog.weekday.isEnabled()  # off until chosen
    assert dialog.weekday.currentText() == "Tuesday"  # the page's day
    press(qtbot, Qt.Key.Key_W, ALT)
    assert focused() is box
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.times["weekly_form"].isEnabled() and dialog.weekday.isEnabled()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.times["weekly_form"]
    type_keys(qtbot, "09:15")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.weekday
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.weekday.currentText() == "Thursday"
    assert dialog.weekday.accessibleName()
    click_shown(qtbot, dialog.ok_button)
    settings = window.services.reminders.settings()
    assert (settings.weekly_form, settings.weekly_day) == (time(9, 15), 4)
    assert window.services.esas.weekday() == 4  # one day for the page and the reminder
    page = window.panel("esas_forms")
    assert isinstance(page, EsasPage)
    assert page.weekday.currentText() == "Thursday"
    assert "Thursday" in page.notice.text()


def _rings_after(flow: RemindersFlow, last: datetime) -> None:
    """The clock started again as if the app last looked at ``last``."""
    flow.clock.stop()
    app_settings().setValue(LAST_CHECKED, last.isoformat())
    flow.clock.start()


def test_it_rings_in_the_bar_and_not_once_the_form_is_filled_in(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.services is not None
    flow = _flow(window)
    due = (datetime.now(UTC) - timedelta(hours=1)).astimezone(local_zone())
    settings = ReminderSettings(
        check_in=None,
        doses=False,
        sessions=None,
        appointments=None,
        weekly_form=time(due.hour, due.minute),
        weekly_day=due.isoweekday(),
    )
    window.services.reminders.set_settings(settings)
    _rings_after(flow, due - timedelta(hours=1))
    qtbot.waitUntil(flow.bar.isVisible)
    shown = flow.bar.text.text()
    assert shown == f"{TEXTS[WEEKLY_FORM]} ({due:%H:%M})"  # neutral words, no score
    flow.bar.dismiss_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert not flow.bar.isVisible()
    filled = due - timedelta(minutes=due.minute)  # earlier that hour, the same day
    window.services.esas.add(esas.form_of(filled, "patient", {"pain": 2}))
    with qtbot.assertNotEmitted(flow.clock.due):
        _rings_after(flow, due - timedelta(hours=1))
    assert not flow.bar.isVisible()
