"""The check-in as a person does it in the real window: a stable day in a few keys or clicks,
the whole check-in by keyboard alone, a "Yes" with its levels, every control reachable on a
small screen; each ends in a database check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.helpers import click
from tests.gui.test_entry_stories import new_window, stored, window  # noqa: F401
from tracker.domain.model import Entry, Numbness, Pain, Weakness
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets.entry_form import EntryForm
from tracker.ui.widgets.nerve_questions import SIGNS

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# "None of these": every level of the five signs answered 0 / "normal"
NO_WEAKNESS = Weakness(left_arm=0, right_arm=0, left_leg=0, right_leg=0)
NO_NUMBNESS = Numbness(arms=0, legs=0, trunk=0, saddle=0)
Entries = Callable[[], list[Entry]]


@pytest.fixture
def form(window: MainWindow) -> EntryForm:  # noqa: F811
    """The check-in page of the window, started as a person starts it."""
    return window.entry_form


@pytest.fixture
def entries(data_dir: Path) -> Entries:
    """The entries the journal holds now, as a second reader sees them."""
    return lambda: stored(data_dir).journal.entries()


def whole_in_view(widget: QWidget) -> bool:
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


class Keyboard:
    """Keys to whichever widget has the focus, counted as a person presses them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(
        self, key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        if isinstance(key, str):
            self.qtbot.keyClicks(widget, key, modifier)  # type: ignore[no-untyped-call]
        else:
            self.qtbot.keyClick(widget, key, modifier)  # type: ignore[no-untyped-call]
        self.count += 1

    def tab_to(self, widget: QWidget, backwards: bool = False, most: int = 60) -> None:
        for _ in range(most):
            if QApplication.focusWidget() is widget:
                return
            self.press(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab)
        raise AssertionError(f"{widget.accessibleName()!r} not reached by Tab")


@pytest.mark.parametrize("larger_text", [False, True], ids=["usual text", "larger text"])
def test_a_stable_day_takes_four_keystrokes(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    form: EntryForm,
    entries: Entries,
    larger_text: bool,
) -> None:
    if larger_text:
        window.larger_text_action.trigger()
    window.resize(1280, 720)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, CTRL)
    # the pain score, below the nerve questions, is scrolled into view as it takes the keys
    qtbot.waitUntil(lambda: whole_in_view(form.pain_score), timeout=3000)
    keys.press("3")
    keys.press(Qt.Key.Key_F, ALT)  # None of these
    assert form.nerves.answer() == dict.fromkeys(SIGNS, "no")  # at once, not 100 ms later
    assert whole_in_view(form.nerves.none_button)
    keys.press(Qt.Key.Key_S, CTRL)
    assert keys.count == 4 <= 5
    (entry,) = entries()
    assert entry.pain.score == 3
    assert entry.weakness == NO_WEAKNESS and entry.numbness == NO_NUMBNESS
    assert (entry.walking, entry.bladder, entry.bowel) == (0, "normal", "normal")
    assert "saved" in form.message.text()


def test_a_stable_day_takes_three_clicks(qtbot: QtBot, form: EntryForm, entries: Entries) -> None:
    clicks = [form.nerves.none_button, form.pain_score.buttons[2], form.save_button]
    for widget in clicks:
        form.page_scroll.ensureWidgetVisible(widget)  # as the person scrolls to it
        assert widget.isVisible() and widget.isEnabled()
        click(qtbot, widget)
    assert len(clicks) == 3 <= 4
    (entry,) = entries()
    assert entry.pain.score == 2 and entry.walking == 0


def test_the_whole_check_in_by_keyboard_alone(
    qtbot: QtBot, form: EntryForm, entries: Entries
) -> None:
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, CTRL)
    keys.tab_to(form.nerves.yes["walking"], backwards=True)
    keys.press(Qt.Key.Key_Space)  # Yes: difficulty walking
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.walking  # its detail opened, next in line
    keys.press(Qt.Key.Key_Down)  # 1 - unsteady
    keys.tab_to(form.pain_score)
    keys.press("1")
    keys.press("0")  # 1 then 0: ten
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.worst
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Space):
        keys.press(key)  # the worst in 24 hours by arrows: 2, then
    keys.press(Qt.Key.Key_End)
    keys.press(Qt.Key.Key_Return)  # ... changed to 10
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.regions["cervical"]
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Space)  # upper or middle back
    keys.tab_to(form.night)
    keys.press(Qt.Key.Key_Space)
    keys.tab_to(form.radiating["right_leg"])
    keys.press(Qt.Key.Key_Space)
    keys.tab_to(form.note)
    keys.press("stairs hard")
    keys.tab_to(form.save_button)
    keys.press(Qt.Key.Key_Space)
    (entry,) = entries()
    assert entry.pain == Pain(
        score=10, worst_24h=10, regions=("thoracic",), night=True, radiating=("right_leg",)
    )
    assert entry.walking == 1 and entry.weakness == NO_WEAKNESS and entry.bladder == "normal"
    assert entry.note == "stairs hard"


