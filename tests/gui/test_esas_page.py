"""The weekly ESAS-r form in the whole window, as a person fills it in: by keyboard alone (Tab,
digits, Space, Ctrl+S), then a database check; items left blank stay "not answered"; bad input
refused with a clear message and nothing typed lost; the weekday kept in the journal and the
tab saying "(due)" on that day."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from tests.gui.test_check_in_stories import Keyboard
from tests.gui.test_record_pages_window import stored, window  # noqa: F401
from tracker.domain import esas
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets.esas_page import DUE_TITLE, TAB_TITLE, EsasPage
from tracker.ui.widgets.trends_page import TrendsPage

CTRL = Qt.KeyboardModifier.ControlModifier


def open_page(shown: MainWindow) -> EsasPage:
    """The Go menu's "Weekly form", as a person chooses it."""
    go = [a for a in shown.findChildren(type(shown.save_action)) if a.text() == "Weekly form"]
    assert len(go) == 1
    go[0].trigger()
    page = shown.panel("esas_forms")
    assert isinstance(page, EsasPage) and shown.tabs.currentWidget() is page
    page.focus_first_item()
    return page


def test_the_whole_form_by_keyboard(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
) -> None:
    page = open_page(window)
    keys = Keyboard(qtbot)
    assert QApplication.focusWidget() is page.items.rows["pain"]
    for key, digit in zip(esas.KEYS[:9], "342105617", strict=True):
        keys.tab_to(page.items.rows[key])
        keys.press(digit)
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.items.other_name
    keys.press("constipation")
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.items.rows["other"]
    keys.press(Qt.Key.Key_Right)  # the arrows move, Space chooses: 1
    keys.press(Qt.Key.Key_Space)
    keys.tab_to(page.who["patient"])
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_S, CTRL)
    (form,) = stored(data_dir).esas.list()
    assert form.scores() == dict(zip(esas.KEYS, [3, 4, 2, 1, 0, 5, 6, 1, 7, 1], strict=True))
    assert (form.completed_by, form.other_name) == ("patient", "constipation")
    assert abs(form.completed_at - datetime.now().astimezone()) < timedelta(minutes=2)
    assert len(stored(data_dir).journal.entries()) == 1  # the fixture's: Ctrl+S saved no entry
    assert "is saved" in page.message.text()
    assert page.items.scores() == dict.fromkeys(esas.KEYS)  # a clean form for next week


def test_items_left_blank_are_not_answered(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
) -> None:
    page = open_page(window)
    keys = Keyboard(qtbot)
    keys.press("0")  # pain 0: answered, and not the same as blank
    keys.tab_to(page.items.rows["anxiety"])
    keys.press("8")
    keys.tab_to(page.who["patient"])  # the three answers are one stop: an arrow, then Space
    keys.press(Qt.Key.Key_Right)
    assert QApplication.focusWidget() is page.who["family_caregiver"]
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_S, CTRL)
    (form,) = stored(data_dir).esas.list()
    assert form.pain == 0 and form.anxiety == 8
    assert [k for k, v in form.scores().items() if v is None] == [
        "tiredness", "drowsiness", "nausea", "appetite", "breath", "depression", "wellbeing",
        "other",
    ]  # fmt: skip
    assert form.completed_by == "family_caregiver"


@pytest.mark.parametrize(
    ("fill", "message"),
    [
        ({"pain": 4}, "Choose who completed the form"),
        ({"other": 5, "who": "patient"}, "Other Problem: a score is given: name the problem too"),
        ({"who": "patient"}, "No item is answered: answer at least one"),
    ],
    ids=["who", "other unnamed", "nothing answered"],
)
def test_bad_input_is_refused_and_nothing_typed_is_lost(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
    fill: dict[str, object],
    message: str,
) -> None:
    page = open_page(window)
    for key, value in fill.items():
        if key == "who":
            page.who[str(value)].setChecked(True)
        else:
            page.items.rows[key].setValue(int(str(value)))
    before = page.items.scores()
    page.save_button.click()
    assert message in page.message.text() and "Not saved" in page.message.text()
    assert stored(data_dir).esas.list() == []
    assert page.items.scores() == before


