"""User stories on the Treatments panel and its dialog, driven by keys and clicks, each ending
in a check of what the journal holds (read back through a fresh set of services)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.gui.helpers import (
    answer_questions,
    click,
    focused,
    open_page,
    press,
    tab_walk,
    type_keys,
)
from tracker.domain.model import Session, Treatment
from tracker.domain.schedule import weekday_dates
from tracker.services.errors import StorageWriteError
from tracker.services.journal import Changes
from tracker.services.registry import Services, build_services
from tracker.ui.common import Confirm
from tracker.ui.dialogs.treatment_dialog import SaveFunction, TreatmentDialog
from tracker.ui.models.session_table_model import DONE, NOTE, SessionTableModel
from tracker.ui.models.treatment_table_model import (
    DETAILS,
    ENDED,
    STARTED,
    TREATMENT,
    TreatmentTableModel,
)
from tracker.ui.widgets.treatments_panel import TreatmentsPanel

Fill = Callable[[QtBot, TreatmentDialog], None]


def thursday_in_two_weeks() -> date:
    today = date.today()
    return today + timedelta(days=(3 - today.weekday()) % 7 + 14)


def stored(db: Any) -> list[Treatment]:
    """What a second reader of the journal sees."""
    return build_services(db).treatments.list()


def alt(qtbot: QtBot, letter: Qt.Key) -> None:
    """Alt+letter: the mnemonic of a label, which moves the focus to its buddy."""
    press(qtbot, letter, Qt.KeyboardModifier.AltModifier)


def click_done_box(qtbot: QtBot, table: QTableView, row: int) -> None:
    """A click on the tick box of a session's Done cell, where the style draws it."""
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(table.model().index(row, DONE))
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = table.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table
    )
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


@pytest.fixture
def services(db: Any) -> Services:
    return build_services(db)


@pytest.fixture
def panel(qtbot: QtBot, services: Services) -> TreatmentsPanel:
    panel = open_page(qtbot, TreatmentsPanel(), services, (1200, 500))
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def dialog_story(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Callable[[Fill], list[TreatmentDialog]]:
    """Replace the modal ``ask`` (pytest-qt's advice): the real dialog is built and shown
    without its own event loop, and ``fill`` plays the person at the keyboard."""

    def install(fill: Fill) -> list[TreatmentDialog]:
        opened: list[TreatmentDialog] = []

        def ask(
            parent: QWidget | None, treatment: Treatment | None, save: SaveFunction | None = None
        ) -> Treatment | None:
            dialog = TreatmentDialog(treatment, save, parent)
            qtbot.addWidget(dialog)
            opened.append(dialog)
            dialog.show()
            dialog.activateWindow()
            qtbot.waitExposed(dialog)
            qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.kind)
            fill(qtbot, dialog)
            accepted = dialog.result() == QDialog.DialogCode.Accepted
            return dialog.treatment if accepted else None

        monkeypatch.setattr(TreatmentDialog, "ask", ask)
        return opened

    return install


# ---- (1) a radiotherapy course ---------------------------------------------------------------


