"""User stories on the Appointments panel, each ending in a check of what the journal holds
(read back through a fresh set of services)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtWidgets import QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.gui.helpers import (
    answer_questions,
    click,
    focused,
    labelled,
    local,
    open_page,
    press,
    show_active,
    tab_walk,
    type_keys,
)
from tracker.domain.model import Appointment
from tracker.services.errors import StorageWriteError
from tracker.services.journal import Changes
from tracker.services.registry import Services, build_services
from tracker.ui.common import to_qdate
from tracker.ui.models.appointment_table_model import (
    NOTES,
    QUESTIONS,
    WHEN,
    WITH_WHOM,
    AppointmentTableModel,
)
from tracker.ui.widgets.appointments_panel import AppointmentsPanel


def stored(db: Any) -> list[Appointment]:
    return build_services(db).appointments.list()


def click_row(qtbot: QtBot, panel: AppointmentsPanel, row: int) -> None:
    rect = panel.table.visualRect(panel.proxy.index(row, WITH_WHOM))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def in_days(days: int) -> date:
    return date.today() + timedelta(days=days)


@pytest.fixture
def services(db: Any) -> Services:
    return build_services(db)


@pytest.fixture
def panel(qtbot: QtBot, services: Services) -> AppointmentsPanel:
    services.appointments.add(
        Appointment(at=local(in_days(-20), 9), with_whom="Physiotherapist", id=None)
    )
    services.appointments.add(
        Appointment(at=local(in_days(14), 11, 15), with_whom="Dr Patel", questions="MRI?")
    )
    panel = open_page(qtbot, AppointmentsPanel(), services, (1280, 720))
    show_active(qtbot, panel)
    return panel


def test_add_an_appointment_with_the_keyboard(
    qtbot: QtBot, panel: AppointmentsPanel, db: Any
) -> None:
    changes: list[Changes] = []
    panel.changed.connect(changes.append)
    day = in_days(3)
    panel.when.setFocus()
    panel.when.setDateTime(QDateTime(to_qdate(day), QTime(14, 30)))
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.with_whom
    type_keys(qtbot, "Oncology nurse")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.questions
    type_keys(qtbot, "Is the new pain from the spine?")
    press(qtbot, Qt.Key.Key_Tab)  # leaves the box rather than typing a tab into it
    assert focused() is panel.notes
    assert "\t" not in panel.questions.toPlainText()
    type_keys(qtbot, "Bring the summary")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.add_button
    press(qtbot, Qt.Key.Key_Space)

    new = [a for a in stored(db) if a.with_whom == "Oncology nurse"]
    assert len(new) == 1
    assert new[0].at == local(day, 14, 30)
    assert new[0].questions == "Is the new pain from the spine?"
    assert new[0].notes == "Bring the summary"
    assert len(stored(db)) == 3
    assert changes == [Changes.of("appointments")]
    assert panel.with_whom.text() == "" and panel.editing is None  # ready for the next one
    assert "added" in panel.message.text()


def test_upcoming_appointments_are_listed_first(panel: AppointmentsPanel) -> None:
    whom = [panel.proxy.index(r, WITH_WHOM).data() for r in range(panel.proxy.rowCount())]
    assert whom == ["Dr Patel", "Physiotherapist"]
    assert panel.proxy.index(1, WHEN).data().endswith("(past)")
    assert not panel.proxy.index(0, WHEN).data().endswith("(past)")
    assert panel.count_label.text() == "1 upcoming, 1 past."


def test_edit_keeps_the_id(qtbot: QtBot, panel: AppointmentsPanel, db: Any) -> None:
    before = {a.with_whom: a for a in stored(db)}
    click_row(qtbot, panel, 0)
    assert panel.editing is not None and panel.editing.id == before["Dr Patel"].id
    assert panel.with_whom.text() == "Dr Patel"
    assert panel.questions.toPlainText() == "MRI?"
    assert "Changing the appointment" in panel.status.text()
    assert panel.save_button.objectName() == "primary"  # in bold: the button that fits now
    assert panel.add_button.objectName() == ""
    panel.with_whom.selectAll()
    panel.with_whom.setFocus()
    type_keys(qtbot, "Dr Patel and the spinal nurse")
    panel.when.setTime(QTime(16, 0))
    click(qtbot, panel.save_button)

    after = stored(db)
    assert len(after) == 2
    changed = next(a for a in after if a.id == before["Dr Patel"].id)
    assert changed.with_whom == "Dr Patel and the spinal nurse"
    assert changed.at == local(in_days(14), 16, 0)
    assert changed.questions == "MRI?"
    other = next(a for a in after if a.id == before["Physiotherapist"].id)
    assert other == before["Physiotherapist"]
    assert "saved" in panel.message.text()
    assert panel.selected_appointment() == changed  # still chosen after the refresh


def test_save_changes_needs_a_chosen_appointment(
    qtbot: QtBot, panel: AppointmentsPanel, db: Any
) -> None:
    panel.with_whom.setText("Someone new")
    click(qtbot, panel.save_button)
    assert "Choose an appointment in the list first." in panel.message.text()
    assert panel.with_whom.text() == "Someone new"
    assert len(stored(db)) == 2


def test_delete_asks_first_both_ways(
    qtbot: QtBot, panel: AppointmentsPanel, db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = answer_questions(monkeypatch, [False, True])
    click_row(qtbot, panel, 1)
    click(qtbot, panel.delete_button)
    assert len(stored(db)) == 2  # "No": nothing deleted
    assert questions[0].startswith("Delete the appointment of ")
    assert "with Physiotherapist" in questions[0]
    assert panel.with_whom.text() == "Physiotherapist"

    click(qtbot, panel.delete_button)  # "Yes"
    assert [a.with_whom for a in stored(db)] == ["Dr Patel"]
    assert panel.proxy.rowCount() == 1
    assert panel.editing is None and panel.with_whom.text() == ""
    assert "was deleted" in panel.message.text()


def test_a_failed_write_keeps_what_was_typed(
    qtbot: QtBot,
    panel: AppointmentsPanel,
    services: Services,
    db: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(_appointment: Appointment) -> Appointment:
        raise StorageWriteError("The disk is full, so the appointment could not be saved.")

    monkeypatch.setattr(services.appointments, "add", full_disk)
    panel.with_whom.setText("Radiotherapy review")
    panel.questions.setPlainText("When is the scan?")
    click(qtbot, panel.add_button)
    assert "The disk is full" in panel.message.text()
    assert panel.with_whom.text() == "Radiotherapy review"
    assert panel.questions.toPlainText() == "When is the scan?"
    assert len(stored(db)) == 2


def test_labels_names_and_tab_order(qtbot: QtBot, panel: AppointmentsPanel) -> None:
    buddies = labelled(panel)
    for field in panel.tab_order:
        if not isinstance(field, QPushButton):
            assert field in buddies, field
            assert field.accessibleName(), field
    panel.when.setFocus()
    assert tab_walk(qtbot, len(panel.tab_order) - 1) == panel.tab_order


def test_appointment_table_model(qtmodeltester: ModelTester) -> None:
    now = local(date(2026, 3, 10), 12)
    model = AppointmentTableModel()
    model.set_appointments(
        [
            Appointment(at=local(date(2026, 3, 1), 9), with_whom="GP", id="a1"),
            Appointment(at=local(date(2026, 3, 12), 14, 30), with_whom="Oncologist",
                        questions="Scan?\nPainkillers?", notes="x" * 300, id="a2"),
        ],
        now,
    )  # fmt: skip
    qtmodeltester.check(model)
    assert model.index(0, WHEN).data() == "Sun 1 Mar 2026 09:00 (past)"
    assert model.index(1, WHEN).data() == "Thu 12 Mar 2026 14:30"
    assert model.index(1, QUESTIONS).data() == "Scan? Painkillers?"
    assert model.index(1, QUESTIONS).data(Qt.ItemDataRole.ToolTipRole) == "Scan?\nPainkillers?"
    assert len(model.index(1, NOTES).data()) == 120
    sort_role = Qt.ItemDataRole.UserRole + 1
    assert model.index(1, WHEN).data(sort_role) < model.index(0, WHEN).data(sort_role)
    assert model.row_of("a2") == 1