def test_the_weekday_is_kept_and_the_tab_says_due_today(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
) -> None:
    page = open_page(window)
    tabs = window.tabs
    assert isinstance(tabs, QTabWidget)
    today = datetime.now().astimezone().isoweekday()
    other_day = today % 7 + 1
    page.weekday.setFocus()
    page.weekday.setCurrentIndex(other_day - 1)
    page.weekday.activated.emit(other_day - 1)
    assert stored(data_dir).esas.weekday() == other_day
    assert tabs.tabText(tabs.indexOf(page)) == TAB_TITLE
    assert "you can fill it in any day" in page.notice.text()
    page.weekday.activated.emit(today - 1)
    assert stored(data_dir).esas.weekday() == today
    assert tabs.tabText(tabs.indexOf(page)) == DUE_TITLE
    assert "Today" in page.notice.text()
    page.items.rows["nausea"].setValue(2)
    page.who["professional_caregiver"].setChecked(True)
    page.save_button.click()
    assert tabs.tabText(tabs.indexOf(page)) == TAB_TITLE  # done for this week


def test_the_page_shows_the_instruments_words_and_acknowledgement(
    window: MainWindow,  # noqa: F811
) -> None:
    page = open_page(window)
    assert page.instruction.text() == esas.INSTRUCTION
    assert page.acknowledgement.text() == esas.ACKNOWLEDGEMENT
    for item in esas.ITEMS:
        row = page.items.rows[item.key]
        assert [a.text() for a in row.anchor_labels] == [item.left, item.right]
        if item.definition:
            assert page.items.definitions[item.key].text() == item.definition
    assert [b.text() for b in page.who.values()] == list(esas.COMPLETED_BY.values())


def test_the_trends_tab_draws_the_saved_forms(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
) -> None:
    page = open_page(window)
    page.items.rows["pain"].setValue(6)
    page.who["patient"].setChecked(True)
    # on the day of the fixture's entry: the chart's 30 days end on the last day recorded
    page.when.setDateTime(page.when.dateTime().addDays(-2))
    page.save_button.click()
    trends = window.panel("trends")
    assert isinstance(trends, TrendsPage)
    window.tabs.setCurrentWidget(trends)
    qtbot.waitUntil(lambda: trends.tabs is not None, timeout=10000)
    assert trends.tabs is not None and trends.esas is not None
    trends.tabs.setCurrentWidget(trends.esas)  # the ESAS-r tab, beside the chart
    view = trends.esas
    qtbot.waitUntil(lambda: view.forms != [], timeout=10000)
    pain = view.canvas.figure.axes[0]
    assert pain.get_title(loc="left") == "Pain"
    line: Any = pain.lines[0]
    assert list(line.get_ydata()) == [6.0]
    assert not view.message.isVisible()


def test_about_acknowledges_the_instrument(qtbot: QtBot) -> None:
    from tracker.ui.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    assert "Edmonton Symptom Assessment System" in dialog.licence.text()
    assert "Watanabe SM" in dialog.licence.text()


def test_the_export_dialog_writes_the_forms_own_csv(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
    tmp_path: Path,
) -> None:
    from tests.gui.test_data_safety_stories import open_export

    page = open_page(window)
    page.items.rows["nausea"].setValue(4)
    page.who["patient"].setChecked(True)
    page.save_button.click()
    dialog = open_export(qtbot, window)  # the fixture answers the export warning yes
    dialog.choose_format("esas-csv")
    assert Path(dialog.path.text()).name.endswith("-esas-r.csv")
    target = tmp_path / "forms.csv"
    dialog.path.setText(str(target))
    dialog.export_button.click()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("id,completed_at,completed_by,pain,")
    assert len(lines) == 2 and ",patient,,,,4," in lines[1]  # blank: not answered
    dialog.reject()


def test_the_instruction_on_screen_is_the_instruments_on_screen_wording(
    window: MainWindow,  # noqa: F811
) -> None:
    page = open_page(window)
    assert page.instruction.text() == "Choose the number that best describes how you feel NOW"
