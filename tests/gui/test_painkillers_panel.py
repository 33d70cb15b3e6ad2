"""User stories on the Painkillers panel, each ending in a check of what the journal holds (read
back through a fresh set of services, as a second reader would)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
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
from tracker.domain.model import MedicationDose
from tracker.services.errors import StorageWriteError
from tracker.services.journal import Changes
from tracker.services.registry import Services, build_services
from tracker.ui.models.dose_table_model import DOSE, MEDICINE, TAKEN, TIME, DoseTableModel
from tracker.ui.widgets.painkillers_panel import NAME_FIRST, PainkillersPanel


def stored(db: Any) -> list[MedicationDose]:
    return build_services(db).medications.list()


@pytest.fixture
def services(db: Any) -> Services:
    return build_services(db)


def open_panel(qtbot: QtBot, services: Services) -> PainkillersPanel:
    panel = open_page(qtbot, PainkillersPanel(), services, (1280, 720))
    show_active(qtbot, panel)
    return panel


def test_a_dose_in_two_clicks(qtbot: QtBot, services: Services, db: Any) -> None:
    earlier = local_now_minus(hours=3)
    services.medications.add(
        MedicationDose(taken_at=earlier, name="Oxycodone liquid", dose="5 mg", as_needed=True)
    )
    panel = open_panel(qtbot, services)
    changes: list[Changes] = []
    panel.changed.connect(changes.append)
    button = panel.shown_choices()[0]
    assert button.accessibleName() == "Oxycodone liquid 5 mg, as needed"
    assert "Oxycodone liquid 5 mg" in button.text()

    click(qtbot, button)  # first click: the medicine
    assert len(stored(db)) == 1  # nothing is recorded by choosing
    assert focused() is panel.took_now_button
    click(qtbot, panel.took_now_button)  # second click: recorded

    doses = sorted(stored(db), key=lambda d: d.taken_at)
    assert len(doses) == 2
    new = doses[-1]
    assert (new.name, new.dose, new.as_needed) == ("Oxycodone liquid", "5 mg", True)
    assert abs(new.taken_at - datetime.now(UTC)) < timedelta(minutes=1)
    assert new.taken_at.utcoffset() is not None
    assert changes == [Changes.of("medications")]
    assert panel.message.isVisible() and "recorded" in panel.message.text()
    # The form is empty again, so a further press records nothing by accident.
    assert panel.name.currentText() == ""
    assert panel.proxy.rowCount() >= 1
    shown = [panel.proxy.index(r, TIME).data() for r in range(panel.proxy.rowCount())]
    assert f"{new.taken_at:%H:%M}" in shown


def local_now_minus(hours: int) -> datetime:
    return (datetime.now().astimezone() - timedelta(hours=hours)).replace(microsecond=0)


def test_on_a_short_screen_the_second_click_is_in_view(
    qtbot: QtBot, services: Services, db: Any
) -> None:
    services.medications.add(MedicationDose(taken_at=local_now_minus(1), name="Oramorph"))
    panel = open_panel(qtbot, services)
    panel.resize(1280, 300)  # below the first-start contacts form, or with larger text
    button = panel.took_now_button

    def fully_shown() -> bool:
        return button.visibleRegion().boundingRect() == button.rect()

    qtbot.waitUntil(lambda: not fully_shown())
    click(qtbot, panel.shown_choices()[0])
    qtbot.waitUntil(fully_shown)
    click(qtbot, panel.took_now_button)
    assert [d.name for d in stored(db)] == ["Oramorph", "Oramorph"]


def test_a_new_medicine_typed_with_the_keyboard(qtbot: QtBot, services: Services, db: Any) -> None:
    panel = open_panel(qtbot, services)
    assert panel.shown_choices() == []
    assert panel.recent.no_recent.isVisible()
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # "&Medicine:"
    assert focused() is panel.name
    type_keys(qtbot, "Ibuprofen")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.dose
    type_keys(qtbot, "400 mg")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.as_needed
    assert panel.as_needed.isChecked()  # the default
    press(qtbot, Qt.Key.Key_Space)  # a regular dose
    assert "Ibuprofen 400 mg" in panel.ready.text()
    assert "regular dose" in panel.ready.text()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.took_now_button
    press(qtbot, Qt.Key.Key_Space)

    [dose] = stored(db)
    assert (dose.name, dose.dose, dose.as_needed) == ("Ibuprofen", "400 mg", False)
    assert abs(dose.taken_at - datetime.now(UTC)) < timedelta(minutes=1)
    # Next time it is one of the big buttons, and a name to choose in the list.
    assert [b.choice for b in panel.shown_choices()] == [("Ibuprofen", "400 mg", False)]
    assert focused() is panel.shown_choices()[0]
    assert panel.name.findText("Ibuprofen") >= 0


def test_a_dose_taken_earlier_keeps_its_time(qtbot: QtBot, services: Services, db: Any) -> None:
    panel = open_panel(qtbot, services)
    yesterday = date.today() - timedelta(days=1)
    panel.name.setEditText("Paracetamol")
    panel.dose.setText("1 g")
    panel.taken_at.setDateTime(QDateTime(QDate(yesterday.year, yesterday.month, yesterday.day),
                                         QTime(22, 15)))  # fmt: skip
    click(qtbot, panel.save_at_button)

    [dose] = stored(db)
    assert dose.taken_at == local(yesterday, 22, 15)
    assert dose.as_needed is True
    # The list moves to the dose's own day, where it is listed.
    assert panel.chosen_day() == yesterday
    assert panel.proxy.index(0, MEDICINE).data() == "Paracetamol"


def test_a_name_chosen_from_the_list_brings_its_last_dose(
    qtbot: QtBot, services: Services, db: Any
) -> None:
    for hours, name, dose, needed in [(5, "Paracetamol", "1 g", False), (2, "Oramorph", "10 mg",
                                                                          True)]:  # fmt: skip
        services.medications.add(
            MedicationDose(taken_at=local_now_minus(hours), name=name, dose=dose, as_needed=needed)
        )
    panel = open_panel(qtbot, services)
    assert [panel.name.itemText(i) for i in range(panel.name.count())] == [
        "Oramorph",
        "Paracetamol",
    ]
    panel.name.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # to the first name in the list
    press(qtbot, Qt.Key.Key_Down)
    assert panel.name.currentText() == "Paracetamol"
    assert (panel.dose.text(), panel.as_needed.isChecked()) == ("1 g", False)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.took_now_button
    press(qtbot, Qt.Key.Key_Return)
    newest = max(stored(db), key=lambda d: d.taken_at)
    assert (newest.name, newest.dose, newest.as_needed) == ("Paracetamol", "1 g", False)


def test_the_earlier_time_starts_at_the_time_the_panel_is_shown(
    qtbot: QtBot, services: Services
) -> None:
    panel = open_panel(qtbot, services)
    panel.taken_at.setDateTime(QDateTime(QDate(2020, 1, 1), QTime(3, 0)))
    panel.hide()
    panel.show()
    shown = panel.taken_at.dateTime()
    now = datetime.now()
    assert shown.date() == QDate(now.year, now.month, now.day) or now.hour == 0
    assert abs(shown.time().secsTo(QTime(now.hour, now.minute))) <= 60


def test_an_empty_name_is_refused(qtbot: QtBot, services: Services, db: Any) -> None:
    panel = open_panel(qtbot, services)
    panel.dose.setText("5 mg")
    click(qtbot, panel.took_now_button)

    assert stored(db) == []
    assert panel.message.isVisible()
    assert NAME_FIRST in panel.message.text()
    assert "Not saved" in panel.message.text()
    assert focused() is panel.name
    assert panel.dose.text() == "5 mg"  # what was typed stays


def test_a_failed_write_keeps_what_was_typed(
    qtbot: QtBot, services: Services, db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = open_panel(qtbot, services)

    def full_disk(_dose: MedicationDose) -> MedicationDose:
        raise StorageWriteError("The disk is full, so the dose could not be saved.")

    monkeypatch.setattr(services.medications, "add", full_disk)
    panel.name.setEditText("Oramorph")
    panel.dose.setText("10 mg")
    click(qtbot, panel.took_now_button)

    assert stored(db) == []
    assert "The disk is full, so the dose could not be saved." in panel.message.text()
    assert (panel.name.currentText(), panel.dose.text()) == ("Oramorph", "10 mg")


def test_the_day_list_shows_only_that_days_doses(qtbot: QtBot, services: Services, db: Any) -> None:
    day = date.today() - timedelta(days=10)
    for when, name in [
        (local(day, 8), "Paracetamol"),
        (local(day, 20, 30), "Oxycodone liquid"),
        (local(day - timedelta(days=1), 23, 30), "Late one"),
        (local(day + timedelta(days=1), 0, 30), "Early one"),
    ]:
        services.medications.add(MedicationDose(taken_at=when, name=name, dose="1"))
    panel = open_panel(qtbot, services)
    assert panel.chosen_day() == date.today()
    assert panel.proxy.rowCount() == 0
    assert "No doses recorded" in panel.count_label.text()

    panel.show_day(day)
    rows = [
        (panel.proxy.index(r, TIME).data(), panel.proxy.index(r, MEDICINE).data())
        for r in range(panel.proxy.rowCount())
    ]
    assert rows == [("08:00", "Paracetamol"), ("20:30", "Oxycodone liquid")]
    assert panel.count_label.text().startswith("2 doses on")

    click(qtbot, panel.day_before_button)
    assert panel.chosen_day() == day - timedelta(days=1)
    assert [panel.proxy.index(0, MEDICINE).data()] == ["Late one"]
    assert panel.proxy.rowCount() == 1
    click(qtbot, panel.day_after_button)
    click(qtbot, panel.day_after_button)
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, MEDICINE).data() == "Early one"
    click(qtbot, panel.today_button)
    assert panel.chosen_day() == date.today()
    assert panel.proxy.rowCount() == 0
    assert len(stored(db)) == 4


def test_delete_a_dose_after_confirmation(
    qtbot: QtBot, services: Services, db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = date.today() - timedelta(days=2)
    services.medications.add(MedicationDose(taken_at=local(day, 9), name="Keep", dose="1"))
    services.medications.add(MedicationDose(taken_at=local(day, 10), name="Delete me"))
    panel = open_panel(qtbot, services)
    panel.show_day(day)
    questions = answer_questions(monkeypatch, [False, True])
    panel.table.selectRow(1)
    click(qtbot, panel.delete_button)
    assert len(stored(db)) == 2  # "No" keeps it
    assert "Delete me" in questions[0] and "10:00" in questions[0]

    panel.table.setFocus()
    press(qtbot, Qt.Key.Key_Delete)  # "Yes"
    assert [d.name for d in stored(db)] == ["Keep"]
    assert panel.proxy.rowCount() == 1
    assert len(questions) == 2


def test_delete_without_a_choice_says_so(qtbot: QtBot, services: Services, db: Any) -> None:
    panel = open_panel(qtbot, services)
    click(qtbot, panel.delete_button)
    assert "Choose a dose in the list first." in panel.message.text()


def test_labels_names_and_tab_order(qtbot: QtBot, services: Services) -> None:
    services.medications.add(MedicationDose(taken_at=local_now_minus(1), name="A", dose="1"))
    panel = open_panel(qtbot, services)
    buddies = labelled(panel)
    for field in (panel.name, panel.dose, panel.taken_at, panel.day):
        assert field in buddies
    for widget in panel.tab_order:
        if not isinstance(widget, QPushButton):  # a button's own text is its name
            assert widget.accessibleName(), widget
    first = panel.shown_choices()[0]
    first.setFocus()
    seen = tab_walk(qtbot, len(panel.tab_order) - 6)  # five hidden choice buttons are skipped
    expected = [first, *panel.tab_order[6:]]
    assert seen == expected


def test_dose_table_model(qtmodeltester: ModelTester) -> None:
    model = DoseTableModel()
    model.set_doses(
        [
            MedicationDose(taken_at=local(date(2026, 3, 5), 8), name="Paracetamol", dose="1 g",
                           id="m1"),
            MedicationDose(taken_at=local(date(2026, 3, 5), 14, 30), name="Oxycodone liquid",
                           dose="5 mg", as_needed=True, note="after physio", id="m2"),
        ]
    )  # fmt: skip
    qtmodeltester.check(model)
    assert model.index(1, TIME).data() == "14:30"
    assert model.index(1, DOSE).data() == "5 mg"
    assert model.index(1, TAKEN).data() == "as needed"
    assert model.index(0, TAKEN).data() == "regular dose"
    assert model.index(1, MEDICINE).data(Qt.ItemDataRole.ToolTipRole) == "after physio"
    assert model.row_of("m2") == 1 and model.row_of("missing") == -1