def test_a_course_of_five_generated_sessions(
    qtbot: QtBot,
    panel: TreatmentsPanel,
    dialog_story: Callable[[Fill], list[TreatmentDialog]],
    db: Any,
) -> None:
    start = thursday_in_two_weeks()

    def fill(qtbot: QtBot, dialog: TreatmentDialog) -> None:
        type_keys(qtbot, "K")  # first Kyphoplasty ...
        assert dialog.kind.currentText() == "Kyphoplasty"
        qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new search, not "KR"
        type_keys(qtbot, "R")  # ... then Radiotherapy, by its first letter
        assert dialog.kind.currentData() == "radiotherapy"
        assert dialog.technique.isEnabled()
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.started_on
        type_keys(qtbot, f"{start.day} {start:%b %Y}")
        assert dialog.started_on.date() == QDate(start.year, start.month, start.day)
        assert dialog.started_on.text().endswith("(Thu)")
        alt(qtbot, Qt.Key.Key_I)
        assert focused() is dialog.site
        type_keys(qtbot, "T8")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.technique
        type_keys(qtbot, "c")
        assert dialog.technique.currentData() == "conventional"
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.dose
        type_keys(qtbot, "20")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.fractions
        type_keys(qtbot, "5")
        click(qtbot, dialog.generate_button)

        model = dialog.session_model
        days = [s.at.date() for s in model.sessions()]
        assert days == weekday_dates(start, 5)
        assert [f"{d:%a}" for d in days] == ["Thu", "Fri", "Mon", "Tue", "Wed"]
        assert {s.at.time() for s in model.sessions()} == {time(9, 0)}
        assert not any(s.done for s in model.sessions())  # in the future: planned
        assert "5 sessions added" in dialog.session_status.text()
        assert dialog.session_summary.text() == "5 sessions: 0 done, 5 planned."

        # the first two done, with the keyboard: Space on a row, Down, Space
        alt(qtbot, Qt.Key.Key_P)
        assert focused() is dialog.session_table
        dialog.session_table.setCurrentIndex(model.index(0, 0))
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Space)
        assert [s.done for s in model.sessions()] == [True, True, False, False, False]
        assert model.data(model.index(0, DONE)) == "done"
        assert model.data(model.index(2, DONE)) == "planned"
        assert dialog.session_summary.text() == "5 sessions: 2 done, 3 planned."
        # or with the mouse: a click on the last one's box ticks it, a second click unticks it
        click_done_box(qtbot, dialog.session_table, 4)
        assert model.sessions()[4].done
        click_done_box(qtbot, dialog.session_table, 4)
        assert not model.sessions()[4].done
        dialog.session_table.setFocus()
        dialog.session_table.setCurrentIndex(model.index(1, 0))
        # a note on the third: move to it, type, Enter keeps it
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Right)
        press(qtbot, Qt.Key.Key_Right)
        assert dialog.session_table.currentIndex().column() == NOTE
        type_keys(qtbot, "tired after")
        press(qtbot, Qt.Key.Key_Return)
        # Qt commits an edited cell on the next turn of the event loop
        qtbot.waitUntil(lambda: model.sessions()[2].note == "tired after")
        assert dialog.isVisible()  # Enter finished the note, it did not close the dialog
        click(qtbot, dialog.ok_button)

    with qtbot.waitSignal(panel.changed) as changed:
        dialog_story(fill)
        click(qtbot, panel.add_button)
    assert changed.args == [Changes.of("treatments")]

    (course,) = stored(db)
    assert course.id is not None
    assert (course.kind, course.started_on, course.ended_on) == ("radiotherapy", start, None)
    assert (course.site, course.technique, course.dose_gy, course.fractions) == (
        "T8", "conventional", 20.0, 5,
    )  # fmt: skip
    assert [s.at.date() for s in course.sessions] == weekday_dates(start, 5)
    assert [s.done for s in course.sessions] == [True, True, False, False, False]
    assert [s.note for s in course.sessions] == ["", "", "tired after", "", ""]
    assert all(s.at.utcoffset() is not None for s in course.sessions)
    # the table shows it, chosen, in plain words
    model = panel.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, TREATMENT)) == "Radiotherapy"
    details = model.data(model.index(0, DETAILS))
    assert details == "20 Gy in 5 fractions; conventional; 2 of 5 sessions done"
    assert panel.selected_treatment() == course
    assert "saved" in panel.message.text()


