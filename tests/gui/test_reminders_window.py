"""The reminders in the window, driven as a person would: the settings dialog by keyboard,
the notice bar, the tray (where the system has one, and where it has none), and "Add to my
calendar…"."""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from tests.conftest import EXAMPLE_JOURNAL
from tests.gui.helpers import click_shown, focused, press, type_keys
from tests.gui.whole_window import whole_window
from tracker.domain.journal_format import loads
from tracker.domain.reminders import APPOINTMENT, CHECK_IN, DOSE, TEXTS, Reminder, ReminderSettings
from tracker.ui.common import Confirm
from tracker.ui.main_window import MainWindow
from tracker.ui.reminder_clock import LAST_CHECKED, app_settings
from tracker.ui.reminders_flow import RemindersFlow
from tracker.ui.tray import keep_running

# The offscreen platform has no tray: pretending it has one, Qt warns of a missing signal.
pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged")


@pytest.fixture(params=["tray", "no tray"])
def tray(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[bool]:
    """Each test once with a system tray and once without (its messages not really shown)."""
    available = request.param == "tray"
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: available))
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda *_args: None)
    yield available
    QApplication.setQuitOnLastWindowClosed(True)


@pytest.fixture
def started(qtbot: QtBot, data_dir: Path, tray: bool) -> Iterator[MainWindow]:
    """The window started a day and more after the app last looked (it was closed)."""
    last = datetime.now(UTC) - timedelta(hours=25)
    app_settings().setValue(LAST_CHECKED, last.isoformat())
    yield from whole_window(qtbot, data_dir)


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, tray: bool) -> Iterator[MainWindow]:
    yield from whole_window(qtbot, data_dir)


def _flow(window: MainWindow) -> RemindersFlow:
    flow = window.findChild(RemindersFlow)
    assert isinstance(flow, RemindersFlow)
    return flow


def test_the_settings_dialog_by_keyboard_keeps_the_times_in_the_journal(
    qtbot: QtBot, window: MainWindow, tray: bool
) -> None:
    flow = _flow(window)
    assert flow.settings_action in window.journal_menu.actions()
    flow.settings_action.trigger()
    dialog = flow.settings_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: focused() is dialog.boxes["check_in"])
    assert dialog.boxes["check_in"].isChecked()  # on by default, at 20:00
    assert dialog.times["check_in"].time().toString("HH:mm") == "20:00"
    press(qtbot, Qt.Key.Key_Tab)  # to the check-in's time
    assert focused() is dialog.times["check_in"]
    type_keys(qtbot, "21:30")
    assert dialog.times["check_in"].time().toString("HH:mm") == "21:30"
    dialog.boxes["appointments"].setFocus()
    press(qtbot, Qt.Key.Key_Space)  # appointments off
    assert not dialog.times["appointments"].isEnabled()
    assert dialog.keep_running.isEnabled() is tray
    if tray:
        dialog.keep_running.setFocus()
        press(qtbot, Qt.Key.Key_Space)
    for widget in (*dialog.boxes.values(), *dialog.times.values(), dialog.doses):
        assert widget.accessibleName()
    click_shown(qtbot, dialog.ok_button)
    assert window.services is not None
    assert window.services.reminders.settings() == ReminderSettings(
        check_in=time(21, 30), appointments=None
    )
    assert keep_running() is tray
    assert QApplication.quitOnLastWindowClosed() is not tray


def test_a_reminder_shows_in_the_window_and_the_tray_then_is_dismissed(
    qtbot: QtBot, window: MainWindow, tray: bool
) -> None:
    flow = _flow(window)
    at = datetime(2026, 11, 3, 20, tzinfo=UTC)
    flow.clock.due.emit([Reminder(at, CHECK_IN), Reminder(at, DOSE), Reminder(at, DOSE)])
    assert flow.bar.isVisible()
    shown = flow.bar.text.text()
    assert TEXTS[CHECK_IN] in shown and shown.count(TEXTS[DOSE]) == 1
    assert (flow.tray is not None and flow.tray.available) is tray
    if tray:
        assert flow.tray is not None and flow.tray.icon is not None
        assert flow.tray.icon.toolTip() == "Spine Journal"
    flow.bar.dismiss_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert not flow.bar.isVisible()


def test_tray_messages_say_only_the_neutral_words(
    qtbot: QtBot, window: MainWindow, tray: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda _self, _title, text, *a: messages.append(text)
    )
    flow = _flow(window)
    at = datetime(2026, 11, 3, 18, tzinfo=UTC)
    flow.clock.due.emit([Reminder(at, APPOINTMENT)])
    if tray:
        assert messages == [f"{TEXTS[APPOINTMENT]} ({at:%H:%M})"]
    else:
        assert messages == []
        assert flow.bar.isVisible()