def test_a_yes_saves_its_levels_and_no_for_the_other_signs(
    qtbot: QtBot, form: EntryForm, entries: Entries
) -> None:
    click(qtbot, form.nerves.yes["numbness"])
    form.numbness["saddle"].setCurrentIndex(1)
    click(qtbot, form.pain_score.buttons[4])
    click(qtbot, form.save_button)
    (entry,) = entries()
    assert entry.numbness == replace(NO_NUMBNESS, saddle=1) and entry.walking == 0
    # the answer is not carried into the next entry
    assert form.nerves.answer() is None and form.numbness["saddle"].currentIndex() == 0


def test_editing_an_entry_shows_its_levels_as_answers_and_keeps_them(
    qtbot: QtBot, form: EntryForm, entries: Entries
) -> None:
    click(qtbot, form.nerves.yes["weakness"])
    form.weakness["right_arm"].setCurrentIndex(3)
    form.pain_score.setValue(5)
    click(qtbot, form.save_button)
    (saved,) = entries()
    form.edit(saved)
    assert form.nerves.yes["weakness"].isChecked() and form.weakness["right_arm"].isVisible()
    form.pain_score.setValue(6)
    click(qtbot, form.save_button)
    (edited,) = entries()
    assert edited.pain.score == 6 and edited.weakness == replace(NO_WEAKNESS, right_arm=3)


@pytest.mark.parametrize("larger_text", [False, True], ids=["usual text", "larger text"])
def test_at_1280_by_720_every_control_is_scrolled_into_view_when_focused(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    larger_text: bool,
) -> None:
    """Tab walks every control of the check-in (each sign's detail opened), and each one, as
    it takes the focus, is whole in view."""
    if larger_text:
        window.larger_text_action.trigger()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1280, 720), timeout=3000)
    form = window.entry_form
    for yes in form.nerves.yes.values():
        click(qtbot, yes)
    chain = [w for w in [*form._order, form.save_button] if w.isVisible()]
    assert len(chain) >= 35
    form.when.setFocus()
    keys = Keyboard(qtbot)
    for widget in chain:
        keys.tab_to(widget, most=2)
        whole = widget.visibleRegion().boundingRect()
        assert whole == widget.rect(), f"{widget.accessibleName()!r} in view {whole.getRect()}"


def test_painkiller_taken_goes_to_the_painkillers_page(qtbot: QtBot, data_dir: Path) -> None:
    from tests.gui.test_alert_stories import open_window

    session = open_window(qtbot, data_dir)
    try:
        window = session.window
        click(qtbot, window.first_start.page.start_button)
        form = window.entry_form
        form.page_scroll.ensureWidgetVisible(form.painkiller_button)
        click(qtbot, form.painkiller_button)
        assert window.tabs.currentWidget() is window.panel("medications")
    finally:
        session.close()


def test_a_yes_without_a_level_is_refused_and_nothing_is_stored(
    qtbot: QtBot, form: EntryForm, entries: Entries
) -> None:
    """Saved as it is, a "Yes" with every level still "none" would be stored as "none"."""
    click(qtbot, form.nerves.yes["weakness"])
    form.pain_score.setValue(4)
    form.note.setPlainText("arm odd")
    click(qtbot, form.save_button)
    message = form.message.text()
    assert "Weakness or heaviness in an arm or leg" in message and "which and how bad" in message
    assert entries() == []
    assert QApplication.focusWidget() is form.weakness["left_arm"]
    assert form.nerves.yes["weakness"].isChecked() and form.note.toPlainText() == "arm odd"
    form.weakness["left_arm"].setCurrentIndex(1)
    click(qtbot, form.save_button)
    (entry,) = entries()
    assert entry.weakness == replace(NO_WEAKNESS, left_arm=1)
