"""The weekly forms already filled in, under the form, as a person uses them by keyboard: the
list (newest first: when, who, how many answered, the scores), a form opened, corrected and
saved in its place, or deleted after a question naming its date; then a database check. Bad
input is refused with a clear message, the stored form unchanged and nothing typed lost."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.test_check_in_stories import Keyboard
from tests.gui.test_esas_page import open_page
from tests.gui.test_record_pages_window import stored, window  # noqa: F401
from tracker.domain import esas
from tracker.domain.wording import time_text
from tracker.ui.common import Confirm
from tracker.ui.main_window import MainWindow
from tracker.ui.widgets.esas_history import CHOOSE_FIRST, ROW_HEIGHT
from tracker.ui.widgets.esas_page import EsasPage

CTRL = Qt.KeyboardModifier.ControlModifier
NOW = datetime.now().astimezone().replace(second=0, microsecond=0)
TWO_WEEKS_AGO = NOW - timedelta(days=14)
LAST_WEEK = NOW - timedelta(days=7)


def _two_forms(shown: MainWindow, data_dir: Path) -> EsasPage:
    """A form of two weeks ago and one of last week, stored; the page opened on them."""
    services = stored(data_dir)
    services.esas.add(esas.form_of(TWO_WEEKS_AGO, "patient", {"pain": 6, "tiredness": 4}))
    services.esas.add(
        esas.form_of(LAST_WEEK, "family_caregiver", {"pain": 3, "other": 2}, "constipation")
    )
    page = open_page(shown)
    page.refresh()
    return page


def _choose_in_list(keys: Keyboard, page: EsasPage, row: int) -> None:
    keys.tab_to(page.history.table)
    keys.press(Qt.Key.Key_Home)  # the newest
    for _ in range(row):
        keys.press(Qt.Key.Key_Down)
    assert page.history.table.currentIndex().row() == row


def _open_newest(keys: Keyboard, page: EsasPage) -> esas.EsasForm:
    """The newest form chosen in the list and opened with Enter: the form being corrected."""
    _choose_in_list(keys, page, 0)
    keys.press(Qt.Key.Key_Return)
    assert page.editing is not None and page.editing.id is not None
    return page.editing


def test_the_list_shows_each_form_newest_first(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
) -> None:
    page = _two_forms(window, data_dir)
    model = page.history.model
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert rows == [
        [
            time_text(LAST_WEEK),
            "Family caregiver",
            "2 of 10",
            "Pain 3, Other Problem: constipation 2",
        ],
        [time_text(TWO_WEEKS_AGO), "Patient", "2 of 10", "Pain 6, Tiredness 4"],
    ]
    assert not page.history.empty.isVisible()
    page.focus_first_item()
    Keyboard(qtbot).press(Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.history.table  # Alt+P: the list
    qtbot.waitUntil(lambda: not page.history.table.visibleRegion().isEmpty())  # scrolled to
    page.history.table.scrollTo(model.index(0, 0))
    assert page.history.table.rowHeight(0) >= ROW_HEIGHT  # large targets (buttons: style.qss)


def test_a_form_opened_by_keyboard_is_corrected_in_its_place(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
) -> None:
    page = _two_forms(window, data_dir)
    keys = Keyboard(qtbot)
    _choose_in_list(keys, page, 1)  # the older form
    keys.press(Qt.Key.Key_Return)
    assert page.editing is not None and page.editing.completed_at == TWO_WEEKS_AGO
    assert QApplication.focusWidget() is page.items.rows["pain"]
    assert page.items.scores()["pain"] == 6 and page.who["patient"].isChecked()
    assert time_text(TWO_WEEKS_AGO) in page.correcting.text()
    assert page.save_button.text() == "Save the corrections"
    keys.press("5")  # pain 6 -> 5
    keys.tab_to(page.items.rows["nausea"])
    keys.press("1")
    keys.press(Qt.Key.Key_S, CTRL)
    forms = {f.completed_at: f for f in stored(data_dir).esas.list()}
    assert len(forms) == 2  # corrected in place, not added
    corrected = forms[TWO_WEEKS_AGO]
    assert (corrected.pain, corrected.tiredness, corrected.nausea) == (5, 4, 1)
    assert corrected.id == page.history.selected().id  # type: ignore[union-attr]
    assert forms[LAST_WEEK].pain == 3  # the other form untouched
    assert "corrections" in page.message.text() and "are saved" in page.message.text()
    assert page.editing is None and page.save_button.text() == "Save the form"
    assert page.items.scores() == dict.fromkeys(esas.KEYS)  # a clean form again
    assert page.history.model.index(1, 3).data() == "Pain 5, Tiredness 4, Nausea 1"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("clear every item", "No item is answered: answer at least one"),
        ("unname the other problem", "Other Problem: a score is given: name the problem too"),
    ],
)
def test_a_bad_correction_is_refused_and_nothing_is_lost(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
    change: str,
    message: str,
) -> None:
    page = _two_forms(window, data_dir)
    keys = Keyboard(qtbot)
    _choose_in_list(keys, page, 0)
    page.history.open_button.click()
    before = stored(data_dir).esas.list()
    if change == "clear every item":
        for key in esas.KEYS:
            page.items.rows[key].setFocus()
            keys.press(Qt.Key.Key_Delete)
    else:
        page.items.other_name.setFocus()
        page.items.other_name.selectAll()
        keys.press(Qt.Key.Key_Delete)
    typed = page.items.scores()
    keys.press(Qt.Key.Key_S, CTRL)
    assert message in page.message.text() and "Not saved" in page.message.text()
    assert stored(data_dir).esas.list() == before
    assert page.items.scores() == typed and page.editing is not None  # still correcting


def test_a_form_deleted_meanwhile_is_said_and_what_was_typed_stays(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
) -> None:
    page = _two_forms(window, data_dir)
    keys = Keyboard(qtbot)
    opened = _open_newest(keys, page)
    assert opened.id is not None
    stored(data_dir).esas.delete(opened.id)  # as another window of the journal would
    keys.press("9")
    keys.press(Qt.Key.Key_S, CTRL)
    assert "no longer in the journal" in page.message.text()
    assert page.items.scores()["pain"] == 9
    assert [f.completed_at for f in stored(data_dir).esas.list()] == [TWO_WEEKS_AGO]


def test_deleting_asks_naming_the_date_and_no_keeps_it(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _two_forms(window, data_dir)
    questions: list[str] = []
    answer = [False]

    def ask(_parent: object, _title: str, question: str) -> bool:
        questions.append(question)
        return answer[0]

    monkeypatch.setattr(Confirm, "ask", ask)
    keys = Keyboard(qtbot)
    _choose_in_list(keys, page, 1)
    keys.press(Qt.Key.Key_Delete)
    assert questions == [
        f"Delete the ESAS-r form of {time_text(TWO_WEEKS_AGO)}? Its scores leave the journal, "
        "its trends and its summary. This cannot be undone."
    ]
    assert len(stored(data_dir).esas.list()) == 2  # "No": kept
    answer[0] = True
    keys.press(Qt.Key.Key_Delete)
    assert [f.completed_at for f in stored(data_dir).esas.list()] == [LAST_WEEK]
    assert page.history.model.rowCount() == 1
    assert "is deleted" in page.history.message.text()
    assert QApplication.focusWidget() is page.history.table


def test_deleting_the_form_being_corrected_leaves_a_new_form(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
) -> None:
    page = _two_forms(window, data_dir)
    keys = Keyboard(qtbot)
    _open_newest(keys, page)
    _choose_in_list(keys, page, 0)
    page.history.delete_button.click()  # the window's fixture answers yes
    assert page.editing is None and page.save_button.text() == "Save the form"
    assert page.items.scores() == dict.fromkeys(esas.KEYS)
    assert [f.completed_at for f in stored(data_dir).esas.list()] == [TWO_WEEKS_AGO]


def test_nothing_chosen_says_so(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    data_dir: Path,
) -> None:
    page = _two_forms(window, data_dir)
    table = page.history.table
    for button in (page.history.open_button, page.history.delete_button):
        table.clearSelection()
        table.setCurrentIndex(QModelIndex())
        button.click()
        assert CHOOSE_FIRST in page.history.message.text()
        assert QApplication.focusWidget() is table
    assert page.editing is None
    assert len(stored(data_dir).esas.list()) == 2


def test_an_empty_journal_says_where_the_forms_will_be(
    window: MainWindow,  # noqa: F811
) -> None:
    page = open_page(window)
    assert page.history.model.rowCount() == 0
    assert page.history.empty.isVisible()