def test_closing_the_window_keeps_it_in_the_tray_only_when_chosen(
    qtbot: QtBot, window: MainWindow, tray: bool
) -> None:
    flow = _flow(window)
    assert flow.tray is not None
    window.close()  # the setting is off by default: the window closes
    assert not window.isVisible()
    window.show()
    from tracker.ui.tray import set_keep_running

    set_keep_running(True)
    flow.tray.follow_setting()
    window.close()
    assert not window.isVisible()
    if not tray:
        return
    assert QApplication.quitOnLastWindowClosed() is False  # still running, in the tray
    flow.tray.open_action.trigger()
    assert window.isVisible()
    flow.tray.quit_action.trigger()  # Quit quits, even with the setting on
    assert not window.isVisible()
    assert QApplication.quitOnLastWindowClosed() is False


def test_the_windows_own_quit_quits_even_when_kept_in_the_tray(
    qtbot: QtBot, window: MainWindow, tray: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.ui.tray import set_keep_running

    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    flow = _flow(window)
    assert flow.tray is not None
    set_keep_running(True)
    flow.tray.follow_setting()
    window.quit_action.trigger()
    assert not window.isVisible()
    assert quits == ([True] if tray else [])  # without a tray, closing the window quits


def test_add_to_my_calendar_writes_a_private_file_neutral_unless_details(
    qtbot: QtBot, window: MainWindow, tray: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.services is not None
    window.services.exchange.import_journal(loads(EXAMPLE_JOURNAL.read_text("utf-8")))
    questions: list[str] = []

    def ask(_parent: object, _title: str, question: str) -> bool:
        questions.append(question)
        return False

    monkeypatch.setattr(Confirm, "ask", ask)
    flow = _flow(window)
    flow.calendar_action.trigger()
    dialog = flow.calendar_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.path.setText("")
    click_shown(qtbot, dialog.save_button)
    assert "Not saved" in dialog.message.text()
    dialog.path.setText(str(tmp_path / "missing" / "cal.ics"))
    click_shown(qtbot, dialog.save_button)
    assert "does not exist" in dialog.message.text()
    out = tmp_path / "cal.ics"
    dialog.path.setText(str(out))
    qtbot.keyClick(dialog.details, Qt.Key.Key_Space)  # type: ignore[no-untyped-call]
    assert dialog.details.isChecked()
    click_shown(qtbot, dialog.save_button)  # the warning: declined, so nothing written
    assert questions and "cloud services" in questions[0]
    assert not out.exists()
    qtbot.keyClick(dialog.details, Qt.Key.Key_Space)  # type: ignore[no-untyped-call]
    assert not dialog.details.isChecked()
    click_shown(qtbot, dialog.save_button)
    assert out.exists() and "Done" in dialog.message.text()
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert "Appointment" in summaries and "Spine Journal check-in" in summaries
    assert "Dr Example" not in out.read_text(encoding="utf-8")
    monkeypatch.setattr(Confirm, "ask", lambda *_args: True)  # details, after the warning
    qtbot.keyClick(dialog.details, Qt.Key.Key_Space)  # type: ignore[no-untyped-call]
    click_shown(qtbot, dialog.save_button)
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert "Appointment with Dr Example, clinical oncology" in summaries


def test_the_settings_dialogs_alt_letters_are_distinct(
    qtbot: QtBot, window: MainWindow, tray: bool
) -> None:
    flow = _flow(window)
    flow.settings_action.trigger()
    dialog = flow.settings_dialog
    assert dialog is not None
    texts = [b.text() for b in (*dialog.boxes.values(), dialog.doses, dialog.keep_running)]
    letters = [t[t.index("&") + 1].lower() for t in texts]
    assert len(letters) == len(set(letters)), texts
    qtbot.waitUntil(lambda: focused() is dialog.boxes["check_in"])
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # the doses' tick box
    assert focused() is dialog.doses


def test_a_reminder_due_while_the_app_was_closed_shows_at_the_start(
    qtbot: QtBot, started: MainWindow, tray: bool
) -> None:
    flow = _flow(started)
    qtbot.waitUntil(flow.bar.isVisible)
    assert TEXTS[CHECK_IN] in flow.bar.text.text()  # 20:00 came in the last 25 hours
    assert flow.clock.next_at is not None and flow.clock.timer.isActive()
