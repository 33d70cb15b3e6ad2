"""The weekly form's page is made only when its tab is first chosen (or once the start is
over), so that the journal and the chart do not wait for it: chosen by the keyboard on a
fresh window, it is there, its keys work, and its tab says whether the form is due."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.test_check_in_stories import Keyboard
from tracker.app import build_window
from tracker.domain import esas
from tracker.domain.model import Contacts, Profile
from tracker.services.registry import build_services
from tracker.storage.database import open_journal
from tracker.ui.common import local_now
from tracker.ui.widgets.esas_page import DUE_TITLE, TAB_TITLE, EsasPage

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_the_weekly_form_chosen_by_keyboard_on_a_fresh_window_is_made_and_takes_keys(
    qtbot: QtBot, data_dir: Path
) -> None:
    db = open_journal(data_dir)  # a journal begun: the pages, not the first start's welcome
    build_services(db).journal.start_journal(
        Profile(), Contacts(helpline="0800 123 4567", emergency="999")
    )
    db.close()
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    tabs = window.tabs
    made_with_the_pages: list[bool] = []
    window.first_painted.connect(
        lambda: made_with_the_pages.append(isinstance(tabs.widget(tabs.count() - 1), EsasPage))
    )
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    assert tabs.tabText(tabs.count() - 1) in (TAB_TITLE, DUE_TITLE)
    assert made_with_the_pages == [False]
    go = [a for a in window.findChildren(type(window.save_action)) if a.text() == "Weekly form"]
    assert len(go) == 1
    go[0].trigger()  # the Go menu's "Weekly form"
    page = tabs.currentWidget()
    assert isinstance(page, EsasPage) and window.panel("esas_forms") is page
    assert set(page.items.rows) == {item.key for item in esas.ITEMS}
    first = page.items.rows[esas.ITEMS[0].key]
    qtbot.waitUntil(page.isVisible, timeout=3000)
    page.focus_first_item()
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_P, ALT)
    assert QApplication.focusWidget() is page.history.table  # Alt+P: the list
    first.setFocus()
    keys.press("4")
    assert first.value() == 4
    qtbot.waitUntil(lambda: window.started_up, timeout=10000)
    session.close()


def test_the_weekly_form_is_made_once_the_start_is_over_and_its_tab_says_it_is_due(
    qtbot: QtBot, data_dir: Path
) -> None:
    db = open_journal(data_dir)
    build_services(db).esas.set_weekday(local_now().isoweekday())  # due today
    db.close()
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.start_up_done, timeout=10000):
        window.show()
    tabs = window.tabs
    page = tabs.widget(tabs.count() - 1)
    assert isinstance(page, EsasPage)
    assert tabs.tabText(tabs.count() - 1) == DUE_TITLE
    assert tabs.currentIndex() == 0  # the entry's page is still the one shown
    session.close()
