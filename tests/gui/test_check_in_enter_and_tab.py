"""The check-in by keyboard, as a person who cannot use a mouse does it: Enter presses the
focused button (Save entry, "None of these") as Space does, and Tab goes down the page, through
today's doses (one Tab a time box), before it reaches the buttons under the page. Every button
of every page takes Enter the same way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.test_check_in_stories import Entries, Keyboard, entries, form  # noqa: F401
from tests.gui.test_entry_stories import new_window, window  # noqa: F401
from tests.gui.whole_window import whole_window
from tracker.domain.medicines import RegularMedicine
from tracker.ui import theme
from tracker.ui.common import local_now
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets.entry_form import EntryForm
from tracker.ui.widgets.nerve_questions import SIGNS

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def test_enter_on_the_focused_save_button_saves_the_entry(
    qtbot: QtBot,
    form: EntryForm,  # noqa: F811
    entries: Entries,  # noqa: F811
) -> None:
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, CTRL)
    keys.press("4")
    keys.press(Qt.Key.Key_F, ALT)  # None of these
    keys.tab_to(form.save_button)
    keys.press(Qt.Key.Key_Return)
    (entry,) = entries()
    assert entry.pain.score == 4
    assert "saved" in form.message.text()


def test_enter_on_none_of_these_answers_the_nerve_questions(
    qtbot: QtBot,
    form: EntryForm,  # noqa: F811
    entries: Entries,  # noqa: F811
) -> None:
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, CTRL)
    keys.press("2")
    keys.tab_to(form.nerves.none_button, backwards=True)
    keys.press(Qt.Key.Key_Enter)  # the keypad's Enter
    assert form.nerves.answer() == dict.fromkeys(SIGNS, "no")
    keys.press(Qt.Key.Key_S, CTRL)
    (entry,) = entries()
    assert (entry.pain.score, entry.walking, entry.bladder) == (2, 0, "normal")


def test_tab_goes_through_todays_doses_before_the_buttons(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    form: EntryForm,  # noqa: F811
) -> None:
    services = window.services
    assert services is not None
    today = local_now().date()
    services.medicines.add(
        RegularMedicine(name="Senna", dose=2, unit="tablet", times=(time(8), time(20)),
                        started_on=today - timedelta(days=3), id="rm-s")
    )  # fmt: skip
    form.todays_doses.refresh()
    first, second = form.todays_doses.rows
    expected: list[QWidget] = [
        form.note,
        *(first.time, first.taken, first.skipped, first.clear_button),
        *(second.time, second.taken, second.skipped, second.clear_button),
        form.save_button,
    ]
    keys = Keyboard(qtbot)
    form.note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.note)
    reached = [QApplication.focusWidget()]
    for _ in expected[1:]:
        keys.press(Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == expected
    keys.press(Qt.Key.Key_Backtab)  # and back up again
    assert QApplication.focusWidget() is second.clear_button


def _buttons(page: QWidget) -> list[QPushButton]:
    """The buttons of ``page`` that Tab reaches."""
    return [
        b
        for b in page.findChildren(QPushButton)
        if b.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
    ]


@pytest.fixture
def whole(qtbot: QtBot, qapp: QApplication, data_dir: Path) -> Iterator[MainWindow]:
    """The app's window with all its pages, on a journal started from the welcome page."""
    theme.install(qapp)
    for made in whole_window(qtbot, data_dir):
        made.first_start.page.start_button.click()
        yield made


PAGES = ("treatments", "medications", "medicines", "reviews", "appointments", "alerts")


@pytest.mark.parametrize("name", ["check-in", "history", *PAGES, "trends", "esas_forms"])
def test_every_button_a_page_tabs_to_takes_enter(
    qtbot: QtBot, whole: MainWindow, name: str
) -> None:
    pages = {"check-in": whole.entry_form, "history": whole.history}
    if name in pages:
        page = pages[name]
    else:
        panel = whole.panel(name)
        assert panel is not None
        page = panel.as_widget()
        whole.tabs.setCurrentWidget(page)
        if name == "trends":  # the chart's page is made when first shown
            qtbot.waitUntil(lambda: whole.panels["trends"].view is not None, timeout=10000)
    buttons = _buttons(page)
    assert buttons
    # outside a dialog, a focused button takes Enter only when it is auto-default
    assert [b.text() for b in buttons if not b.autoDefault()] == []