def test_generated_sessions_in_the_past_are_done_and_days_are_not_doubled(qtbot: QtBot) -> None:
    dialog = TreatmentDialog()
    qtbot.addWidget(dialog)
    start = date.today() - timedelta(days=60)
    dialog.started_on.setDate(QDate(start.year, start.month, start.day))
    dialog.fractions.setValue(3)
    click(qtbot, dialog.generate_button)
    assert [s.done for s in dialog.session_model.sessions()] == [True, True, True]
    dialog.fractions.setValue(4)
    click(qtbot, dialog.generate_button)
    assert [s.at.date() for s in dialog.session_model.sessions()] == weekday_dates(start, 4)
    assert "1 session added" in dialog.session_status.text()
    assert "3 days already had one" in dialog.session_status.text()
    dialog.fractions.setValue(0)
    click(qtbot, dialog.generate_button)
    assert "number of fractions first" in dialog.session_status.text()
    assert dialog.session_model.rowCount() == 4


def test_add_and_remove_a_single_session(qtbot: QtBot) -> None:
    dialog = TreatmentDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    when = datetime.combine(date.today() + timedelta(days=3), time(14, 30))
    dialog.session_at.setDateTime(when)
    click(qtbot, dialog.add_session_button)
    (session,) = dialog.session_model.sessions()
    assert session.at.replace(tzinfo=None) == when and session.done is False
    click(qtbot, dialog.remove_session_button)
    assert dialog.session_model.rowCount() == 0
    assert "removed" in dialog.session_status.text()


# ---- (2) edit ---------------------------------------------------------------------------------


def test_edit_keeps_its_id_and_its_sessions(
    qtbot: QtBot,
    panel: TreatmentsPanel,
    services: Services,
    dialog_story: Callable[[Fill], list[TreatmentDialog]],
    db: Any,
) -> None:
    at = datetime(2026, 3, 5, 9, 0).astimezone()
    original = services.treatments.add(
        Treatment(
            kind="radiotherapy",
            started_on=date(2026, 3, 5),
            site="T10",
            dose_gy=8.0,
            fractions=1,
            sessions=(Session(at=at, done=True, note="went well"),),
        )
    ).record
    panel.refresh()

    def fill(qtbot: QtBot, dialog: TreatmentDialog) -> None:
        assert dialog.windowTitle() == "Edit a treatment"
        assert dialog.site.text() == "T10" and dialog.dose.text() == "8 Gy"
        assert dialog.no_end.isChecked() and not dialog.ended_on.isEnabled()
        alt(qtbot, Qt.Key.Key_I)
        dialog.site.selectAll()
        type_keys(qtbot, "T9-T11")
        alt(qtbot, Qt.Key.Key_Y)  # the "No end date" box
        press(qtbot, Qt.Key.Key_Space)
        assert dialog.ended_on.isEnabled()
        dialog.ended_on.setDate(QDate(2026, 3, 6))
        press(qtbot, Qt.Key.Key_Return)  # Enter means OK

    panel.table.setFocus()
    panel.table.selectRow(0)
    dialog_story(fill)
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)

    (changed,) = stored(db)
    assert changed.id == original.id
    assert changed.site == "T9-T11" and changed.ended_on == date(2026, 3, 6)
    assert changed.sessions == original.sessions
    assert panel.model.data(panel.model.index(0, ENDED)) == "Fri 6 Mar 2026"


# ---- (3) delete -------------------------------------------------------------------------------


def test_delete_asks_first_and_no_deletes_nothing(
    qtbot: QtBot,
    panel: TreatmentsPanel,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    db: Any,
) -> None:
    keep = services.treatments.add(Treatment(kind="steroids", started_on=date(2026, 2, 1))).record
    gone = services.treatments.add(
        Treatment(kind="kyphoplasty", started_on=date(2026, 3, 1), site="L1")
    ).record
    panel.refresh()
    questions = answer_questions(monkeypatch, [False, True])
    assert gone.id is not None
    panel.select_treatment(gone.id)
    click(qtbot, panel.delete_button)
    assert questions == [
        "Delete the Kyphoplasty of Sun 1 Mar 2026 from the journal? This cannot be undone."
    ]
    assert stored(db) == [keep, gone]

    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)  # "Yes"
    assert len(questions) == 2
    assert stored(db) == [keep]
    assert panel.model.rowCount() == 1
    assert "deleted" in panel.message.text()


def test_edit_or_delete_with_nothing_chosen_says_so(
    qtbot: QtBot, panel: TreatmentsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Confirm, "ask", lambda *_a: pytest.fail("nothing to ask about"))
    click(qtbot, panel.delete_button)
    assert "Choose a treatment" in panel.message.text()
    assert panel.count_label.text() == "No treatments recorded yet."


def test_tab_reaches_the_buttons_before_the_table_as_they_are_read(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    before = QLineEdit(window)  # a field of the window above the panel
    panel = TreatmentsPanel(window)
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    layout.addWidget(panel)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    before.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is before)
    for expected in (panel.add_button, panel.edit_button, panel.delete_button, panel.table):
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is expected


def test_before_the_journal_is_open_nothing_is_written(qtbot: QtBot) -> None:
    panel = TreatmentsPanel()
    qtbot.addWidget(panel)
    click(qtbot, panel.add_button)
    assert "not open yet" in panel.message.text()


# ---- (4) refused values -----------------------------------------------------------------------


def test_an_end_before_the_start_is_refused_and_nothing_stored(
    qtbot: QtBot,
    panel: TreatmentsPanel,
    dialog_story: Callable[[Fill], list[TreatmentDialog]],
    db: Any,
) -> None:
    def fill(qtbot: QtBot, dialog: TreatmentDialog) -> None:
        type_keys(qtbot, "C")
        assert dialog.kind.currentData() == "chemotherapy"
        dialog.started_on.setDate(QDate(2026, 3, 5))
        dialog.no_end.click()
        dialog.ended_on.setDate(QDate(2026, 3, 1))
        click(qtbot, dialog.ok_button)
        assert dialog.isVisible()
        assert dialog.message.isVisible()
        text = dialog.message.text()
        assert "Not saved" in text and "Ended on" in text
        assert "Sun 1 Mar 2026 is before the start date, Thu 5 Mar 2026" in text
        assert focused() is dialog.ended_on
        press(qtbot, Qt.Key.Key_Escape)  # Escape cancels
        assert not dialog.isVisible()

    opened = dialog_story(fill)
    with qtbot.assertNotEmitted(panel.changed):
        click(qtbot, panel.add_button)
    assert opened[0].result() == QDialog.DialogCode.Rejected
    assert stored(db) == []
    assert panel.model.rowCount() == 0


def test_a_disk_problem_keeps_the_dialog_open_with_what_was_typed(
    qtbot: QtBot,
    panel: TreatmentsPanel,
    services: Services,
    dialog_story: Callable[[Fill], list[TreatmentDialog]],
    monkeypatch: pytest.MonkeyPatch,
    db: Any,
) -> None:
    sentence = "The disk is full, so nothing was saved. Free some space and try again."

    def full(_treatment: Treatment) -> Treatment:
        raise StorageWriteError(sentence)

    monkeypatch.setattr(services.treatments, "add", full)

    def fill(qtbot: QtBot, dialog: TreatmentDialog) -> None:
        type_keys(qtbot, "S")  # Stabilisation surgery
        dialog.site.setText("T12")
        click(qtbot, dialog.ok_button)
        assert dialog.isVisible()
        assert sentence in dialog.message.text()
        assert dialog.site.text() == "T12" and dialog.kind.currentData() == "stabilisation_surgery"
        click(qtbot, dialog.cancel_button)

    dialog_story(fill)
    click(qtbot, panel.add_button)
    assert stored(db) == []


# ---- (5) the models ---------------------------------------------------------------------------


def _course() -> Treatment:
    at = datetime(2026, 3, 5, 9, 0).astimezone()
    return Treatment(
        kind="radiotherapy",
        started_on=date(2026, 3, 5),
        ended_on=date(2026, 3, 11),
        site="T8",
        technique="sbrt",
        dose_gy=24.0,
        fractions=2,
        sessions=(Session(at=at), Session(at=at + timedelta(days=1), done=False, note="x")),
        note="first line\nsecond line",
        id="t1",
    )


def test_the_treatment_model_passes_qt_model_checks(qtmodeltester: ModelTester) -> None:
    model = TreatmentTableModel()
    model.set_treatments([_course(), Treatment(kind="nerve_block", started_on=date(2026, 1, 9))])
    qtmodeltester.check(model)
    assert model.data(model.index(1, ENDED)) == "same day"
    assert model.data(model.index(0, DETAILS)) == (
        "24 Gy in 2 fractions; stereotactic body (SBRT); 1 of 2 sessions done"
    )


def test_the_session_model_passes_qt_model_checks(qtmodeltester: ModelTester) -> None:
    model = SessionTableModel(_course().sessions)
    qtmodeltester.check(model)
    assert model.flags(model.index(0, DONE)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.flags(model.index(0, NOTE)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(
        model.index(1, DONE), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert model.setData(model.index(0, NOTE), "a note")
    assert [(s.done, s.note) for s in model.sessions()] == [(True, "a note"), (True, "x")]
    assert not model.setData(model.index(0, NOTE), "n" * 5001)


def test_dates_sort_as_dates_not_as_words(qtbot: QtBot, panel: TreatmentsPanel) -> None:
    fri = Treatment(kind="steroids", started_on=date(2026, 3, 6))
    thu = Treatment(kind="steroids", started_on=date(2026, 3, 5))
    sat = Treatment(kind="steroids", started_on=date(2025, 3, 8))
    panel.model.set_treatments([fri, thu, sat])
    panel.table.sortByColumn(STARTED, Qt.SortOrder.AscendingOrder)
    shown = [panel.proxy.index(row, STARTED).data() for row in range(3)]
    assert shown == ["Sat 8 Mar 2025", "Thu 5 Mar 2026", "Fri 6 Mar 2026"]


# ---- (6) a procedure --------------------------------------------------------------------------


def test_a_kyphoplasty_has_no_technique(
    qtbot: QtBot,
    panel: TreatmentsPanel,
    dialog_story: Callable[[Fill], list[TreatmentDialog]],
    db: Any,
) -> None:
    def fill(qtbot: QtBot, dialog: TreatmentDialog) -> None:
        dialog.technique.setCurrentIndex(dialog.technique.findData("srs"))
        type_keys(qtbot, "K")
        assert dialog.kind.currentData() == "kyphoplasty"
        assert not dialog.technique.isEnabled()
        assert dialog.technique.currentText() == "not recorded"
        dialog.started_on.setDate(QDate(2026, 1, 12))
        alt(qtbot, Qt.Key.Key_I)
        type_keys(qtbot, "L1")
        alt(qtbot, Qt.Key.Key_N)
        type_keys(qtbot, "Cement at L1")
        click(qtbot, dialog.ok_button)

    dialog_story(fill)
    click(qtbot, panel.add_button)
    (procedure,) = stored(db)
    assert (procedure.kind, procedure.technique, procedure.site) == ("kyphoplasty", None, "L1")
    assert (
        procedure.ended_on is None and procedure.sessions == () and procedure.note == "Cement at L1"
    )
    assert panel.model.data(panel.model.index(0, ENDED)) == "same day"


def test_every_input_has_a_label_and_tab_follows_the_layout(qtbot: QtBot) -> None:
    dialog = TreatmentDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.kind)
    assert dialog.ok_button.isDefault()
    reachable = [w for w in dialog.tab_order if w.isEnabled()]
    assert tab_walk(qtbot, len(reachable) - 1) == reachable
    for widget in dialog.tab_order:
        assert widget.accessibleName() or widget.property("text"), widget
